using GridEmissions.Core.Grids;

namespace GridEmissions.Analysis;

/// <summary>
/// Exact fractions of every grid cell's area inside every city polygon, built once per grid and
/// boundary set and reused for every year and sector. Stored sparse, sorted by cell then city.
/// The fractions of a cell sum to at most 1; the remainder is "outside all cities". Overlapping
/// or invalid city polygons are reported in <see cref="Problems"/>, not thrown.
/// </summary>
public sealed class CityCoverage
{
    private readonly CellCityFraction[] _entries;
    private readonly int[] _cellStart;
    private readonly double[] _coveredFraction;
    private readonly double[] _cityAreaKm2;

    internal CityCoverage(GridSpec grid, IReadOnlyList<CityPolygon> cities, CellCityFraction[] entries, double[] cityAreaKm2, IReadOnlyList<CoverageProblem> problems)
    {
        Grid = grid;
        Cities = cities;
        _entries = entries;
        _cityAreaKm2 = cityAreaKm2;
        Problems = problems;
        _cellStart = new int[grid.CellCount + 1];
        _coveredFraction = new double[grid.CellCount];
        foreach (var e in entries)
        {
            _cellStart[e.CellIndex + 1]++;
            _coveredFraction[e.CellIndex] += e.Fraction;
        }

        for (int i = 0; i < grid.CellCount; i++)
        {
            _cellStart[i + 1] += _cellStart[i];
        }
    }

    /// <summary>The grid the fractions refer to.</summary>
    public GridSpec Grid { get; }

    /// <summary>The cities, in the order given to <see cref="Build"/>; entries refer to them by index.</summary>
    public IReadOnlyList<CityPolygon> Cities { get; }

    /// <summary>All (cell, city, fraction) entries, sorted by cell index then city index.</summary>
    public ReadOnlySpan<CellCityFraction> Entries => _entries;

    /// <summary>Problems found in the boundary data (empty when the data is clean).</summary>
    public IReadOnlyList<CoverageProblem> Problems { get; }

    /// <summary>The entries of one cell, sorted by city index.</summary>
    public ReadOnlySpan<CellCityFraction> EntriesOfCell(int cellIndex) =>
        _entries.AsSpan(_cellStart[cellIndex], _cellStart[cellIndex + 1] - _cellStart[cellIndex]);

    /// <summary>Sum of the city fractions of a cell (≤ 1 for clean data).</summary>
    public double CoveredFraction(int cellIndex) => _coveredFraction[cellIndex];

    /// <summary>Per-cell sum of city fractions, indexed like the grid.</summary>
    public ReadOnlySpan<double> CoveredFractions => _coveredFraction;

    /// <summary>Area of a city polygon in km² (polygon area ÷ 10⁶), including any part outside the grid.</summary>
    public double CityAreaKm2(int cityIndex) => _cityAreaKm2[cityIndex];

    /// <summary>
    /// Computes the coverage. Cells cut by a city boundary are intersected exactly with NTS
    /// (the OverlayNG RingClipper, ring by ring, holes subtracted), fed only the ring's vertices
    /// that can change the result (the ends of each run of vertices in one outcode region of the
    /// cell: the same clipped ring, bit for bit, in time growing with the ring's crossings of the
    /// cell's lines, not its vertex count); cells not touched by any boundary segment are inside
    /// or outside as a whole, one indexed point-in-polygon test per run of them along a row.
    /// </summary>
    /// <param name="grid">The grid.</param>
    /// <param name="cities">City polygons in grid CRS metres; keys should be unique.</param>
    /// <param name="tolerance">Allowed excess of a cell's summed fractions over 1 before it is reported as an overlap.</param>
    public static CityCoverage Build(GridSpec grid, IReadOnlyList<CityPolygon> cities, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(cities);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        return CityCoverageBuilder.Build(grid, cities, tolerance);
    }
}
