using System.Globalization;
using System.Text;
using GridEmissions.Analysis;
using GridEmissions.Core.Sinks;
using GridEmissions.Core.Tabular;
using GridEmissions.Rendering;

namespace GridEmissions.Pipeline;

/// <summary>
/// The net side of a run with sinks (after the gross analysis): <c>analysis/city_net_totals.csv</c>
/// (city × year: gross, each signed sector, sinks, net), the net and sink maps on a diverging scale,
/// and a "Net emissions" section appended to <c>summary.md</c>. Hotspots stay on gross emissions.
/// </summary>
public static class NetOutputs
{
    /// <summary>The yearly totals of net_totals.csv: year → column → Mt (empty when the run has no sinks).</summary>
    public static IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> Totals(string runFolder)
    {
        string path = Path.Combine(runFolder, NetTables.TotalsFile);
        var result = new SortedDictionary<int, IReadOnlyDictionary<string, double>>();
        if (!File.Exists(path))
        {
            return result;
        }

        CsvTable t = CsvTable.Load(path);
        foreach (CsvRow r in t.Rows)
        {
            var row = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (string c in t.Header.Where(c => c.EndsWith("_mt", StringComparison.Ordinal)))
            {
                row[c[..^3]] = double.Parse(r[t.ColumnIndex(c)], CultureInfo.InvariantCulture);
            }

            result[int.Parse(r[t.ColumnIndex("year")], CultureInfo.InvariantCulture)] = row;
        }

        return result;
    }

    /// <summary>Writes the city net totals and the summary section (the maps: <see cref="Maps"/>); does nothing for a run without sinks.</summary>
    public static void Write(AnalysisContext context, Func<string, string> analysisFile, string summaryPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(analysisFile);
        if (context.Scenario.Sinks is not SinkSpec spec)
        {
            return;
        }

        var totals = Totals(context.Grids.RunFolder);
        // Gross by city as city_totals.csv books it (point sources whole to their city); sinks and removals by area fraction.
        string[] signed = [SinkSpec.LandSector, SinkSpec.RemovalSector];
        var lines = new List<string> { "region,scenario,year,sector,kind,adcode,name_en,gross_t,land_sink_t,removals_t,sink_t,net_t" };
        double[] none = new double[context.Region.Grid.CellCount];
        foreach (int year in context.Scenario.Years)
        {
            double[] gross = context.Grids.Read(year).Total;
            var bands = NetGrids.Read(context.Grids.RunFolder, context.Region.Grid, year);
            var columns = new List<CityTotalsResult> { CityTotals.Compute(context.Region.Attribution, gross, context.Facilities.Of(year, YearGrids.Total)) };
            columns.AddRange(signed.Select(s => CityTotals.Compute(context.Region.Attribution, bands.TryGetValue(s, out double[]? b) ? b : none)));
            columns.Add(CityTotals.Compute(context.Region.Attribution, bands[NetGrids.Sink]));
            string y = year.ToString(CultureInfo.InvariantCulture);
            string Row(string kind, string adcode, string name, IEnumerable<double> values)
            {
                double[] v = [.. values];
                return string.Join(",", new[] { context.Scenario.Region, context.Scenario.Id, y, YearGrids.Total, kind, adcode, name }
                    .Concat(v.Append(v[0] + v[^1]).Select(x => x.ToString("R", CultureInfo.InvariantCulture))));
            }

            for (int c = 0; c < context.Region.Cities.Count; c++)
            {
                CityRecord city = context.Region.Cities[c];
                lines.Add(Row("city", city.Adcode, GridOutputSink.Csv(city.NameEn), columns.Select(t => t.Cities[c].EmissionsTonnes)));
            }

            lines.Add(Row("outside", string.Empty, string.Empty, columns.Select(t => t.OutsideTonnes)));
        }

        RunManifest.WriteLines(analysisFile("city_net_totals.csv"), lines);
        File.AppendAllText(summaryPath, Summary(context, totals, lines), new UTF8Encoding(false));
    }

    /// <summary>Draws the net and sink maps of the key years (a run's, or `gridem render`'s); returns the names written (none without sinks).</summary>
    public static IReadOnlyList<string> Maps(AnalysisContext context, Func<string, string> mapFile) =>
        [.. MapJobs(context, mapFile).SelectMany(job => job())];

    /// <summary>The net and sink maps of the key years as independent jobs (see <see cref="RunMaps.Jobs"/>); none without sinks.</summary>
    public static IReadOnlyList<Func<IReadOnlyList<string>>> MapJobs(AnalysisContext context, Func<string, string> mapFile)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(mapFile);
        if (context.Scenario.Sinks is null)
        {
            return [];
        }

        var keyNet = new Dictionary<int, (double[] Net, double[] Sink)>();
        foreach (int year in context.KeyYears)
        {
            var bands = NetGrids.Read(context.Grids.RunFolder, context.Region.Grid, year);
            keyNet[year] = (bands[NetGrids.Net], bands[NetGrids.Sink]);
        }

