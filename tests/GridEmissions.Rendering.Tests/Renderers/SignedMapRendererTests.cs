using GridEmissions.Core.Grids;

namespace GridEmissions.Rendering.Tests.Renderers;

public class SignedMapRendererTests
{
    private const double Dpi = 96;
    private static readonly MapStyle Style = new("Net grid", "scenario S1 · 2060 · net", "Test data", Page: new PageSize(480, 300), Dpi: Dpi);

    // 4 × 3 cells: strong uptake, near zero, no data, strong emission; then moderate values of each sign.
    private static readonly double[] Values = [-2e6, -500, double.NaN, 2e6, -5e3, 5e3, -2e5, 2e5, 0, 0, 0, 0];

    [Fact]
    public void Uptake_is_blue_emission_red_near_zero_grey_and_no_data_white_on_a_symmetric_scale()
    {
        string path = Path.Combine(Fixtures.TempDir("signed"), "net.png");
        new SignedMapRenderer().Render(new SignedGridLayer(Fixtures.TinyGrid, Values, MapOverlays.None, "net = gross + sinks"), Style, path);
        using Canvas measurer = Canvas.CreateImage(new PageSize(10, 10), 72);
        (_, MapViewport viewport) = MapComposer.Plan(measurer, Style.PageSize, Style, Fixtures.TinyGrid.Extent, SignedMapRenderer.Legend("net = gross + sinks"));
        PixelImage image = PixelImage.ReadPng(path);
        GridSpec grid = Fixtures.TinyGrid;
        Rgba At(int col, int row)
        {
            var c = grid.CellCentre(grid.Index(col, row));
            (int x, int y) = Fixtures.Pixel(viewport.X(c.X), viewport.Y(c.Y), Dpi);
            return image[x, y];
        }

        ClassedScale s = SignedMapRenderer.NetScale();
        Assert.Equal(s.Colours[0], At(0, 0));
        Assert.Equal(s.Colours[4], At(1, 0));
        Assert.Equal(Palettes.NoData, At(2, 0));
        Assert.Equal(s.Colours[^1], At(3, 0));
        Assert.Equal(s.Colours[3], At(0, 1));
        Assert.Equal(s.Colours[5], At(1, 1));
        Assert.Equal(s.Classify(-2e5), 8 - s.Classify(2e5));
        Assert.Contains(s.Labels, l => l.Contains("near zero", StringComparison.Ordinal));
        Assert.Contains("net = gross + sinks", SignedMapRenderer.Legend("net = gross + sinks").TitleLines);
    }
}
