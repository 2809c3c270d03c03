using GridEmissions.Core.Grids;
using GridEmissions.Rendering;
using NetTopologySuite.Geometries;

namespace GridEmissions.Pipeline.Ensembles;

/// <summary>
/// Maps of an ensemble for 2035 (when in range) and the end year: the median of the total, its
/// spread P90 − P10 (same log scale, t CO2 per cell), and the probability that a cell is a Gi* hot spot.
/// </summary>
public static class EnsembleMaps
{
    /// <summary>Probability classes of the hot-spot map.</summary>
    public static IReadOnlyList<double> ProbabilityBreaks { get; } = [0.1, 0.25, 0.5, 0.75, 0.9];

    /// <summary>Draws the maps into <c>maps/</c>; returns the names written.</summary>
    public static IReadOnlyList<string> Write(AnalysisContext context, OutputDirectory output, IReadOnlyDictionary<int, int[]> hotCounts, int members)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(hotCounts);
        try
        {
            FontCheck.EnsureFonts();
        }
        catch (FontMissingException e)
        {
            throw new InputError("maps", "fonts for the map labels are missing: " + e.Message, $"install them (`apt-get install {FontCheck.CjkPackage}`).");
        }

        var scenario = context.Scenario;
        GridSpec grid = context.Region.Grid;
        bool[] mask = context.RegionMask();
        var cities = context.Region.Cities
            .Select(c => new BoundaryFeature(c.Geometry, c.NameZh, c.NameEn, double.IsFinite(c.SeatX) ? new Coordinate(c.SeatX, c.SeatY) : null))
            .ToList();
        var overlays = new MapOverlays(new BoundaryLayer(cities), context.Provinces);
        string attribution = $"Boundaries: {Path.GetFileName(scenario.Inputs.Boundaries)}; facilities: GEM trackers; {ToolInfo.NameAndVersion}; China Albers equal-area, 10 km cells";
        string subtitle = $"{scenario.Title} — ensemble of {members} members";
        MapStyle Style(string title, string subject) => new(title, subtitle, attribution, LabelLanguage.Both, null, 150,
            new DocumentInfo(title, subject + "; " + ChinaAlbers.Name + "; scenario " + scenario.Id, "CO2, emissions, ensemble, uncertainty, " + scenario.Region, ToolInfo.NameAndVersion));
        var written = new List<string>();
        void Draw(GridMapRenderer renderer, double[] values, string title, string subject, string name)
        {
            renderer.Render(new GridMapInput(new GridLayer(grid, RunMaps.Masked(values, mask)), overlays), Style(title, subject), output.File(Path.Combine("maps", name)));
            written.Add(name);
        }

        foreach (int year in new[] { 2035, scenario.EndYear }.Where(hotCounts.ContainsKey).Distinct())
        {
            double[] median = CellStatisticsWriter.Read(output.Staging, FormattableString.Invariant($"median_{year}.tif"));
            double[] spread = CellStatisticsWriter.Read(output.Staging, FormattableString.Invariant($"spread_{year}.tif"));
            Draw(new GridMapRenderer(), median, $"{scenario.Region} CO₂ emissions {year}, median of {members} members", FormattableString.Invariant($"ensemble median, {year}, total, t CO2/yr"), FormattableString.Invariant($"median_total_{year}.png"));
            Draw(new GridMapRenderer(Scales.EmissionsPerCell(unitLabel: "P90 − P10, t CO₂ per 10 km cell per year")), spread, $"{scenario.Region} CO₂ uncertainty {year}: P90 − P10 of {members} members", FormattableString.Invariant($"ensemble spread P90-P10, {year}, total, t CO2/yr"), FormattableString.Invariant($"spread_total_{year}.png"));
            var scale = Scales.Sequential(ProbabilityBreaks, "probability of a Gi* hot spot (share of members)", v => FormattableString.Invariant($"{v:0.##}"));
            Draw(new GridMapRenderer(scale), HotspotProbability.Of(hotCounts[year], members), $"{scenario.Region} probability of an emission hot spot {year} (Gi*, FDR; {members} members)", FormattableString.Invariant($"hot-spot probability, {year}, total"), FormattableString.Invariant($"hotspot_probability_{year}.png"));
        }

        return written;
    }
}
