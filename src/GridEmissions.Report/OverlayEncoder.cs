using System.Globalization;
using System.Text.Json.Nodes;
using GridEmissions.Rendering;

namespace GridEmissions.Report;

/// <summary>
/// The report's grid overlays, added a year at a time: each band of the year as a Web Mercator PNG data URL
/// coloured with the static maps' classed log scale, the probes of the first year's total (for the browser
/// test) and the legend. Years are added in order; the result is the same whether the years come from a
/// finished run folder (<see cref="ReportData.PrepareOverlays"/>) or from a run as it writes them.
/// </summary>
public sealed class OverlayEncoder
{
    private readonly ClassedScale scale = Scales.EmissionsPerCell();
    private readonly JsonObject fields = [];
    private readonly JsonObject images = [];
    private readonly JsonArray probes = [];
    private readonly List<int> years = [];
    private MercatorOverlay? overlay;
    private string[] sectors = [];

    /// <summary>
    /// Adds a year: its grid of <paramref name="columns"/> × <paramref name="rows"/> cells (GDAL
    /// <paramref name="geoTransform"/> in <paramref name="crsWkt"/>) and its bands, named like the yearly
    /// GeoTIFF's (sectors, then "total"). With <paramref name="parallel"/> the bands are encoded on every core.
    /// </summary>
    public void Add(int year, int columns, int rows, double[] geoTransform, string crsWkt, IReadOnlyList<string> bandNames, IReadOnlyList<double[]> bands, bool parallel)
    {
        ArgumentNullException.ThrowIfNull(bandNames);
        ArgumentNullException.ThrowIfNull(bands);
        if (years.Count > 0 && year <= years[^1])
        {
            throw new ArgumentException($"overlay years must come in increasing order: {year} after {years[^1]}", nameof(year));
        }

        if (overlay is null)
        {
            overlay = MercatorOverlay.Create(columns, rows, geoTransform, crsWkt, ReportData.OverlayPixels);
            sectors = [.. bandNames];
            fields["bounds"] = new JsonArray(new JsonArray(overlay.South, overlay.West), new JsonArray(overlay.North, overlay.East));
        }
        else if (!bandNames.SequenceEqual(sectors, StringComparer.Ordinal))
        {
            throw new ArgumentException($"the bands of {year} ({string.Join(", ", bandNames)}) differ from those of {years[0]} ({string.Join(", ", sectors)})", nameof(bandNames));
        }

        MercatorOverlay o = overlay;
        var encoded = new string[sectors.Length];
        if (parallel)
        {
            // The bands of a year are coloured and encoded in parallel, then added in band order.
            Parallel.For(0, sectors.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b => encoded[b] = ReportData.Encode(o, bands[b], scale));
        }
        else
        {
            for (int b = 0; b < sectors.Length; b++)
            {
                encoded[b] = ReportData.Encode(o, bands[b], scale);
            }
        }

        var ofYear = new JsonObject();
        for (int b = 0; b < sectors.Length; b++)
        {
            ofYear[sectors[b]] = encoded[b];
            if (years.Count == 0 && sectors[b] == "total")
            {
                ReportData.AddProbes(probes, o, bands[b], scale);
            }
        }

        images[year.ToString(CultureInfo.InvariantCulture)] = ofYear;
        years.Add(year);
    }

    /// <summary>The overlays of the years added (the encoder is spent).</summary>
    public ReportOverlays Complete()
    {
        fields["overlays"] = images;
        fields["probes"] = probes;
        fields["legend"] = new JsonObject
        {
            ["unit"] = scale.UnitLabel,
            ["classes"] = new JsonArray([.. scale.Labels.Select((l, i) => (JsonNode)new JsonObject { ["label"] = l, ["colour"] = scale.Colours[i].ToString() }).Reverse()]),
        };
        return new ReportOverlays([.. years], fields, sectors);
    }
}
