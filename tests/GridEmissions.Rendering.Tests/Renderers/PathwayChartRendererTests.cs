namespace GridEmissions.Rendering.Tests.Renderers;

public class PathwayChartRendererTests
{
    private static readonly string[] EightSectors =
        ["Power and heat", "Iron and steel", "Cement and non-metallic minerals", "Petrochemicals and chemicals", "Other industry", "Transport", "Buildings", "Agriculture"];

    [Fact]
    public void Eight_sectors_get_eight_distinct_colours_none_of_them_the_black_of_the_total()
    {
        Rgba[] colours = [.. Enumerable.Range(0, EightSectors.Length).Select(PathwayChartRenderer.SectorColour)];
        Assert.Equal(8, colours.Distinct().Count());
        Assert.DoesNotContain(Rgba.Black, colours);
        Assert.True(Palettes.Sectors.Count >= 8);
    }

    [Fact]
    public void The_legend_lists_the_sectors_in_the_order_they_are_stacked_top_to_bottom()
    {
        int[] years = [2024, 2030, 2060];
        var sectors = EightSectors.Select((s, i) => new SectorSeries(s, [10 + i, 8, 1])).ToList();
        sectors.Add(new SectorSeries("Sinks and CCS", [0, -2, -9]));
        var series = new PathwaySeries(years, sectors);
        LegendModel legend = PathwayChartRenderer.Legend(series);
        string[] expected = [.. EightSectors.Reverse(), "Sinks and CCS", "Net total", "Peak"];
        Assert.Equal(expected, legend.Entries.Select(e => e.Label));
        for (int i = 0; i < sectors.Count; i++)
        {
            Assert.Equal(PathwayChartRenderer.SeriesColour(series, i), legend.Entries.Single(e => e.Label == sectors[i].Sector).Colour);
        }

        // a sink never shares a colour with an emitting sector
        Assert.DoesNotContain(PathwayChartRenderer.SeriesColour(series, 8), Enumerable.Range(0, 8).Select(i => PathwayChartRenderer.SeriesColour(series, i)));

        // the band on top is the last positive sector; the sink is below zero
        var bands = Stacking.Compute([.. sectors.Select(s => s.ValuesMt)]);
        Assert.Equal(bands.Take(8).Max(b => b.Upper[0]), bands[7].Upper[0]);
        Assert.True(bands[8].Lower[2] < 0);
    }
}
