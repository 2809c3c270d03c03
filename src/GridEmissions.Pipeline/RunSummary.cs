using System.Globalization;
using System.Text;
using GridEmissions.Analysis;

namespace GridEmissions.Pipeline;

/// <summary>The short <c>summary.md</c> of a run: city ranking of the base year, headline totals and the transport/buildings pattern indicators.</summary>
public static class RunSummary
{
    /// <summary>Writes the summary; <paramref name="patternsCsv"/> is the run's patterns.csv.</summary>
    public static void Write(AnalysisContext context, IReadOnlyDictionary<int, IReadOnlyDictionary<string, CityTotalsResult>> keyYearTotals, string patternsCsv, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(keyYearTotals);
        File.WriteAllText(path, Text(context, keyYearTotals, File.Exists(patternsCsv) ? File.ReadAllLines(patternsCsv) : []), new UTF8Encoding(false));
    }

    /// <summary>The summary text.</summary>
    public static string Text(AnalysisContext context, IReadOnlyDictionary<int, IReadOnlyDictionary<string, CityTotalsResult>> keyYearTotals, IReadOnlyList<string> patternLines)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(keyYearTotals);
        ArgumentNullException.ThrowIfNull(patternLines);
        var s = context.Scenario;
        var sb = new StringBuilder();
        void Line(FormattableString f) => sb.Append(f.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"# {s.Title}");
        Line($"");
        Line($"Scenario `{s.Id}` ({s.Variant}), region {s.Region}, {s.StartYear}–{s.EndYear}, {context.Region.Cities.Count} cities, grid {context.Region.Grid.Columns} x {context.Region.Grid.Rows} cells of {context.Region.Grid.CellSizeMetres / 1000:0.#} km. {ToolInfo.NameAndVersion}.");
        Line($"");
        int baseYear = s.StartYear;
        if (keyYearTotals.TryGetValue(baseYear, out var baseTotals))
        {
            CityTotalsResult t = baseTotals[YearGrids.Total];
            Line($"## City ranking {baseYear} (top 10 by emissions)");
            Line($"");
            Line($"| rank | city | adcode | Mt CO2/yr | share of region | t CO2/km² |");
            Line($"|---:|---|---|---:|---:|---:|");
            foreach (CityTotal c in t.Cities.OrderBy(c => c.Rank).Take(10))
            {
                CityRecord city = context.Region.Cities[c.CityIndex];
                Line($"| {c.Rank} | {city.NameZh} {city.NameEn} | {city.Adcode} | {c.EmissionsTonnes / 1e6:0.00} | {c.ShareOfRegion * 100:0.0} % | {c.IntensityTonnesPerKm2:0} |");
            }

            Line($"");
        }

        Line($"## Headline totals (Mt CO2/yr)");
        Line($"");
        Line($"| year | grid total | in cities | outside cities | target |");
        Line($"|---:|---:|---:|---:|---:|");
        foreach (var (year, totals) in keyYearTotals.OrderBy(kv => kv.Key))
        {
            CityTotalsResult t = totals[YearGrids.Total];
            Line($"| {year} | {t.GridTotalTonnes / 1e6:0.00} | {t.Cities.Sum(c => c.EmissionsTonnes) / 1e6:0.00} | {t.OutsideTonnes / 1e6:0.00} | {context.Targets.TotalMt(year):0.00} |");
        }

        Line($"");
        if (s.OffGrid is { } offGrid)
        {
            Line($"## Held off the grid");
            Line($"");
            Line($"Counted in the region's total but placed on no cell: {offGrid.Reason}. The grid, the maps, the GeoTIFF/NetCDF bands and the city totals show the region's total minus this part; `targets.csv` and `audit.csv` carry it as `{Core.Scenarios.OffGridSpec.Id}` every year (audited: on-grid cells + off-grid = total).");
            Line($"");
            Line($"| year | region total | held off the grid | on the grid |");
            Line($"|---:|---:|---:|---:|");
            foreach (int year in s.Years)
            {
                Line($"| {year} | {context.Targets.TotalMt(year):0.00} | {context.Targets.OffGridMt(year):0.00} | {context.Targets.OnGridMt(year):0.00} |");
            }

            Line($"");
        }

        Line($"## Pattern indicators");
        Line($"");
        Line($"| year | transport: corridor share | buildings: urban share |");
        Line($"|---:|---:|---:|");
        var patterns = ParsePatterns(patternLines);
        foreach (int year in context.KeyYears)
        {
            Line($"| {year} | {Percent(patterns, year, "transport", "corridor_share")} | {Percent(patterns, year, "buildings", "share_in_urban_cells")} |");
        }

        Line($"");
        Line($"Files: `grids/` yearly GeoTIFFs, `analysis/` city totals, hotspots, trajectories and GeoJSON (EPSG:4326), `maps/` PNG (pathway and base-year grid map also SVG and PDF).");
        return sb.ToString();
    }

    private static Dictionary<(int Year, string Sector), Dictionary<string, string>> ParsePatterns(IReadOnlyList<string> lines)
    {
        var result = new Dictionary<(int, string), Dictionary<string, string>>();
        if (lines.Count == 0)
        {
            return result;
        }

        string[] header = lines[0].Split(',');
        int yearColumn = Array.IndexOf(header, "year"), sectorColumn = Array.IndexOf(header, "sector");
        if (yearColumn < 0 || sectorColumn < 0)
        {
            return result;
        }

        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            string[] f = line.Split(',');
            if (f.Length != header.Length || !int.TryParse(f[yearColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out int year))
            {
                continue;
            }

            result[(year, f[sectorColumn])] = header.Zip(f).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }

        return result;
    }

    private static string Percent(Dictionary<(int Year, string Sector), Dictionary<string, string>> patterns, int year, string sector, string column) =>
        patterns.TryGetValue((year, sector), out var row) && row.TryGetValue(column, out string? v)
            && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
            ? (d * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %"
            : "n/a";
}
