using System.Globalization;
using System.Text;
using System.Text.Json;
using GridEmissions.Analysis;

namespace GridEmissions.Pipeline.Comparison;

/// <summary><c>summary.md</c> of a comparison: totals, sum check, the cities that change most, hot-spot change, maps.</summary>
public static class ComparisonSummary
{
    /// <summary>Writes the summary.</summary>
    public static void Write(RunPair pair, ComparisonResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(result);
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"# Comparison {pair.Label} ({pair.A.Scenario.Region})");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Run A: `{pair.NameA}` (scenario `{pair.A.Scenario.Id}`, seed {pair.A.Scenario.Seed}); run B: `{pair.NameB}` (scenario `{pair.B.Scenario.Id}`, seed {pair.B.Scenario.Seed}).");
        s.AppendLine(CultureInfo.InvariantCulture, $"Every difference is B − A, t CO₂/yr; {pair.Years.Count} common years ({pair.Years[0]}–{pair.Years[^1]}), bands: {string.Join(", ", pair.Sectors)}.");
        s.AppendLine();
        s.AppendLine("## Totals (Mt CO₂/yr)");
        s.AppendLine();
        s.AppendLine("| year | A | B | B − A | % |");
        s.AppendLine("|---|---:|---:|---:|---:|");
        foreach (int year in pair.KeyYears)
        {
            DifferenceSum t = result.SumChecks.First(c => c.Year == year && c.Sector == YearGrids.Total);
            s.AppendLine(CultureInfo.InvariantCulture, $"| {year} | {t.TotalA / 1e6:0.00} | {t.TotalB / 1e6:0.00} | {(t.TotalB - t.TotalA) / 1e6:+0.00;-0.00;0.00} | {CityDifferences.Percent(t.TotalA, t.TotalB)} |");
        }

        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Sum check (`sum_check.csv`): every difference grid sums to the difference of the runs' grid totals; largest relative error {result.MaxRelativeError:E2} (tolerance {RunComparison.Tolerance:E0}, relative to the larger run total).");
        s.AppendLine();
        int end = pair.Years[^1];
        YearGrid ga = pair.A.Grids.Read(end), gb = pair.B.Grids.Read(end);
        CityTotalsResult ca = CityTotals.Compute(pair.A.Region.Attribution, ga.Total), cb = CityTotals.Compute(pair.A.Region.Attribution, gb.Total);
        s.AppendLine(CultureInfo.InvariantCulture, $"## Cities that change most in {end} (total, Mt CO₂/yr)");
        s.AppendLine();
        s.AppendLine("| city | A | B | B − A | % |");
        s.AppendLine("|---|---:|---:|---:|---:|");
        foreach (int c in Enumerable.Range(0, ca.Cities.Count).OrderByDescending(c => Math.Abs(cb.Cities[c].EmissionsTonnes - ca.Cities[c].EmissionsTonnes)).ThenBy(c => c).Take(5))
        {
            var city = pair.A.Region.Cities[c];
            double av = ca.Cities[c].EmissionsTonnes, bv = cb.Cities[c].EmissionsTonnes;
            s.AppendLine(CultureInfo.InvariantCulture, $"| {city.NameZh} {city.NameEn} | {av / 1e6:0.000} | {bv / 1e6:0.000} | {(bv - av) / 1e6:+0.000;-0.000;0.000} | {CityDifferences.Percent(av, bv)} |");
        }

        s.AppendLine();
        s.AppendLine("## Hot spots of the total (Gi*, queen, FDR)");
        s.AppendLine();
        s.AppendLine("| year | hot cells A | hot cells B | in both | gained | lost | zones A | zones B |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (HotspotChange h in result.Hotspots)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {h.Year} | {h.HotA} | {h.HotB} | {h.Both} | {h.Gained} | {h.Lost} | {h.ZonesA} | {h.ZonesB} |");
        }

        s.AppendLine();
        s.AppendLine("## Files");
        s.AppendLine();
        s.AppendLine("- `grids/difference_<year>.tif`, `difference.nc`: B − A per cell, a band/variable per sector and the total.");
        s.AppendLine("- `city_differences.csv`: every city's A, B, difference and % per year and band; `sum_check.csv`.");
        s.AppendLine("- `hotspot_change.csv`, `hotspot_zones.csv`, `grids/hotspot_change_<year>.tif` (2 both, 1 B only, −1 A only).");
        s.AppendLine(CultureInfo.InvariantCulture, $"- maps: {string.Join(", ", result.Maps.Select(m => "`maps/" + m + "`"))}.");
        File.WriteAllText(path, s.ToString(), new UTF8Encoding(false));
    }
}

/// <summary><c>manifest.json</c> of a comparison: both runs (their manifests' SHA-256) and every output with its SHA-256; no timestamps.</summary>
public static class ComparisonManifest
{
    /// <summary>Writes the manifest into the staging folder.</summary>
    public static void Write(OutputDirectory output, RunPair pair, string runA, string runB)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(pair);
        string path = output.File("manifest.json");
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("tool", ToolInfo.NameAndVersion);
        json.WriteString("command", $"compare {pair.NameA} {pair.NameB}");
        json.WriteString("difference", "B - A");
        json.WriteString("region", pair.A.Scenario.Region);
        json.WriteString("units", Core.Sectors.SectorCatalog.RasterUnits);
        json.WriteString("crs", Core.Grids.ChinaAlbers.Proj4);
        json.WriteStartArray("runs");
        foreach (var (role, dir, ctx) in new[] { ("A", runA, pair.A), ("B", runB, pair.B) })
        {
            json.WriteStartObject();
            json.WriteString("role", role);
            json.WriteString("run", Path.GetFileName(Path.GetFullPath(dir).TrimEnd('/')));
            json.WriteString("scenario_id", ctx.Scenario.Id);
            json.WriteNumber("seed", ctx.Scenario.Seed);
            json.WriteString("manifest_sha256", RunManifest.Hash(Path.Combine(dir, "manifest.json")));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("outputs");
        foreach (string f in Directory.GetFiles(output.Staging, "*", SearchOption.AllDirectories).Where(f => f != path).Order(StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("file", Path.GetRelativePath(output.Staging, f).Replace('\\', '/'));
            json.WriteString("sha256", RunManifest.Hash(f));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
