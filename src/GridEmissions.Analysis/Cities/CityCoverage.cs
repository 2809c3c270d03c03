using GridEmissions.Core.Grids;

namespace GridEmissions.Analysis;

/// <summary>
/// Exact fractions of every grid cell's area inside every city polygon, built once per grid and
/// boundary set and reused for every year and sector. Held per city as runs of cells in cell order
/// (whole cells as run-length runs of fraction 1, cut cells one by one with their fraction), and as
/// sparse entries sorted by cell then city (materialised on first use). The fractions of a cell sum
/// to at most 1; the remainder is "outside all cities". Overlapping or invalid city polygons are
/// reported in <see cref="Problems"/>, not thrown.
/// </summary>
public sealed class CityCoverage
{
    private readonly CoverageRun[] _cityRuns;
    private readonly int[] _cityRunStart;
    private readonly CoverageRun[] _outsideRuns;
    private readonly double[] _coveredFraction;
    private readonly double[] _cityAreaKm2;
    private readonly Lazy<(CellCityFraction[] Entries, int[] CellStart)> _byCell;

    /// <param name="grid">The grid.</param>
    /// <param name="cities">The cities.</param>
    /// <param name="cityRuns">Every city's runs, city after city, each city's in ascending cell order without overlap.</param>
    /// <param name="cityRunStart">Where each city's runs start in <paramref name="cityRuns"/> (cities + 1 offsets).</param>
    /// <param name="coveredFraction">Per cell, the sum of its city fractions added in city order (as a cell-major pass over the entries adds them).</param>
    /// <param name="cityAreaKm2">Polygon areas.</param>
    /// <param name="problems">Problems found.</param>
    /// <param name="blocks">The blocks of cells <paramref name="cityRuns"/> touch, when the caller has them already.</param>
    internal CityCoverage(GridSpec grid, IReadOnlyList<CityPolygon> cities, CoverageRun[] cityRuns, int[] cityRunStart, double[] coveredFraction, double[] cityAreaKm2, IReadOnlyList<CoverageProblem> problems, CoveredBlocks? blocks = null)
    {
        Grid = grid;
        Cities = cities;
        _cityRuns = cityRuns;
        _cityRunStart = cityRunStart;
        _coveredFraction = coveredFraction;
        _cityAreaKm2 = cityAreaKm2;
        Problems = problems;
        _outsideRuns = OutsideRuns(coveredFraction, blocks ?? new CoveredBlocks(cityRuns, grid.CellCount));
        EntryCount = CountCells(cityRuns);
        _byCell = new Lazy<(CellCityFraction[], int[])>(ByCell, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The grid the fractions refer to.</summary>
    public GridSpec Grid { get; }

    /// <summary>The cities, in the order given to <see cref="Build"/>; entries refer to them by index.</summary>
    public IReadOnlyList<CityPolygon> Cities { get; }

    /// <summary>All (cell, city, fraction) entries, sorted by cell index then city index.</summary>
    public ReadOnlySpan<CellCityFraction> Entries => _byCell.Value.Entries;

    /// <summary>Problems found in the boundary data (empty when the data is clean).</summary>
    public IReadOnlyList<CoverageProblem> Problems { get; }

    /// <summary>Number of (cell, city) entries.</summary>
    public int EntryCount { get; }

    /// <summary>The entries of one cell, sorted by city index.</summary>
    public ReadOnlySpan<CellCityFraction> EntriesOfCell(int cellIndex)
    {
        (CellCityFraction[] entries, int[] cellStart) = _byCell.Value;
        return entries.AsSpan(cellStart[cellIndex], cellStart[cellIndex + 1] - cellStart[cellIndex]);
    }

    /// <summary>Sum of the city fractions of a cell (≤ 1 for clean data).</summary>
    public double CoveredFraction(int cellIndex) => _coveredFraction[cellIndex];

    /// <summary>Per-cell sum of city fractions, indexed like the grid.</summary>
    public ReadOnlySpan<double> CoveredFractions => _coveredFraction;

    /// <summary>Area of a city polygon in km² (polygon area ÷ 10⁶), including any part outside the grid.</summary>
    public double CityAreaKm2(int cityIndex) => _cityAreaKm2[cityIndex];

    /// <summary>The runs of one city, in ascending cell order.</summary>
    internal ReadOnlySpan<CoverageRun> RunsOfCity(int cityIndex) => _cityRuns.AsSpan(_cityRunStart[cityIndex], _cityRunStart[cityIndex + 1] - _cityRunStart[cityIndex]);

    /// <summary>
    /// The cells with a share outside every city, in ascending cell order, with that share
    /// (1 − covered fraction): runs of uncovered cells (share 1) and the partly covered cells one by
    /// one. Cells covered exactly once over (share 0) are left out: their outside term is zero.
    /// </summary>
    internal ReadOnlySpan<CoverageRun> OutsideRuns() => _outsideRuns;

    /// <summary>
    /// Computes the coverage. Cells cut by a city boundary are intersected exactly with NTS
    /// (the OverlayNG RingClipper, ring by ring, holes subtracted), fed only the ring's vertices
    /// that can change the result (the ends of each run of vertices that the same clipping pass
    /// drops first: the same clipped ring, bit for bit, in time growing with the ring's crossings of
    /// the cell's lines, not its vertex count); cells not touched by any boundary segment are inside
    /// or outside as a whole, a run of them along a row at a time, by the parity of the ring
    /// crossings west of the run on the row's centre line. Polygons are checked for validity first
    /// (a fast proof, else NTS's IsValidOp, which names the fault; invalid ones are repaired and
    /// reported).
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

    /// <summary>
    /// The same cities with each cell's fractions divided by the cell's covered fraction: the shares of a
    /// cell's value that belong to each city when the value describes only the cell's part inside the
    /// cities (as every modelled grid does: its weights are taken on the region part of each cell). A cell
    /// half inside one city then gives that city all of its value, not half; the remainder "outside all
    /// cities" holds only what cells no city touches carry. Polygon areas and problems are unchanged.
    /// </summary>
    public CityCoverage OfCoveredPart()
    {
        var runs = new List<CoverageRun>(_cityRuns.Length);
        var start = new int[_cityRunStart.Length];
        var covered = new double[_coveredFraction.Length];
        for (int city = 0; city < _cityRunStart.Length - 1; city++)
        {
            start[city] = runs.Count;
            foreach (CoverageRun r in RunsOfCity(city))
            {
                int wholeFrom = -1; // first cell of a pending run of whole shares
                for (int k = 0; k < r.Count; k++)
                {
                    int cell = r.Cell + k;
                    double c = _coveredFraction[cell];
                    double share = c > 0 && c != 1.0 ? r.Fraction / c : r.Fraction;
                    if (share == 1.0)
                    {
                        wholeFrom = wholeFrom < 0 ? cell : wholeFrom;
                    }
                    else
                    {
                        Flush(runs, ref wholeFrom, cell);
                        runs.Add(new CoverageRun(cell, 1, share));
                    }

                    covered[cell] += share;
                }

                Flush(runs, ref wholeFrom, r.Cell + r.Count);
            }
        }

        start[^1] = runs.Count;
        return new CityCoverage(Grid, Cities, [.. runs], start, covered, _cityAreaKm2, Problems);

        static void Flush(List<CoverageRun> runs, ref int from, int end)
        {
            if (from >= 0)
            {
                runs.Add(new CoverageRun(from, end - from, 1.0));
                from = -1;
            }
        }
    }

    private static int CountCells(CoverageRun[] runs)
    {
        int n = 0;
        foreach (CoverageRun r in runs)
        {
            n += r.Count;
        }

        return n;
    }

    // Runs of uncovered cells (share 1) between the cities' blocks, and inside them the scan of
    // the covered fractions: the same runs a scan of the whole grid gives.
    private static CoverageRun[] OutsideRuns(double[] covered, CoveredBlocks blocks)
    {
        var runs = new List<CoverageRun>();
        int zeroFrom = 0; // first cell of the pending run of uncovered cells (== i when none is pending)
        int i = 0;
        foreach (var (start, end) in blocks.Ranges())
        {
            i = start;
            while (i < end)
            {
                double c = covered[i];
                if (c == 0)
                {
                    i++;
                    continue;
                }

                if (zeroFrom < i)
                {
                    runs.Add(new CoverageRun(zeroFrom, i - zeroFrom, 1.0));
                }

                double share = 1.0 - c;
                if (share != 0)
                {
                    runs.Add(new CoverageRun(i, 1, share));
                }

                i++;
                zeroFrom = i;
            }
        }

        if (zeroFrom < covered.Length)
        {
            runs.Add(new CoverageRun(zeroFrom, covered.Length - zeroFrom, 1.0));
        }

        return [.. runs];
    }

    // Entries sorted by cell then city: a counting sort of the cities' runs by cell (stable, cities in order).
    private (CellCityFraction[] Entries, int[] CellStart) ByCell()
    {
        int cells = Grid.CellCount;
        var cellStart = new int[cells + 1];
        foreach (CoverageRun r in _cityRuns)
        {
            for (int k = 0; k < r.Count; k++)
            {
                cellStart[r.Cell + k + 1]++;
            }
        }

        for (int i = 0; i < cells; i++)
        {
            cellStart[i + 1] += cellStart[i];
        }

        var entries = new CellCityFraction[cellStart[cells]];
        var next = new int[cells];
        Array.Copy(cellStart, next, cells);
        for (int city = 0; city < _cityRunStart.Length - 1; city++)
        {
            foreach (CoverageRun r in RunsOfCity(city))
            {
                for (int k = 0; k < r.Count; k++)
                {
                    int cell = r.Cell + k;
                    entries[next[cell]++] = new CellCityFraction(cell, city, r.Fraction);
                }
            }
        }

        return (entries, cellStart);
    }
}
