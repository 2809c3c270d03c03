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
/// The metres of one class of line in the cells it crosses: the cells (ascending) whose length is not 0, and their
/// lengths. A network touches a small part of a large grid, so only those cells are kept.
/// </summary>
/// <param name="CellCount">Cells of the grid.</param>
/// <param name="Cells">The cells with a length, ascending.</param>
/// <param name="Metres">Their lengths (metres × line weight).</param>
public sealed record CorridorLengths(int CellCount, int[] Cells, double[] Metres)
{
    /// <summary>The lengths on the whole grid (0 where no line runs).</summary>
    public double[] ToGrid()
    {
        var grid = new double[CellCount];
        for (int j = 0; j < Cells.Length; j++)
        {
            grid[Cells[j]] = Metres[j];
        }

        return grid;
    }
}

/// <summary>
/// The corridor network intersected with the grid once: the exact length (metres) of each class
/// in each cell, times each line's <see cref="CorridorLine.Weight"/> (1 for input lines). Every segment is clipped to each cell it crosses (Liang–Barsky on the cell
/// envelope), so lengths sum exactly to the network's length inside the grid.
/// </summary>
public sealed class CorridorNetwork
{
    private CorridorNetwork(GridSpec grid, IReadOnlyDictionary<string, CorridorLengths> lengthByClass)
    {
        Grid = grid;
        LengthMetresByClass = lengthByClass;
    }

    /// <summary>The grid.</summary>
    public GridSpec Grid { get; }

    /// <summary>Metres of line of each class in each cell it crosses, each line's metres times its weight.</summary>
    public IReadOnlyDictionary<string, CorridorLengths> LengthMetresByClass { get; }

    /// <summary>Intersects the lines with the grid.</summary>
    public static CorridorNetwork Build(GridSpec grid, IEnumerable<CorridorLine> lines)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(lines);
        var byClass = new SortedDictionary<string, CorridorLengths>(StringComparer.Ordinal);
        CorridorLine[] all = [.. lines];
        double[]? lengths = null; // one class at a time on the whole grid, then only its cells are kept
        foreach (string cls in all.Select(l => l.Class).Distinct().Order(StringComparer.Ordinal))
        {
            lengths ??= new double[grid.CellCount];
            foreach (CorridorLine line in all.Where(l => l.Class == cls))
            {
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

            byClass[cls] = Compact(lengths);
            Array.Clear(lengths);
        }

        return new CorridorNetwork(grid, byClass);
    }

    private static CorridorLengths Compact(double[] lengths)
    {
        var cells = new List<int>();
        for (int i = 0; i < lengths.Length; i++)
        {
            if (lengths[i] != 0)
            {
                cells.Add(i);
            }
        }

        int[] kept = [.. cells];
        return new CorridorLengths(lengths.Length, kept, [.. kept.Select(i => lengths[i])]);
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
