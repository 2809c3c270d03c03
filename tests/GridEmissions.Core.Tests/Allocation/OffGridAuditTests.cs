using GridEmissions.Core.Allocation;

namespace GridEmissions.Core.Tests.Allocation;

public sealed class OffGridAuditTests
{
    [Fact]
    public void The_row_holds_the_off_grid_part_and_passes_when_grid_plus_off_grid_is_the_total()
    {
        AuditRow row = OffGridAudit.Check("YRD", "s", 2024, 310.7e6, 2390e6, 2079.3e6, "imported electricity");
        Assert.True(row.Passes, $"relative error {row.RelativeError:E2}");
        Assert.Equal("off_grid", row.SectorId);
        Assert.Equal(AuditRow.OffGrid, row.Sign);
        Assert.Equal(310.7e6, row.TargetTonnes);
        Assert.True(Math.Abs(row.AllocatedTonnes - 310.7e6) <= 1e-9 * 2390e6, $"expected 310.7e6, got {row.AllocatedTonnes:R}");
        Assert.Equal(0, row.CellsUsed);
        Assert.Equal("held off the grid: 310.7 Mt, imported electricity", row.Closure);
        Assert.Contains(",off_grid,", row.ToCsv(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_grid_that_does_not_leave_exactly_the_off_grid_part_fails_the_run()
    {
        var e = Assert.Throws<AllocationException>(() => OffGridAudit.Check("YRD", "s", 2024, 310.7e6, 2390e6, 2079.3e6 + 10, "imported electricity"));
        Assert.Contains("Off-grid audit failed", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(2391e6)]
    [InlineData(double.NaN)]
    public void An_off_grid_part_below_zero_or_above_the_total_is_refused(double offGrid)
    {
        Assert.Throws<AllocationException>(() => OffGridAudit.Check("YRD", "s", 2024, offGrid, 2390e6, 0, "x"));
    }
}
