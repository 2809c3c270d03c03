using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;

namespace GridEmissions.Core.Models.Lines;

/// <summary>A line of the transport network in grid CRS metres, with its class (e.g. trunk, regional).</summary>
public sealed record CorridorLine(string Id, string Class, Geometry Geometry)
{
    /// <summary>Relative traffic per metre of this line within its class (1 for input lines; the road proxy's gravity flow).</summary>
    public double Weight { get; init; } = 1;
}

/// <summary>
/// The corridor network intersected with the grid once: the exact length (metres) of each class
/// in each cell, times each line's <see cref="CorridorLine.Weight"/> (1 for input lines). Every segment is clipped to each cell it crosses (Liang–Barsky on the cell
/// envelope), so lengths sum exactly to the network's length inside the grid.
/// </summary>
public sealed class CorridorNetwork
{
    private CorridorNetwork(GridSpec grid, IReadOnlyDictionary<string, double[]> lengthByClass)
    {
        Grid = grid;
        LengthMetresByClass = lengthByClass;
    }

    /// <summary>The grid.</summary>
    public GridSpec Grid { get; }

    /// <summary>Metres of line of each class in each cell, each line's metres times its weight.</summary>
    public IReadOnlyDictionary<string, double[]> LengthMetresByClass { get; }

    /// <summary>Intersects the lines with the grid.</summary>
    public static CorridorNetwork Build(GridSpec grid, IEnumerable<CorridorLine> lines)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(lines);
        var byClass = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        foreach (CorridorLine line in lines)
        {
            if (!byClass.TryGetValue(line.Class, out double[]? lengths))
            {
                lengths = new double[grid.CellCount];
                byClass[line.Class] = lengths;
            }

            for (int g = 0; g < line.Geometry.NumGeometries; g++)
            {
                if (line.Geometry.GetGeometryN(g) is not LineString ls)
                {
                    continue;
                }

                Coordinate[] cs = ls.Coordinates;
                for (int i = 1; i < cs.Length; i++)
                {
                    AddSegment(grid, cs[i - 1], cs[i], line.Weight, lengths);
                }
            }
        }

        return new CorridorNetwork(grid, byClass);
    }

    private static void AddSegment(GridSpec grid, Coordinate a, Coordinate b, double weight, double[] lengths)
    {
        double size = grid.CellSizeMetres;
        int c0 = (int)Math.Floor((Math.Min(a.X, b.X) - grid.MinX) / size), c1 = (int)Math.Floor((Math.Max(a.X, b.X) - grid.MinX) / size);
        int r0 = (int)Math.Floor((grid.MaxY - Math.Max(a.Y, b.Y)) / size), r1 = (int)Math.Floor((grid.MaxY - Math.Min(a.Y, b.Y)) / size);
        c0 = Math.Max(c0, 0);
        r0 = Math.Max(r0, 0);
        c1 = Math.Min(c1, grid.Columns - 1);
        r1 = Math.Min(r1, grid.Rows - 1);
        for (int r = r0; r <= r1; r++)
        {
            for (int c = c0; c <= c1; c++)
            {
                int index = grid.Index(c, r);
                double len = SegmentClipper.LengthInside(a, b, grid.CellEnvelope(index));
                if (len > 0)
                {
                    lengths[index] += len * weight;
                }
            }
        }
    }
}
