using System.Globalization;
using GridEmissions.Core.Grids;

namespace GridEmissions.Pipeline.Comparison;

/// <summary>What a comparison found: per year and band the sums of A, B and of the difference grid, and the hotspot change.</summary>
/// <param name="SumChecks">One row per common year and band (sectors + total).</param>
/// <param name="Hotspots">Gi* hot-spot change of the total per key year.</param>
/// <param name="Maps">Map files written (relative names).</param>
public sealed record ComparisonResult(IReadOnlyList<DifferenceSum> SumChecks, IReadOnlyList<HotspotChange> Hotspots, IReadOnlyList<string> Maps)
{
    /// <summary>The largest relative error of Σ(B − A) against ΣB − ΣA.</summary>
    public double MaxRelativeError => SumChecks.Count == 0 ? 0 : SumChecks.Max(s => s.RelativeError);
}

/// <summary>
/// `gridem compare RUN_A RUN_B`: the difference B − A of two finished runs on the same grid, per
/// common year and common sector (+ total): difference GeoTIFFs and a CF NetCDF cube, the city
/// table, the change of the Gi* hot spots, difference maps on a diverging scale and a summary. Runs
/// on different grids (region, cell size, margin) are refused.
/// </summary>
public static class RunComparison
{
    /// <summary>Relative tolerance of the sum check: |Σ(B − A) − (ΣB − ΣA)| ≤ 1e-9 × max(|ΣA|, |ΣB|, 1 t).</summary>
    public const double Tolerance = 1e-9;

    /// <summary>Loads both runs (each with the scenario recorded in its manifest), checks they share a grid and writes the comparison into <paramref name="outDir"/> (atomically).</summary>
    public static ComparisonResult Execute(string runA, string runB, string outDir, bool force, Action<string>? log = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(runA);
        ArgumentException.ThrowIfNullOrEmpty(runB);
        AnalysisContext a = RunFolder.Load(runA, null);
        AnalysisContext b = RunFolder.Load(runB, null);
        CheckComparable(runA, a, runB, b);
        using var output = new OutputDirectory(outDir, force, [Path.Combine(runA, "manifest.json"), Path.Combine(runB, "manifest.json")]);
        var pair = new RunPair(a, b, Path.GetFileName(Path.GetFullPath(runA).TrimEnd('/')), Path.GetFileName(Path.GetFullPath(runB).TrimEnd('/')));
        ComparisonResult result = Write(pair, output.File, log);
        ComparisonManifest.Write(output, pair, runA, runB);
        output.Commit();
        return result;
    }

    /// <summary>Writes every output of the comparison through <paramref name="file"/>.</summary>
    public static ComparisonResult Write(RunPair pair, Func<string, string> file, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(file);
        IReadOnlyList<DifferenceSum> sums = DifferenceGrids.Write(pair, file);
        double worst = sums.Max(s => s.RelativeError);
        if (worst > Tolerance)
        {
            DifferenceSum bad = sums.First(s => s.RelativeError == worst);
            throw new InvalidOperationException(FormattableString.Invariant($"the difference grid of {bad.Sector} {bad.Year} sums to {bad.DifferenceSumTonnes:R} t but the runs' totals differ by {bad.TotalB - bad.TotalA:R} t (relative error {worst:E2} > {Tolerance:E0})"));
        }

        log?.Invoke(FormattableString.Invariant($"difference grids of {pair.Years.Count} years x {pair.Sectors.Count} bands written; sums match (max relative error {worst:E2})"));
        CityDifferences.Write(pair, file("city_differences.csv"));
        log?.Invoke("city table written");
        IReadOnlyList<HotspotChange> hotspots = HotspotChanges.Write(pair, file);
        log?.Invoke("hotspot change written");
        IReadOnlyList<string> maps = DifferenceMaps.Write(pair, file);
        log?.Invoke($"{maps.Count} difference maps drawn");
        var result = new ComparisonResult(sums, hotspots, maps);
        ComparisonSummary.Write(pair, result, file("summary.md"));
        return result;
    }

    /// <summary>Refuses runs that are not on one grid or share no year.</summary>
    public static void CheckComparable(string runA, AnalysisContext a, string runB, AnalysisContext b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        GridSpec ga = a.Region.Grid, gb = b.Region.Grid;
        if (ga != gb || a.Scenario.Region != b.Scenario.Region)
        {
            throw new InputError(runB,
                $"the runs are on different grids: {runA} is {Describe(a)}, {runB} is {Describe(b)}; a cell-by-cell difference needs one grid.",
                "compare runs of the same region made with the same grid (cell_size_m and margin_cells) in their scenarios.");
        }

        if (!a.Scenario.Years.Intersect(b.Scenario.Years).Any())
        {
            throw new InputError(runB, $"the runs share no year ({runA}: {a.Scenario.StartYear}-{a.Scenario.EndYear}, {runB}: {b.Scenario.StartYear}-{b.Scenario.EndYear}).", "compare runs whose year ranges overlap.");
        }
    }

    private static string Describe(AnalysisContext c)
    {
        GridSpec g = c.Region.Grid;
        return string.Create(CultureInfo.InvariantCulture, $"region {c.Scenario.Region}, grid '{g.Name}' {g.Columns} x {g.Rows} cells of {g.CellSizeMetres / 1000:0.###} km from column {g.WestColumn}, row {g.NorthRow}");
    }
}

/// <summary>Two comparable runs: A (the base) and B; every difference is B − A.</summary>
/// <param name="A">The base run.</param>
/// <param name="B">The run compared with it.</param>
/// <param name="NameA">Folder name of run A (for titles and tables).</param>
/// <param name="NameB">Folder name of run B.</param>
public sealed record RunPair(AnalysisContext A, AnalysisContext B, string NameA, string NameB)
{
    /// <summary>Years both runs have, in order.</summary>
    public IReadOnlyList<int> Years => [.. A.Scenario.Years.Intersect(B.Scenario.Years).Order()];

    /// <summary>Sector ids both runs have (in A's order), then "total".</summary>
    public IReadOnlyList<string> Sectors => [.. A.Grids.Sectors.Where(B.Grids.Sectors.Contains), YearGrids.Total];

    /// <summary>Base year, 2035 and the end year, of the common years.</summary>
    public IReadOnlyList<int> KeyYears => [.. new[] { Years[0], 2035, Years[^1] }.Where(Years.Contains).Distinct().Order()];

    /// <summary>"B − A" with the scenario ids.</summary>
    public string Label => $"{B.Scenario.Id} − {A.Scenario.Id}";
}
