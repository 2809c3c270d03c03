using System.Text;
using GridEmissions.Analysis;

namespace GridEmissions.Pipeline.Comparison;

/// <summary><c>city_differences.csv</c>: every city's total in A and B, the difference and the percent change, per common year and band.</summary>
public static class CityDifferences
{
    /// <summary>Header of the table.</summary>
    public const string Header = "region,scenario_a,scenario_b,year,sector,adcode,name_zh,name_en,a_t,b_t,difference_t,difference_percent,rank_a,rank_b";

    /// <summary>Writes the table; the row with adcode <c>outside</c> holds what falls outside every city (cells in the margin).</summary>
    public static void Write(RunPair pair, string path)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var cities = pair.A.Region.Cities;
        var coverage = pair.A.Region.Attribution;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        w.WriteLine(Header);
        string lead = $"{GridOutputSink.Csv(pair.A.Scenario.Region)},{GridOutputSink.Csv(pair.A.Scenario.Id)},{GridOutputSink.Csv(pair.B.Scenario.Id)}";
        foreach (int year in pair.Years)
        {
            YearGrid a = pair.A.Grids.Read(year), b = pair.B.Grids.Read(year);
            foreach (string s in pair.Sectors)
            {
                CityTotalsResult ta = CityTotals.Compute(coverage, a.Bands[s]), tb = CityTotals.Compute(coverage, b.Bands[s]);
                for (int c = 0; c < cities.Count; c++)
                {
                    CityTotal ca = ta.Cities[c], cb = tb.Cities[c];
                    w.WriteLine(FormattableString.Invariant($"{lead},{year},{s},{cities[ca.CityIndex].Adcode},{GridOutputSink.Csv(cities[ca.CityIndex].NameZh)},{GridOutputSink.Csv(cities[ca.CityIndex].NameEn)},{ca.EmissionsTonnes:R},{cb.EmissionsTonnes:R},{cb.EmissionsTonnes - ca.EmissionsTonnes:R},{Percent(ca.EmissionsTonnes, cb.EmissionsTonnes)},{ca.Rank},{cb.Rank}"));
                }

                w.WriteLine(FormattableString.Invariant($"{lead},{year},{s},outside,,,{ta.OutsideTonnes:R},{tb.OutsideTonnes:R},{tb.OutsideTonnes - ta.OutsideTonnes:R},{Percent(ta.OutsideTonnes, tb.OutsideTonnes)},,"));
            }
        }
    }

    /// <summary>100 × (B − A) / A, empty when A is 0.</summary>
    public static string Percent(double a, double b) =>
        a == 0 ? string.Empty : FormattableString.Invariant($"{100 * (b - a) / a:0.######}");
}
