namespace GridEmissions.Rendering.Tests.Renderers;

/// <summary>
/// End-to-end renders on the repository's real Henan and YRD boundaries with synthetic emissions.
/// Each writes PNG, SVG and PDF to /tmp/gridem-samples for a look, and checks what can be checked.
/// </summary>
public class VisualSamplesTests
{
    private static readonly string OutDir = Path.Combine(Path.GetTempPath(), "gridem-samples");
    private const string Attribution = "Boundaries: repository boundaries/*.geojson · Emissions: synthetic test data · CRS: China Albers equal-area (25°N/47°N, 105°E) · GridEmissions 0.1.0";

    private static MapStyle Style(string title, string subtitle, LabelLanguage language = LabelLanguage.Both) =>
        new(title, subtitle, Attribution, language, PageSize.FromPixels(1600, 1130, 150), 150);

    private static void AssertAllFormats(RenderReport report)
    {
        Assert.Equal(3, report.Files.Count);
        foreach (string f in report.Files)
        {
            Assert.True(new FileInfo(f).Length > 1000, $"{f} is suspiciously small");
        }
    }

    [Fact]
    public void Boundary_demo_draws_the_18_Henan_cities_with_labels()
    {
        var cities = RealBoundaries.Cities("Henan");
        Assert.Equal(18, cities.Count);
        RenderReport report = new BoundaryMapDemo().RenderAll(
            new BoundaryMapInput(new BoundaryLayer(cities), RealBoundaries.Provinces("Henan")),
            Style("河南省地级市 Henan prefecture-level cities", "Boundary proof map"),
            Path.Combine(OutDir, "boundary-demo-henan"));
        AssertAllFormats(report);
        Assert.True(report.DroppedLabels.Count <= 3, $"dropped: {string.Join(", ", report.DroppedLabels)}");
    }

    [Fact]
    public void Grid_map_of_Henan_renders_in_every_format()
    {
        var cities = RealBoundaries.Cities("Henan");
        var (grid, values, _) = SyntheticEmissions.For("Henan", cities, 1);
        RenderReport report = new GridMapRenderer().RenderAll(
            new GridMapInput(new GridLayer(grid, values), new MapOverlays(new BoundaryLayer(cities), RealBoundaries.Provinces("Henan"))),
            Style("Henan CO₂ emissions, 10 km grid", "Scenario: synthetic · 2030 · all sectors"),
            Path.Combine(OutDir, "grid-henan"));
        AssertAllFormats(report);
    }

    [Fact]
    public void Grid_map_of_the_YRD_labels_cities_in_English_without_overlaps()
    {
        var cities = RealBoundaries.Cities("YRD");
        var (grid, values, _) = SyntheticEmissions.For("YRD", cities, 2);
        RenderReport report = new GridMapRenderer().RenderAll(
            new GridMapInput(new GridLayer(grid, values), new MapOverlays(new BoundaryLayer(cities), RealBoundaries.Provinces("YRD"))),
            Style("Yangtze River Delta CO₂ emissions, 10 km grid", "Scenario: synthetic · 2030 · all sectors", LabelLanguage.En),
            Path.Combine(OutDir, "grid-yrd"));
        AssertAllFormats(report);
    }

    [Fact]
    public void Choropleth_of_Henan_city_totals()
    {
        var cities = RealBoundaries.Cities("Henan");
        var (grid, values, _) = SyntheticEmissions.For("Henan", cities, 1);
        var totals = cities.Select(c => new CityValue(c, values.Select((v, i) => (v, i)).Where(p => double.IsFinite(p.v) && c.Geometry.Contains(Fixtures.Factory.CreatePoint(grid.CellCentre(p.i)))).Sum(p => p.v))).ToList();
        RenderReport report = new ChoroplethRenderer().RenderAll(
            new ChoroplethLayer(totals, ChoroplethMeasure.TotalMegatonnes, RealBoundaries.Provinces("Henan")),
            Style("河南省城市碳排放 Henan city totals", "Scenario: synthetic · 2030 · all sectors", LabelLanguage.Zh),
            Path.Combine(OutDir, "choropleth-henan"));
        AssertAllFormats(report);
    }

