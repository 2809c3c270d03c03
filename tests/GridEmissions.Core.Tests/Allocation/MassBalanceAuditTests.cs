using GridEmissions.Core.Allocation;

namespace GridEmissions.Core.Tests.Allocation;

public class MassBalanceAuditTests
{
    private static readonly AllocationKey Key = new("YRD", "steel", 2040);

    [Fact]
    public void Check_passes_a_conserving_grid_and_records_what_it_saw()
    {
        double[] cells = [0, 25, 75];
        AuditRow row = MassBalanceAudit.Check("ref", new AllocationOutcome(Key, 100, 100, 2), cells, facilityCount: 3, retiredCount: 1);
        Assert.True(row.Passes);
        Assert.Equal(("YRD", "ref", 2040, "steel"), (row.Region, row.Scenario, row.Year, row.SectorId));
        Assert.Equal((100d, 100d, 0d, 0d), (row.TargetTonnes, row.AllocatedTonnes, row.ResidualTonnes, row.RelativeError));
        Assert.Equal((3, 1, 2, 0, 0), (row.FacilityCount, row.RetiredCount, row.CellsUsed, row.NegativeCells, row.NonFiniteCells));
        Assert.Equal(AuditRow.CsvHeader.Split(',').Length, row.ToCsv().Split(',').Length);
        Assert.EndsWith(",true,,emitting,0", row.ToCsv(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_flags_a_negative_cell_even_when_the_sum_is_conserved()
    {
        double[] cells = [50, -10, 60];
        var ex = Assert.Throws<AllocationException>(() => MassBalanceAudit.Check("ref", new AllocationOutcome(Key, 100, 100, 3), cells, 0, 0));
        Assert.Contains("negative cells 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'steel'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_flags_a_non_finite_cell()
    {
        double[] cells = [50, double.NaN, 50];
        var ex = Assert.Throws<AllocationException>(() => MassBalanceAudit.Check("ref", new AllocationOutcome(Key, 100, 100, 3), cells, 0, 0));
        Assert.Contains("non-finite cells 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_flags_a_grid_that_does_not_sum_to_its_target()
    {
        double[] cells = [50, 50.001];
        var ex = Assert.Throws<AllocationException>(() => MassBalanceAudit.Check("ref", new AllocationOutcome(Key, 100, 100, 2), cells, 0, 0));
        Assert.Contains("target 100 t", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_accepts_a_residual_within_the_tolerance()
    {
        double[] cells = [50, 50 + 5e-8];
        AuditRow row = MassBalanceAudit.Check("ref", new AllocationOutcome(Key, 100, 100, 2), cells, 0, 0);
        Assert.True(row.RelativeError <= Harmonizer.RelativeTolerance, $"relative error {row.RelativeError:E3}");
    }
}
