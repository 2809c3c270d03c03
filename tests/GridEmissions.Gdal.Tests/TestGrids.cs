using GridEmissions.Core.Grids;

namespace GridEmissions.Gdal.Tests;

/// <summary>Tiny grids on the 10 km China Albers lattice shared by the tests.</summary>
public static class TestGrids
{
    /// <summary>5 columns x 4 rows around Zhengzhou (x 730-780 km, y 3,700-3,740 km).</summary>
    public static GridSpec Small { get; } = new("test-small", 10_000, 73, 373, 5, 4);

    /// <summary>Values 0.5, 1.5, ... with a few distinctive cells.</summary>
    public static double[] Ramp(GridSpec grid, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Enumerable.Range(0, grid.CellCount).Select(i => (i + 0.5) * scale).ToArray();
    }
}
