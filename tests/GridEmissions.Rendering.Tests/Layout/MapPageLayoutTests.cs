namespace GridEmissions.Rendering.Tests.Layout;

public class MapPageLayoutTests
{
    private const string Credits = "boundaries: Apache ECharts; land cover: NASA MODIS MCD12C1; facilities: Global Energy Monitor (CC BY 4.0); population: WorldPop (CC BY 4.0); railways: VMap0/DCW; © OpenStreetMap contributors (ODbL); airports: OpenFlights (ODbL); GridEmissions 0.1.0; China Albers equal-area, 10 km cells";

    [Fact]
    public void A_long_attribution_wraps_at_its_separators_within_the_margins_and_loses_no_credit()
    {
        using Canvas canvas = Canvas.CreateImage(PageSize.A4Portrait, 72);
        IReadOnlyList<string> lines = MapPageLayout.AttributionLines(canvas, canvas.Page, Credits);
        Assert.True(lines.Count >= 2, "a portrait page cannot hold these credits on one line");
        MapPageLayout layout = MapPageLayout.Compute(canvas.Page, true, 110, canvas, Credits);
        foreach (string line in lines)
        {
            Assert.True(layout.Margin + canvas.Measure(line, MapPageLayout.AttributionFont).XAdvance <= canvas.Page.WidthPoints - layout.Margin, $"'{line}' runs past the right margin");
        }

        Assert.Equal(Credits, string.Join(" ", lines));
        double firstBaseline = layout.AttributionBaseline - ((lines.Count - 1) * MapPageLayout.AttributionLeading);
        Assert.True(layout.MapFrame.Bottom < firstBaseline - MapPageLayout.AttributionFont.SizePoints, "the map frame overlaps the attribution lines");
    }

    [Fact]
    public void A_short_attribution_keeps_one_line_and_the_one_line_layout()
    {
        using Canvas canvas = Canvas.CreateImage(PageSize.A4Landscape, 72);
        Assert.Single(MapPageLayout.AttributionLines(canvas, canvas.Page, "boundaries: Apache ECharts; GridEmissions 0.1.0"));
        Assert.Equal(MapPageLayout.Compute(canvas.Page, true, 110), MapPageLayout.Compute(canvas.Page, true, 110, canvas, "boundaries: Apache ECharts; GridEmissions 0.1.0"));
    }
}
