using GridEmissions.Core.Grids;
using GridEmissions.Core.Models;

namespace GridEmissions.Core.Tests.Fixtures;

/// <summary>
/// The shared tiny world: a 5 × 4 grid of 10 km cells on the national lattice (west edge 940 km,
/// north edge 4,000 km) and a region covering every cell but the westernmost column, with two
/// cities (A: columns 1–2, B: columns 3–4) whose seats sit at cell centres.
/// </summary>
/// <remarks>
/// Layout (row 0 is north; '.' is outside the region, 'A'/'B' the city holding the cell):
/// <code>
///   col  0 1 2 3 4
///   r0   . A A B B
///   r1   . A A B B
///   r2   . A A B B
///   r3   . A A B B
/// </code>
/// Cell (1, 3) is only half inside the region.
/// </remarks>
internal static class TinyGeography
{
    public const double CellSize = 10_000;

    public const string CityA = "410100";

    public const string CityB = "410200";

    /// <summary>5 columns × 4 rows; lattice column 94, northern row 399.</summary>
    public static GridSpec Grid { get; } = new("tiny", CellSize, 94, 399, 5, 4);

    /// <summary>Centre of cell (column, row) of <see cref="Grid"/> in grid CRS metres.</summary>
    public static (double X, double Y) Centre(int column, int row)
    {
        var c = Grid.CellCentre(Grid.Index(column, row));
        return (c.X, c.Y);
    }

    /// <summary>A fresh geography (its arrays may be changed by a test).</summary>
    public static CellGeography Create()
    {
        GridSpec g = Grid;
        var fraction = new double[g.CellCount];
        var city = new int[g.CellCount];
        for (int i = 0; i < g.CellCount; i++)
        {
            int c = g.ColumnOf(i);
            fraction[i] = c == 0 ? 0 : 1;
            city[i] = c == 0 ? -1 : c <= 2 ? 0 : 1;
        }

        fraction[g.Index(1, 3)] = 0.5;
        var (ax, ay) = Centre(1, 1);
        var (bx, by) = Centre(4, 2);
        CityInfo[] cities =
        [
            new(CityA, "甲市", "Alpha", ax, ay),
            new(CityB, "乙市", "Beta", bx, by),
        ];
        return new CellGeography(g, fraction, city, cities);
    }
}