        return [.. DrawMaps(context, keyNet, mapFile).Select(job => (Func<IReadOnlyList<string>>)(() => RunMaps.Guarded(job)))];
    }

    /// <summary>The pathway chart's series for a run: gross sectors stacked up, signed sectors below zero, net line and gross line; or gross only, labelled so.</summary>
    public static PathwaySeries Pathway(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int[] years = [.. context.Scenario.Years];
        var series = context.Grids.Sectors.Select(s => new SectorSeries(context.SectorName(s), [.. years.Select(y => context.Targets.TargetMt(y, s))])).ToList();
        if (context.Scenario.OffGrid is not null)
        {
            // Stacked on the sectors so the line is the region's total; the maps show the sectors only.
            series.Add(new SectorSeries("Held off the grid (not on the maps)", [.. years.Select(context.Targets.OffGridMt)]));
        }

        var totals = Totals(context.Grids.RunFolder);
        if (context.Scenario.Sinks is not SinkSpec spec || totals.Count == 0)
        {
            return new PathwaySeries(years, series) { TotalLabel = "Total (gross emissions; no sinks in this scenario)" };
        }

        foreach (string s in spec.SectorIds)
        {
            string name = s == SinkSpec.LandSector ? "Land sink (forest, vegetation, cropland)" : $"{spec.Removals?.Kind ?? "Removals"} removals";
            series.Add(new SectorSeries(name, [.. years.Select(y => totals[y][s])]));
        }

        return new PathwaySeries(years, series)
        {
            TotalLabel = "Net emissions (gross + sinks)",
            GrossMt = [.. years.Select(y => totals[y]["gross"])], // the region's gross: net_totals includes the off-grid part
            GrossLabel = "Gross emissions",
        };
    }

    private static List<Func<IReadOnlyList<string>>> DrawMaps(AnalysisContext context, Dictionary<int, (double[] Net, double[] Sink)> keyNet, Func<string, string> file)
    {
        var jobs = new List<Func<IReadOnlyList<string>>>();
        var scenario = context.Scenario;
        bool[] mask = context.RegionMask();
        var provinces = context.Provinces;
        var cities = context.Region.Cities
            .Select(c => new BoundaryFeature(c.Geometry, c.NameZh, c.NameEn, double.IsFinite(c.SeatX) ? new NetTopologySuite.Geometries.Coordinate(c.SeatX, c.SeatY) : null))
            .ToList();
        var overlays = new MapOverlays(new BoundaryLayer(cities), provinces);
        string attribution = MapCredits.Line(scenario, context.Region.Grid.CellSizeMetres);
        string subtitle = $"{scenario.Title} — scenario {scenario.Id}";
        MapStyle Style(string title, string subject) => new(title, subtitle, attribution, LabelLanguage.Both, null, 150,
            new DocumentInfo(title, subject + "; t CO2/yr; scenario " + scenario.Id, "CO2, net emissions, sinks, grid, " + scenario.Region, ToolInfo.NameAndVersion));
        foreach (var (year, (net, sink)) in keyNet.OrderBy(kv => kv.Key))
        {
            jobs.Add(() =>
            {
                string name = FormattableString.Invariant($"net_{year}.png");
                new SignedMapRenderer().Render(new SignedGridLayer(context.Region.Grid, RunMaps.Masked(net, mask), overlays, $"net = gross + sinks, {year}"),
                    Style($"{scenario.Region} net CO₂ emissions {year} (gross emissions plus sinks and removals)", $"net map, {year}"), file(name));
                return [name];
            });
            jobs.Add(() =>
            {
                string name = FormattableString.Invariant($"sinks_{year}.png");
                new SignedMapRenderer().Render(new SignedGridLayer(context.Region.Grid, RunMaps.Masked(sink, mask), overlays, $"sinks and removals, {year}"),
                    Style($"{scenario.Region} CO₂ sinks and removals {year} ({What(scenario.Sinks!)}; negative = uptake)", $"sink map, {year}"), file(name));
                return [name];
            });
        }

        return jobs;
    }

    /// <summary>What the scenario's signed sectors are, for the sink map's title ("land sink", "land sink and BECCS").</summary>
    private static string What(SinkSpec spec) => string.Join(" and ", new[]
    {
        spec.Land is null ? null : "land sink",
        spec.Removals?.Kind,
    }.OfType<string>());

    private static string Summary(AnalysisContext context, IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> totals, List<string> cityLines)
    {
        var sb = new StringBuilder();
        void Line(FormattableString f) => sb.Append(f.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"");
        Line($"## Net emissions (Mt CO2/yr; sinks and removals negative)");
        Line($"");
        Line($"| year | gross | land sink | removals | net | captured | stored | unmet storage |");
        Line($"|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int year in context.KeyYears.Where(totals.ContainsKey))
        {
            var t = totals[year];
            Line($"| {year} | {t["gross"]:0.00} | {t.GetValueOrDefault(SinkSpec.LandSector):0.00} | {t.GetValueOrDefault(SinkSpec.RemovalSector):0.00} | {t["net"]:0.00} | {t["captured"]:0.00} | {t["stored"]:0.00} | {t["unmet_storage"]:0.00} |");
        }

        Line($"");
        Line($"Hotspots, city rankings and the grid maps above are of gross emissions; `maps/net_<year>.png` and `maps/sinks_<year>.png` show net emissions and sinks, `analysis/city_net_totals.csv` the city totals (gross, sinks, net), `storage.csv` the storage sites.");
        if (context.Scenario.OffGrid is not null)
        {
            Line($"");
            Line($"Gross and net here are the region's: they include the part held off the grid (see above); the grids, the net and sink maps and `city_net_totals.csv` hold the on-grid part only.");
        }

        _ = cityLines;
        return sb.ToString();
    }
}
