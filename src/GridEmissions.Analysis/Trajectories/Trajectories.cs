using GridEmissions.Core.Allocation;
using GridEmissions.Core.Grids;

namespace GridEmissions.Analysis;

/// <summary>
/// Classifies hotspot zones and cities across a series of years (e.g. 2024, 2035, 2060).
/// <para>Presence: a zone footprint is present in a year when at least one of its cells is hot
/// (Gi* class ≥ <see cref="TrajectoryRules.MinimumClass"/>) in that year; a city is present when
/// the hot cells cover at least <see cref="TrajectoryRules.CityPresenceShare"/> of its in-grid area.</para>
/// <para>Rules, on the first (base) and last year: absent in every year → None; present in some
/// year but absent in the last → Vanished; absent in the base year and present in the last →
/// Emerging; present in both → compare the measure m (share of the year's region total by
/// default, or tonnes): m_last ≥ (1 + t) m_base → Intensifying, m_last ≤ (1 − t) m_base →
/// Diminishing, otherwise Persistent (with m_base = 0: Intensifying when m_last &gt; 0, else Persistent).</para>
/// <para>Zones are tracked through footprints: queen-connected components of the union of the
/// hot cells of all years, so a zone that grows, shrinks or splits keeps one identity and its
/// measure always covers the same cells.</para>
/// </summary>
public static class Trajectories
{
    /// <summary>The rule on presence flags and measures ordered by year (see the type remarks).</summary>
    public static TrajectoryClass Classify(IReadOnlyList<bool> presentByYear, IReadOnlyList<double> measureByYear, double changeThreshold)
    {
        ArgumentNullException.ThrowIfNull(presentByYear);
        ArgumentNullException.ThrowIfNull(measureByYear);
        if (presentByYear.Count == 0 || presentByYear.Count != measureByYear.Count)
        {
            throw new ArgumentException("presence and measure need one entry per year, at least one year", nameof(presentByYear));
        }

        bool first = presentByYear[0], last = presentByYear[^1];
        if (!last)
        {
            return presentByYear.Any(p => p) ? TrajectoryClass.Vanished : TrajectoryClass.None;
        }

        if (!first)
        {
            return TrajectoryClass.Emerging;
        }

        double m0 = measureByYear[0], m1 = measureByYear[^1];
        if (m0 <= 0)
        {
            return m1 > 0 ? TrajectoryClass.Intensifying : TrajectoryClass.Persistent;
        }

        // a relative slack of 1e-12 so that a change of exactly t counts despite rounding (0.2 × 1.1 ≠ 0.22 in binary)
        double slack = 1e-12 * m0;
        return m1 >= ((1 + changeThreshold) * m0) - slack ? TrajectoryClass.Intensifying
            : m1 <= ((1 - changeThreshold) * m0) + slack ? TrajectoryClass.Diminishing
            : TrajectoryClass.Persistent;
    }

    /// <summary>Zone footprints and their classes.</summary>
    public static IReadOnlyList<ZoneTrajectory> ClassifyZones(GridSpec grid, IReadOnlyList<YearHotspots> years, TrajectoryRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        rules ??= new TrajectoryRules();
        var ordered = Ordered(years, grid.CellCount);
        var anyHot = new bool[grid.CellCount];
        foreach (var y in ordered)
        {
            for (int i = 0; i < anyHot.Length; i++)
            {
                anyHot[i] |= y.Classes[i] >= rules.MinimumClass;
            }
        }

        var yearTotals = ordered.Select(y => PreciseSum.Of(y.Values)).ToArray();
        var footprints = QueenComponents.Find(grid, anyHot);
        var result = new List<(double Weight, ZoneTrajectory Zone)>(footprints.Count);
        foreach (var cells in footprints)
        {
            var hotCells = new int[ordered.Length];
            var tonnes = new double[ordered.Length];
            for (int k = 0; k < ordered.Length; k++)
            {
                var sum = default(PreciseAccumulator);
                foreach (int cell in cells)
                {
                    sum.Add(ordered[k].Values[cell]);
                    hotCells[k] += ordered[k].Classes[cell] >= rules.MinimumClass ? 1 : 0;
                }

                tonnes[k] = sum.Value;
            }

            var measure = Measure(tonnes, yearTotals, rules.Measure);
            var cls = Classify(hotCells.Select(h => h > 0).ToArray(), measure, rules.ChangeThreshold);
            result.Add((PreciseSum.Of(tonnes), new ZoneTrajectory(0, cells, ordered.Select(y => y.Year).ToArray(), hotCells, tonnes, measure, cls)));
        }

        // footprints arrive by lowest cell index; the stable sort keeps that order on ties
        return result.OrderByDescending(r => r.Weight).Select((r, k) => r.Zone with { Id = k + 1 }).ToArray();
    }

