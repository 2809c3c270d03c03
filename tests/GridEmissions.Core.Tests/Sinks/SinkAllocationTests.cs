using GridEmissions.Core.Allocation;
using GridEmissions.Core.Sinks;

namespace GridEmissions.Core.Tests.Sinks;

public sealed class SinkAllocationTests
{
    private static readonly AllocationKey Key = new("Henan", SinkSpec.LandSector, 2030);

    [Fact]
    public void A_sink_is_placed_by_its_weights_with_every_cell_at_or_below_zero_and_conserves_its_target()
    {
        double[] weights = [0, 367, 55, 110.5, 0];
        var cells = new double[weights.Length];
        AllocationOutcome outcome = SignedAllocation.Allocate(Key, -30e6, weights, cells);
        Assert.All(cells, c => Assert.True(c <= 0));
        Assert.Equal(0, cells[0]);
        Assert.True(Math.Abs(PreciseSum.Of(cells) - -30e6) / 30e6 <= 1e-9);
        Assert.Equal(367 / 55.0, cells[1] / cells[2], 12);
        AuditRow row = SinkAudit.Check("s", outcome, cells);
        Assert.True(row.Passes);
        Assert.Equal(AuditRow.Sink, row.Sign);
        Assert.Equal(0, row.WrongSignCells);
        Assert.EndsWith(",sink,0", row.ToCsv(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_positive_sink_target_is_refused()
    {
        var ex = Assert.Throws<AllocationException>(() => SignedAllocation.Allocate(Key, 5, [1.0, 1.0], new double[2]));
        Assert.Contains("zero or negative", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_audit_fails_a_positive_cell_in_a_sink_sector()
    {
        double[] cells = [-20, 5, -15];
        var ex = Assert.Throws<AllocationException>(() => SinkAudit.Check("s", new AllocationOutcome(Key, -30, -30, 3), cells));
        Assert.Contains("positive cells 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_audit_fails_a_sink_that_misses_its_target_and_judges_the_error_on_its_magnitude()
    {
        double[] cells = [-20, -9];
        Assert.Throws<AllocationException>(() => SinkAudit.Check("s", new AllocationOutcome(Key, -30, -29, 2), cells));
        var outcome = new AllocationOutcome(Key, -30, -29, 2);
        Assert.False(outcome.IsConserved);
    }

    [Fact]
    public void An_emitting_row_counts_negative_cells_as_wrong_sign()
    {
        AuditRow row = MassBalanceAudit.Check("s", new AllocationOutcome(new AllocationKey("Henan", "power", 2030), 10, 10, 1), [10.0, 0], 0, 0);
        Assert.Equal(AuditRow.Emitting, row.Sign);
        Assert.Equal(AuditRow.CsvHeader.Split(',').Length, row.ToCsv().Split(',').Length);
    }
}
