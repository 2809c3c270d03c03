using GridEmissions.Core.Grids;

namespace GridEmissions.Core.Tests.Grids;

public class LonLatGridTests
{
    [Fact]
    public void Covering_snaps_edges_outward_to_multiples_of_the_resolution()
    {
        var g = LonLatGrid.Covering(110.37, 116.64, 31.38, 36.37, 0.1);
        Assert.Equal(110.3, g.LonEdge(0), 9);
        Assert.Equal(116.7, g.LonEdge(g.Columns), 9);
        Assert.Equal(31.3, g.LatEdge(0), 9);
        Assert.Equal(36.4, g.LatEdge(g.Rows), 9);
        Assert.Equal(64, g.Columns);
        Assert.Equal(51, g.Rows);
        Assert.Equal(110.35, g.Longitudes()[0], 9);
        Assert.Equal([110.3, 110.4], g.LongitudeBounds()[..2].Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void An_edge_already_on_the_lattice_adds_no_row()
    {
        var g = LonLatGrid.Covering(110, 111, 30, 30.5, 0.25);
        Assert.Equal((4, 2), (g.Columns, g.Rows));
    }

    [Fact]
    public void The_cells_of_the_whole_globe_add_up_to_the_area_of_the_WGS84_ellipsoid()
    {
        // 4π R_q² with the authalic radius of WGS84, R_q = 6 371 007.181 m: 510 065 621.7 km².
        var g = LonLatGrid.Covering(-180, 180, -90, 90, 5);
        double total = g.CellAreas().Sum();
        Assert.Equal(510_065_621.7, total / 1e6, 0.5);
    }

    [Fact]
    public void A_cell_at_the_equator_is_larger_than_one_at_sixty_degrees_by_about_the_cosine()
    {
        var equator = LonLatGrid.Covering(0, 0.1, 0, 0.1, 0.1).CellAreas()[0];
        var sixty = LonLatGrid.Covering(0, 0.1, 60, 60.1, 0.1).CellAreas()[0];
        Assert.InRange(equator, 1.229e8, 1.232e8); // ≈ 11.13 km × 11.06 km
        Assert.InRange(sixty / equator, 0.49, 0.51);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(11)]
    [InlineData(double.NaN)]
    public void A_resolution_outside_zero_to_ten_degrees_is_refused(double resolution) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LonLatGrid.Covering(110, 111, 30, 31, resolution));
}
