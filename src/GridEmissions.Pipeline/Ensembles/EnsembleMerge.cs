using System.Globalization;
using System.Text;
using GridEmissions.Analysis;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Scenarios;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline.Ensembles;

/// <summary>What a merge produced.</summary>
/// <param name="Members">Members merged.</param>
/// <param name="Totals">Per year and band the member totals' P10/P50/P90/mean (t).</param>
/// <param name="MaxRelativeError">Largest audit relative error over every member.</param>
/// <param name="Maps">Maps drawn (relative names).</param>
public sealed record EnsembleSummary(int Members, IReadOnlyList<TotalStatistics> Totals, double MaxRelativeError, IReadOnlyList<string> Maps);

/// <summary>The statistics of the member totals of one year and band.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Sector">Sector id or "total".</param>
/// <param name="MemberTotals">Every member's region total, t, member 1 first.</param>
public sealed record TotalStatistics(int Year, string Sector, IReadOnlyList<double> MemberTotals)
{
    /// <summary>Quantile p of the member totals.</summary>
    public double Quantile(double p) => Quantiles.Of(MemberTotals, p);

    /// <summary>Mean of the member totals.</summary>
    public double Mean => PreciseSum.Of([.. MemberTotals]) / MemberTotals.Count;
}

/// <summary>
/// <c>gridem ensemble merge DIR</c>: combines the finished members of an ensemble into
/// <c>statistics/</c> (written atomically). Exact quantiles by a second pass over the members' grids
/// on disk: for each year the cells are taken in blocks of at most <see cref="BudgetValues"/> values
/// (members × bands × cells), so memory does not grow with the number of members; per city, year
/// and band the statistics keep members × cities numbers.
/// </summary>
public static class EnsembleMerge
{
    /// <summary>Most member values held at once for the per-cell quantiles (8 bytes each: 64 MiB).</summary>
    public const int BudgetValues = 8 * 1024 * 1024;

    /// <summary>Merges every member of <paramref name="folder"/>; missing or unfinished members are an input error naming them.</summary>
    public static EnsembleSummary Merge(EnsembleFolder folder, Action<string>? log = null, int budgetValues = BudgetValues)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var missing = Enumerable.Range(1, folder.Members).Where(m => !folder.IsComplete(m)).ToList();
        if (missing.Count > 0)
        {
            throw new InputError(Path.Combine(folder.Root, "members"),
                $"{missing.Count} of {folder.Members} members are missing or unfinished: {string.Join(", ", missing.Take(20).Select(EnsembleFolder.MemberName))}{(missing.Count > 20 ? ", …" : string.Empty)}.",
                $"run them (`gridem ensemble member {folder.Root} --index N`, or resubmit those Slurm array tasks: `sbatch --array={string.Join(",", missing.Take(50))} {Path.Combine(folder.Root, "slurm", SlurmScript.FileName)}`), then merge again.");
        }