    /// <summary>City classes from exact coverage and the years' hot cells.</summary>
    public static IReadOnlyList<CityTrajectory> ClassifyCities(CityCoverage coverage, IReadOnlyList<YearHotspots> years, TrajectoryRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        rules ??= new TrajectoryRules();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rules.CityPresenceShare);
        var ordered = Ordered(years, coverage.Grid.CellCount);
        int n = coverage.Cities.Count;
        var inGrid = new double[n];
        foreach (var e in coverage.Entries)
        {
            inGrid[e.CityIndex] += e.Fraction;
        }

        var hotShare = new double[n, ordered.Length];
        var tonnes = new double[n, ordered.Length];
        var totals = new double[ordered.Length];
        for (int k = 0; k < ordered.Length; k++)
        {
            var y = ordered[k];
            var cityTotals = CityTotals.Compute(coverage, y.Values);
            totals[k] = cityTotals.GridTotalTonnes;
            var hot = new double[n];
            foreach (var e in coverage.Entries)
            {
                if (y.Classes[e.CellIndex] >= rules.MinimumClass)
                {
                    hot[e.CityIndex] += e.Fraction;
                }
            }

            for (int c = 0; c < n; c++)
            {
                hotShare[c, k] = inGrid[c] > 0 ? hot[c] / inGrid[c] : 0;
                tonnes[c, k] = cityTotals.Cities[c].EmissionsTonnes;
            }
        }

        var yearsList = ordered.Select(y => y.Year).ToArray();
        var result = new CityTrajectory[n];
        for (int c = 0; c < n; c++)
        {
            var share = Row(hotShare, c);
            var t = Row(tonnes, c);
            var measure = Measure(t, totals, rules.Measure);
            var cls = Classify(share.Select(s => s >= rules.CityPresenceShare).ToArray(), measure, rules.ChangeThreshold);
            result[c] = new CityTrajectory(c, coverage.Cities[c].Key, yearsList, share, t, measure, cls);
        }

        return result;
    }

    private static YearHotspots[] Ordered(IReadOnlyList<YearHotspots> years, int cellCount)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (years.Count == 0)
        {
            throw new ArgumentException("at least one year is needed", nameof(years));
        }

        var ordered = years.OrderBy(y => y.Year).ToArray();
        for (int k = 0; k < ordered.Length; k++)
        {
            if (ordered[k].Classes.Length != cellCount || ordered[k].Values.Length != cellCount)
            {
                throw new ArgumentException($"year {ordered[k].Year}: classes and values must have {cellCount} cells", nameof(years));
            }

            if (k > 0 && ordered[k].Year == ordered[k - 1].Year)
            {
                throw new ArgumentException($"year {ordered[k].Year} appears twice", nameof(years));
            }
        }

        return ordered;
    }

    private static double[] Measure(double[] tonnes, double[] totals, TrajectoryMeasure measure) =>
        measure == TrajectoryMeasure.Tonnes
            ? tonnes
            : tonnes.Select((t, k) => totals[k] != 0 ? t / totals[k] : 0).ToArray();

    private static double[] Row(double[,] table, int row)
    {
        var r = new double[table.GetLength(1)];
        for (int k = 0; k < r.Length; k++)
        {
            r[k] = table[row, k];
        }

        return r;
    }
}