    [Fact]
    public void Hotspot_map_of_Henan()
    {
        var cities = RealBoundaries.Cities("Henan");
        var (grid, values, inside) = SyntheticEmissions.For("Henan", cities, 1);
        double median = values.Where(double.IsFinite).Order().ElementAt(values.Count(double.IsFinite) / 2);
        sbyte[] gi = [.. values.Select((v, i) => !inside[i] ? HotspotLayer.NoData
            : v > 20 * median ? (sbyte)3 : v > 8 * median ? (sbyte)2 : v > 4 * median ? (sbyte)1
            : v < median / 3 ? (sbyte)-3 : v < median / 2 ? (sbyte)-2 : v < median * 0.7 ? (sbyte)-1 : (sbyte)0)];
        var zz = cities.First(c => c.NameEn == "Zhengzhou");
        var zone = new HotspotZone(zz.Anchor.X is var x && zz.Anchor.Y is var y ? Fixtures.Box(x - 35e3, y - 30e3, x + 45e3, y + 25e3) : zz.Geometry, "Z1 Zhengzhou", 48.3e6);
        RenderReport report = new HotspotMapRenderer().RenderAll(
            new HotspotLayer(grid, gi, [zone], RealBoundaries.Provinces("Henan"), new BoundaryLayer(cities)),
            Style("Henan emission hotspots (Gi*)", "Scenario: synthetic · 2030 · all sectors"),
            Path.Combine(OutDir, "hotspots-henan"));
        AssertAllFormats(report);
    }

    [Fact]
    public void Small_multiples_and_change_map_of_Henan()
    {
        var cities = RealBoundaries.Cities("Henan");
        var provinces = RealBoundaries.Provinces("Henan");
        string[] sectors = ["Power", "Industry", "Transport"];
        int[] years = [2024, 2030, 2045, 2060];
        var panels = new List<double[]>();
        GridEmissions.Core.Grids.GridSpec? grid = null;
        for (int s = 0; s < sectors.Length; s++)
        {
            foreach (int year in years)
            {
                double f = Math.Pow(0.88, (year - 2024) / 3.0) / (s + 1);
                var (g, v, _) = SyntheticEmissions.For("Henan", cities, 10 + s, f);
                grid = g;
                panels.Add(v);
            }
        }

        RenderReport report = new SmallMultiplesRenderer().RenderAll(
            new SmallMultiplesLayer(grid!, sectors, years, panels, provinces, new BoundaryLayer(cities)),
            Style("Henan emissions by sector, 2024–2060", "Scenario: synthetic · one shared scale"),
            Path.Combine(OutDir, "small-multiples-henan"));
        AssertAllFormats(report);

        var (g0, from, _) = SyntheticEmissions.For("Henan", cities, 1);
        var (_, to, _) = SyntheticEmissions.For("Henan", cities, 1, 0.15);
        to[g0.CellCount / 2] = from[g0.CellCount / 2] + 3e5; // one growing cell
        RenderReport change = new ChangeMapRenderer().RenderAll(
            new ChangeLayer(g0, from, to, 2024, 2060, new MapOverlays(new BoundaryLayer(cities), provinces)),
            Style("Henan change in emissions, 2060 − 2024", "Scenario: synthetic · all sectors", LabelLanguage.En),
            Path.Combine(OutDir, "change-henan"));
        AssertAllFormats(change);
    }

    [Fact]
    public void Pathway_chart_with_peak_and_target()
    {
        int[] years = [.. Enumerable.Range(2024, 37)];
        double Curve(int y, double peak, int peakYear, double end) => y <= peakYear ? peak * (0.93 + 0.07 * (y - 2024) / Math.Max(1, peakYear - 2024)) : end + (peak - end) * Math.Exp(-(y - peakYear) / 9.0);
        var series = new PathwaySeries(
            years,
            [
                new SectorSeries("Power", [.. years.Select(y => Curve(y, 210, 2027, 12))]),
                new SectorSeries("Industry", [.. years.Select(y => Curve(y, 160, 2025, 20))]),
                new SectorSeries("Transport", [.. years.Select(y => Curve(y, 60, 2030, 6))]),
                new SectorSeries("Buildings", [.. years.Select(y => Curve(y, 35, 2026, 3))]),
                new SectorSeries("Sinks & CCS", [.. years.Select(y => -Math.Min(45, Math.Max(0, (y - 2030) * 1.6)))]),
            ],
            [.. years.Select(y => 470 * Math.Max(0, 1 - Math.Pow(Math.Max(0, y - 2030) / 30.0, 1.2)))],
            TargetLabel: "Neutrality target");
        RenderReport report = new PathwayChartRenderer().RenderAll(series, Style("Henan CO₂ pathway to neutrality", "Scenario: synthetic · Mt CO₂ per year"), Path.Combine(OutDir, "pathway-henan"));
        AssertAllFormats(report);
        double[] total = series.TotalMt();
        Assert.Equal(Array.IndexOf(total, total.Max()), series.PeakIndex());
    }
}