        Scenario scenario = ScenarioReader.Read(folder.ScenarioPath);
        RegionGeography region = RegionGeography.Load(scenario.Inputs.Boundaries, scenario.Region, scenario.CellSizeMetres, scenario.MarginCells);
        var context = new AnalysisContext(scenario, SectorTargets.Compute(scenario), region, new YearGrids(folder.Root, region.Grid, [.. scenario.Sectors.Select(s => s.Sector.Id)]));
        var members = Enumerable.Range(1, folder.Members).ToList();
        var grids = members.Select(m => new YearGrids(folder.MemberDir(m), region.Grid, context.Grids.Sectors)).ToList();
        CheckGrids(folder, scenario, region.Grid);
        using var output = new OutputDirectory(Path.Combine(folder.Root, "statistics"), true, [folder.ScenarioPath]);
        var stats = new CellStatisticsWriter(output, context, folder.Members);
        var totals = new List<TotalStatistics>();
        var cityRows = new StreamWriter(output.File("city_quantiles.csv"), false, new UTF8Encoding(false)) { NewLine = "\n" };
        var rankRows = new StreamWriter(output.File("city_rank_probability.csv"), false, new UTF8Encoding(false)) { NewLine = "\n" };
        cityRows.WriteLine("region,scenario,year,sector,adcode,name_zh,name_en,members,p10_t,p50_t,p90_t,mean_t");
        rankRows.WriteLine("region,scenario,year,sector,adcode,name_zh,name_en,rank,members,probability");
        var weights = SpatialWeights.Queen(region.Grid, context.RegionMask());
        IReadOnlyList<string> bands = context.Grids.SectorsAndTotal;
        int cells = region.Grid.CellCount;
        int block = Math.Max(1, Math.Min(cells, budgetValues / (folder.Members * bands.Count)));
        var hotCounts = new Dictionary<int, int[]>();
        try
        {
            for (int t = 0; t < scenario.Years.Count; t++)
            {
                int year = scenario.Years[t];
                var memberTotals = bands.ToDictionary(b => b, _ => new double[folder.Members], StringComparer.Ordinal);
                var cityTotals = bands.ToDictionary(b => b, _ => new double[folder.Members][], StringComparer.Ordinal);
                var cityRanks = new int[folder.Members][];
                bool keyYear = context.KeyYears.Contains(year);
                int[] hot = new int[cells];
                for (int start = 0; start < cells; start += block)
                {
                    int length = Math.Min(block, cells - start);
                    var values = bands.ToDictionary(b => b, _ => new double[folder.Members * length], StringComparer.Ordinal);
                    for (int m = 0; m < folder.Members; m++)
                    {
                        YearGrid g = grids[m].Read(year);
                        if (start == 0)
                        {
                            foreach (string b in bands)
                            {
                                memberTotals[b][m] = PreciseSum.Of(g.Bands[b]);
                                CityTotalsResult ct = CityTotals.Compute(region.Attribution, g.Bands[b]);
                                cityTotals[b][m] = [.. ct.Cities.Select(c => c.EmissionsTonnes)];
                                if (b == YearGrids.Total)
                                {
                                    cityRanks[m] = [.. ct.Cities.Select(c => c.Rank)];
                                }
                            }

                            if (keyYear)
                            {
                                sbyte[] cls = GetisOrdGiStar.Compute(weights, g.Total, new GiStarOptions { Adjustment = PValueAdjustment.BenjaminiHochberg, Seed = ParameterDraws.MemberSeed(scenario, m + 1) }).Class;
                                for (int i = 0; i < cells; i++)
                                {
                                    hot[i] += cls[i] > 0 ? 1 : 0;
                                }
                            }
                        }

                        foreach (string b in bands)
                        {
                            g.Bands[b].AsSpan(start, length).CopyTo(values[b].AsSpan(m * length, length));
                        }
                    }

                    foreach (string b in bands)
                    {
                        stats.Add(t, b, start, length, values[b]);
                    }
                }

                if (keyYear)
                {
                    hotCounts[year] = hot;
                }

                foreach (string b in bands)
                {
                    totals.Add(new TotalStatistics(year, b, memberTotals[b]));
                    WriteCities(cityRows, context, year, b, cityTotals[b]);
                }

                WriteRanks(rankRows, context, year, cityRanks);
                log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{year}: statistics of {folder.Members} members"));
            }
        }
        finally
        {
            cityRows.Dispose();
            rankRows.Dispose();
        }

