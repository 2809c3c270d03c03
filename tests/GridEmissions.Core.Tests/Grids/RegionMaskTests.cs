using GridEmissions.Core.Grids;

namespace GridEmissions.Core.Tests.Grids;

public class RegionMaskTests
{
    private static readonly GridSpec Grid = new("m", 10_000, 10, 20, 3, 2);

    private static RegionMask Mask() => new(Grid, [0, 0.25, 1, 1, 0, 1e-12]);

    [Fact]
    public void Cells_without_region_area_become_nodata_and_zero_inside_stays_zero()
    {
        double[] masked = Mask().Apply([0, 5, 0, 7.5, 0, 2], "power 2030");
        Assert.Equal([RegionMask.NoData, 5, 0, 7.5, RegionMask.NoData, 2], masked);
        Assert.Equal(4, Mask().InsideCount);
        Assert.True(Mask().IsInside(5));
        Assert.False(Mask().IsInside(0));
    }

    [Fact]
    public void Emissions_in_a_cell_without_region_area_fail_loudly_instead_of_being_dropped()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Mask().Apply([0, 5, 0, 7.5, 3, 2], "steel 2040"));
        Assert.Contains("steel 2040", e.Message, StringComparison.Ordinal);
        Assert.Contains(Grid.CellId(4), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_back_turns_nodata_into_zero_so_sums_are_unchanged()
    {
        double[] original = [0, 5, 0, 7.5, 0, 2];
        double[] read = Mask().Apply(original, "t");
        RegionMask.ZeroNoData(read, RegionMask.NoData);
        Assert.Equal(original, read);
        double[] nan = [double.NaN, 1];
        RegionMask.ZeroNoData(nan, double.NaN);
        Assert.Equal([0, 1], nan);
    }

    [Fact]
    public void Fractions_must_match_the_grid_and_lie_in_0_to_1()
    {
        Assert.Throws<ArgumentException>(() => new RegionMask(Grid, [0, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegionMask(Grid, [0, 1, 1, 1, 1, 1.5]));
        Assert.Throws<ArgumentException>(() => Mask().Apply([1, 2], "t"));
    }
}
