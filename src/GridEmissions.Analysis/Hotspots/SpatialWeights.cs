using GridEmissions.Core.Grids;

namespace GridEmissions.Analysis;

/// <summary>
/// Binary spatial weights on a grid, including each cell itself, restricted to the cells of a
/// study region. Built once per grid and reused for every year and sector. Stored as compressed
/// neighbour lists (cell indices, ascending); cells outside the region have no neighbours and are
/// nobody's neighbour.
/// </summary>
public sealed class SpatialWeights
{
    private readonly int[] _start;
    private readonly int[] _neighbours;
    private readonly bool[] _inRegion;
    private readonly int[] _regionCells;

    private SpatialWeights(GridSpec grid, WeightsKind kind, double bandMetres, bool[] inRegion, int[] start, int[] neighbours)
    {
        Grid = grid;
        Kind = kind;
        BandMetres = bandMetres;
        _inRegion = inRegion;
        _start = start;
        _neighbours = neighbours;
        _regionCells = Enumerable.Range(0, grid.CellCount).Where(i => inRegion[i]).ToArray();
    }

    /// <summary>The grid.</summary>
    public GridSpec Grid { get; }

    /// <summary>Queen contiguity or distance band.</summary>
    public WeightsKind Kind { get; }

    /// <summary>Band distance in metres for <see cref="WeightsKind.DistanceBand"/>; 0 for queen weights.</summary>
    public double BandMetres { get; }

    /// <summary>Number of cells in the study region (n of the Gi* moments).</summary>
    public int RegionCellCount => _regionCells.Length;

    /// <summary>Indices of the study-region cells, ascending.</summary>
    public ReadOnlySpan<int> RegionCells => _regionCells;

    /// <summary>True when the cell belongs to the study region.</summary>
    public bool InRegion(int cellIndex) => _inRegion[cellIndex];

    /// <summary>Neighbours of a cell including itself (ascending cell indices); empty outside the region.</summary>
    public ReadOnlySpan<int> NeighboursOf(int cellIndex) => _neighbours.AsSpan(_start[cellIndex], _start[cellIndex + 1] - _start[cellIndex]);

    /// <summary>Queen contiguity including self.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="regionMask">Which cells are in the study region (length = cell count); empty for all cells.</param>
    public static SpatialWeights Queen(GridSpec grid, ReadOnlySpan<bool> regionMask = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Build(grid, WeightsKind.Queen, 0, regionMask, 1, static (dc, dr, _) => true);
    }

    /// <summary>Distance band including self: cells whose centres are at most <paramref name="bandMetres"/> apart (inclusive).</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="bandMetres">Band distance in metres; choose one between lattice distances (e.g. 25 km on a 10 km grid) so rounding cannot decide membership.</param>
    /// <param name="regionMask">Which cells are in the study region (length = cell count); empty for all cells.</param>
    public static SpatialWeights DistanceBand(GridSpec grid, double bandMetres, ReadOnlySpan<bool> regionMask = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (!double.IsFinite(bandMetres) || bandMetres < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bandMetres), bandMetres, "band distance must be finite and non-negative");
        }

        double s = grid.CellSizeMetres;
        int reach = (int)Math.Floor(bandMetres / s);
        double limit = bandMetres * bandMetres * (1 + 1e-12);
        return Build(grid, WeightsKind.DistanceBand, bandMetres, regionMask, reach, (dc, dr, _) => ((dc * s) * (dc * s)) + ((dr * s) * (dr * s)) <= limit);
    }

    private static SpatialWeights Build(GridSpec grid, WeightsKind kind, double band, ReadOnlySpan<bool> regionMask, int reach, Func<int, int, int, bool> include)
    {
        int n = grid.CellCount;
        if (!regionMask.IsEmpty && regionMask.Length != n)
        {
            throw new ArgumentException($"region mask has {regionMask.Length} entries, grid '{grid.Name}' has {n} cells", nameof(regionMask));
        }

        var inRegion = new bool[n];
        for (int i = 0; i < n; i++)
        {
            inRegion[i] = regionMask.IsEmpty || regionMask[i];
        }

        var offsets = new List<(int Dc, int Dr)>();
        for (int dr = -reach; dr <= reach; dr++)
        {
            for (int dc = -reach; dc <= reach; dc++)
            {
                if (include(dc, dr, 0))
                {
                    offsets.Add((dc, dr));
                }
            }
        }

        var start = new int[n + 1];
        var neighbours = new List<int>(n * offsets.Count);
        for (int i = 0; i < n; i++)
        {
            start[i] = neighbours.Count;
            if (!inRegion[i])
            {
                continue;
            }

            int c = grid.ColumnOf(i), r = grid.RowOf(i);
            foreach (var (dc, dr) in offsets) // row-major offsets give ascending indices
            {
                int cc = c + dc, rr = r + dr;
                if (cc >= 0 && cc < grid.Columns && rr >= 0 && rr < grid.Rows && inRegion[(rr * grid.Columns) + cc])
                {
                    neighbours.Add((rr * grid.Columns) + cc);
                }
            }
        }

        start[n] = neighbours.Count;
        return new SpatialWeights(grid, kind, band, inRegion, start, neighbours.ToArray());
    }
}