        stats.Commit();
        HotspotProbability.Write(output, context, hotCounts, folder.Members);
        double maxError = WriteMembersTable(output, folder, scenario, totals);
        RunManifest.WriteLines(output.File("totals.csv"), totals.Select(s => FormattableString.Invariant(
            $"{scenario.Region},{scenario.Id},{s.Year},{s.Sector},{folder.Members},{s.Quantile(0.1):R},{s.Quantile(0.5):R},{s.Quantile(0.9):R},{s.Mean:R},{s.MemberTotals.Min():R},{s.MemberTotals.Max():R}")).Prepend("region,scenario,year,sector,members,p10_t,p50_t,p90_t,mean_t,min_t,max_t"));
        IReadOnlyList<string> maps = EnsembleMaps.Write(context, output, hotCounts, folder.Members);
        var summary = new EnsembleSummary(folder.Members, totals, maxError, maps);
        EnsembleReport.Write(output.File("summary.md"), context, folder, summary);
        RunManifest.Write(output, scenario, Hashes(folder), FormattableString.Invariant($"ensemble merge ({folder.Members} members)"));
        output.Commit();
        return summary;
    }

    private static InputHashes Hashes(EnsembleFolder folder)
    {
        var hashes = new InputHashes();
        hashes.Add("scenario", folder.ScenarioPath);
        return hashes;
    }

    /// <summary>Every member's first-year GeoTIFF must be on the scenario's grid (size and geotransform).</summary>
    private static void CheckGrids(EnsembleFolder folder, Scenario scenario, GridSpec grid)
    {
        double[]? reference = null;
        for (int m = 1; m <= folder.Members; m++)
        {
            string path = YearGrid.PathIn(folder.MemberDir(m), scenario.StartYear);
            if (!File.Exists(path))
            {
                throw new InputError(path, $"member {m} has no grid of {scenario.StartYear}.", "run the member again.");
            }

            using RasterDataset ds = RasterDataset.Open(path);
            double[] gt = ds.GeoTransform;
            reference ??= gt;
            if (ds.Width != grid.Columns || ds.Height != grid.Rows || !gt.SequenceEqual(reference))
            {
                throw new InputError(path, FormattableString.Invariant($"member {m} is on a different grid ({ds.Width} x {ds.Height} cells, origin {gt[0]:R}, {gt[3]:R}, cell {gt[1]:R} m) from the ensemble's ({grid.Columns} x {grid.Rows} cells, origin {reference[0]:R}, {reference[3]:R})."),
                    "members of one ensemble must come from one scenario; run this member again from the ensemble's scenario (`gridem ensemble member DIR --index N`).");
            }
        }
    }

    private static void WriteCities(StreamWriter w, AnalysisContext context, int year, string band, double[][] byMember)
    {
        var cities = context.Region.Cities;
        for (int c = 0; c < cities.Count; c++)
        {
            double[] v = [.. byMember.Select(m => m[c])];
            Array.Sort(v);
            w.WriteLine(FormattableString.Invariant(
                $"{GridOutputSink.Csv(context.Scenario.Region)},{GridOutputSink.Csv(context.Scenario.Id)},{year},{band},{cities[c].Adcode},{GridOutputSink.Csv(cities[c].NameZh)},{GridOutputSink.Csv(cities[c].NameEn)},{v.Length},{Quantiles.OfSorted(v, 0.1):R},{Quantiles.OfSorted(v, 0.5):R},{Quantiles.OfSorted(v, 0.9):R},{PreciseSum.Of(v) / v.Length:R}"));
        }
    }

    private static void WriteRanks(StreamWriter w, AnalysisContext context, int year, int[][] ranks)
    {
        var cities = context.Region.Cities;
        for (int c = 0; c < cities.Count; c++)
        {
            foreach (var g in ranks.Select(r => r[c]).GroupBy(r => r).OrderBy(g => g.Key))
            {
                w.WriteLine(FormattableString.Invariant(
                    $"{GridOutputSink.Csv(context.Scenario.Region)},{GridOutputSink.Csv(context.Scenario.Id)},{year},total,{cities[c].Adcode},{GridOutputSink.Csv(cities[c].NameZh)},{GridOutputSink.Csv(cities[c].NameEn)},{g.Key},{ranks.Length},{(double)g.Count() / ranks.Length:R}"));
            }
        }
    }

    /// <summary><c>members.csv</c>: one row per member with its seed, every drawn value, its base- and end-year totals and its largest audit error; returns the largest.</summary>
    private static double WriteMembersTable(OutputDirectory output, EnsembleFolder folder, Scenario scenario, List<TotalStatistics> totals)
    {
        var names = scenario.Uncertainty.Select(p => p.Name).ToList();
        var rows = new List<string> { string.Join(",", new[] { "member", "seed" }.Concat(names).Concat([FormattableString.Invariant($"total_{scenario.StartYear}_t"), FormattableString.Invariant($"total_{scenario.EndYear}_t"), "max_audit_relative_error"])) };
        var first = totals.First(s => s.Year == scenario.StartYear && s.Sector == YearGrids.Total);
        var last = totals.First(s => s.Year == scenario.EndYear && s.Sector == YearGrids.Total);
        double worst = 0;
        for (int m = 1; m <= folder.Members; m++)
        {
            string dir = folder.MemberDir(m);
            var p = ReadCsv(Path.Combine(dir, "parameters.csv"));
            var audit = ReadCsv(Path.Combine(dir, "audit.csv"));
            if (audit.Rows.Any(r => r[audit.Index["passes"]] != "true"))
            {
                throw new InputError(Path.Combine(dir, "audit.csv"), $"member {m}'s audit has allocations that do not pass.", "run the member again; a member that cannot conserve fails.");
            }

            double error = audit.Rows.Max(r => double.Parse(r[audit.Index["relative_error"]], CultureInfo.InvariantCulture));
            worst = Math.Max(worst, error);
            var values = names.Select(n => p.Rows.FirstOrDefault(r => r[p.Index["name"]] == n) is { } row ? GridOutputSink.Csv(row[p.Index["value"]]) : string.Empty);
            rows.Add(string.Join(",", new[] { m.ToString(CultureInfo.InvariantCulture), ParameterDraws.MemberSeed(scenario, m).ToString(CultureInfo.InvariantCulture) }
                .Concat(values).Concat([first.MemberTotals[m - 1].ToString("R", CultureInfo.InvariantCulture), last.MemberTotals[m - 1].ToString("R", CultureInfo.InvariantCulture), error.ToString("E2", CultureInfo.InvariantCulture)])));
        }

        RunManifest.WriteLines(output.File("members.csv"), rows);
        return worst;
    }

    private static (Dictionary<string, int> Index, List<string[]> Rows) ReadCsv(string path)
    {
        var table = Core.Tabular.CsvTable.Load(path);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string name in new[] { "name", "value", "passes", "relative_error" })
        {
            int i = table.ColumnIndex(name);
            if (i >= 0)
            {
                index[name] = i;
            }
        }

        return (index, [.. table.Rows.Select(r => Enumerable.Range(0, table.Header.Count).Select(i => r[i]).ToArray())]);
    }
}
