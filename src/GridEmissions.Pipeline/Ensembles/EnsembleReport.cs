using System.Globalization;
using System.Text;

namespace GridEmissions.Pipeline.Ensembles;

/// <summary><c>summary.md</c> of an ensemble: parameters, totals with their range, conservation, files.</summary>
public static class EnsembleReport
{
    /// <summary>Writes the summary.</summary>
    public static void Write(string path, AnalysisContext context, EnsembleFolder folder, EnsembleSummary summary)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(summary);
        var sc = context.Scenario;
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"# Ensemble of {sc.Id}: {summary.Members} members");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Member i is the scenario with its uncertain parameters drawn with seed {sc.Seed} + i (also its run seed). Every member conserved every target (largest audit relative error {summary.MaxRelativeError:E2}).");
        s.AppendLine();
        s.AppendLine("## Uncertain parameters");
        s.AppendLine();
        s.AppendLine("| name | target | distribution | nominal | basis |");
        s.AppendLine("|---|---|---|---|---|");
        foreach (var p in sc.Uncertainty)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {p.Name} | `{p.Target}` | {p.Distribution.Describe()} | {p.Nominal} | {p.Provenance.Basis}: {p.Provenance.Note} |");
        }

        s.AppendLine();
        s.AppendLine("## Totals (Mt CO₂/yr)");
        s.AppendLine();
        s.AppendLine("| year | P10 | P50 | P90 | mean |");
        s.AppendLine("|---|---:|---:|---:|---:|");
        foreach (int year in context.KeyYears)
        {
            var t = summary.Totals.First(x => x.Year == year && x.Sector == YearGrids.Total);
            s.AppendLine(CultureInfo.InvariantCulture, $"| {year} | {t.Quantile(0.1) / 1e6:0.00} | {t.Quantile(0.5) / 1e6:0.00} | {t.Quantile(0.9) / 1e6:0.00} | {t.Mean / 1e6:0.00} |");
        }

        s.AppendLine();
        s.AppendLine("## Files");
        s.AppendLine();
        s.AppendLine("- `ensemble_quantiles.nc` (time × quantile × y × x, every sector and the total), `ensemble_mean.nc`: per cell, t CO₂/yr.");
        s.AppendLine("- `totals.csv` (P10/P50/P90/mean of the member totals), `city_quantiles.csv` (tidy), `city_rank_probability.csv`, `members.csv` (parameter table).");
        s.AppendLine("- `grids/median_<year>.tif`, `grids/spread_<year>.tif` (P90 − P10), `grids/hotspot_probability_<year>.tif` (key years).");
        s.AppendLine(CultureInfo.InvariantCulture, $"- maps: {string.Join(", ", summary.Maps.Select(m => "`maps/" + m + "`"))}.");
        File.WriteAllText(path, s.ToString(), new UTF8Encoding(false));
    }
}
