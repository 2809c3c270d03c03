using System.Globalization;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline.Ensembles;

/// <summary><c>grids/hotspot_probability_&lt;year&gt;.tif</c>: the share of members in which each cell is a Gi* hot spot of the total (queen weights, FDR 5 %), key years.</summary>
public static class HotspotProbability
{
    /// <summary>The probability grid of one year from the counts.</summary>
    public static double[] Of(int[] counts, int members)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return [.. counts.Select(c => (double)c / members)];
    }

    /// <summary>Writes one GeoTIFF per key year.</summary>
    public static void Write(OutputDirectory output, AnalysisContext context, IReadOnlyDictionary<int, int[]> counts, int members)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(counts);
        bool[] region = context.RegionMask();
        var globals = OutputMetadata.Globals(context.Scenario, context.Region.Grid, FormattableString.Invariant($"ensemble merge ({members} members)"));
        foreach (var (year, c) in counts.OrderBy(kv => kv.Key))
        {
            double[] p = Of(c, members);
            for (int i = 0; i < p.Length; i++)
            {
                p[i] = region[i] ? p[i] : RegionMask.NoData;
            }

            var meta = new Dictionary<string, string>(globals, StringComparer.Ordinal)
            {
                ["year"] = year.ToString(CultureInfo.InvariantCulture),
                ["sector"] = YearGrids.Total,
                ["units"] = "1",
                ["ensemble_members"] = members.ToString(CultureInfo.InvariantCulture),
                ["description"] = "share of the ensemble members in which the cell is a Getis-Ord Gi* hot spot of the total (queen weights, Benjamini-Hochberg FDR 5 %)",
            };
            GeoTiffWriter.Write(output.File(Path.Combine("grids", FormattableString.Invariant($"hotspot_probability_{year}.tif"))), context.Region.Grid,
                [new RasterBand("hotspot_probability", p, meta, "1")], meta, GeoTiffOptions.Default with { NoData = RegionMask.NoData });
        }
    }
}
