using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;

namespace GridEmissions.Gdal.Tests.Rasters;

public sealed class RasterizerTests
{
    private static readonly GeometryFactory Factory = new();

    private static Polygon Box(double minX, double minY, double maxX, double maxY) =>
        Factory.CreatePolygon([new(minX, minY), new(maxX, minY), new(maxX, maxY), new(minX, maxY), new(minX, minY)]);

    [Fact]
    public void A_polygon_burns_the_cells_whose_centres_it_contains()
    {
        GridSpec grid = TestGrids.Small; // x 730..780 km, y 3,700..3,740 km
        // Covers the centres of columns 1-2 and rows 1-2 (x 745, 755 km; y 3,725, 3,715 km).
        Polygon polygon = Box(741_000, 3_711_000, 759_000, 3_729_000);

        double[] burnt = Rasterizer.Rasterize(grid, [polygon], [7.0], allTouched: false);

        Assert.Equal(4, burnt.Count(v => v == 7.0));
        Assert.Equal(16, burnt.Count(v => v == 0));
        Assert.Equal(7.0, burnt[grid.Index(1, 1)]);
        Assert.Equal(7.0, burnt[grid.Index(2, 2)]);
    }

    [Fact]
    public void All_touched_also_burns_partly_covered_cells()
    {
        GridSpec grid = TestGrids.Small;
        // Contains the centres of columns 1-3, rows 0-2 (9 cells) and touches columns 0-3, rows 0-3.
        Polygon polygon = Box(738_000, 3_708_000, 768_000, 3_738_000);

        double[] centres = Rasterizer.Rasterize(grid, [polygon], [1.0], allTouched: false);
        double[] burnt = Rasterizer.Rasterize(grid, [polygon], [1.0], allTouched: true);

        Assert.Equal(9, centres.Count(v => v == 1.0));
        Assert.Equal(16, burnt.Count(v => v == 1.0));
        Assert.Equal(0, burnt[grid.Index(4, 0)]);
    }

    [Fact]
    public void Later_geometries_overwrite_earlier_ones()
    {
        GridSpec grid = TestGrids.Small;
        double[] burnt = Rasterizer.Rasterize(grid, [Box(730_000, 3_700_000, 780_000, 3_740_000), Box(730_000, 3_730_000, 740_000, 3_740_000)], [1.0, 2.0], allTouched: false);

        Assert.Equal(2.0, burnt[grid.Index(0, 0)]);
        Assert.Equal(19, burnt.Count(v => v == 1.0));
    }
}
