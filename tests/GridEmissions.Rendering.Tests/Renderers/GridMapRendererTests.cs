using GridEmissions.Core.Grids;

namespace GridEmissions.Rendering.Tests.Renderers;

public class GridMapRendererTests
{
    private const double Dpi = 96;
    private static readonly MapStyle Style = new("Tiny grid", "scenario S1 · 2030 · all sectors", "Test data", Page: new PageSize(480, 300), Dpi: Dpi);

    // 4 × 3 cells, row 0 north. Row 0: class 1, zero, NaN, class 4. Row 1: class 0, class 2, class 3, at the 1e5 break.
    private static readonly double[] Values = [5e3, 0, double.NaN, 2e6, 10, 2e4, 3e5, 1e5, 1e3, 1e3, 1e3, 1e3];

    private static (PixelImage Image, MapViewport Viewport, MapPageLayout Layout, GridMapRenderer Renderer) Render(string name)
    {
        var renderer = new GridMapRenderer();
        var input = new GridMapInput(new GridLayer(Fixtures.TinyGrid, Values), MapOverlays.None);
        string path = Path.Combine(Fixtures.TempDir(name), "grid.png");
        RenderReport report = renderer.Render(input, Style, path);
        Assert.Equal([Path.GetFullPath(path)], report.Files);
        using Canvas measurer = Canvas.CreateImage(new PageSize(10, 10), 72);
        (MapPageLayout layout, MapViewport viewport) = MapComposer.Plan(measurer, Style.PageSize, Style, Fixtures.TinyGrid.Extent, renderer.Legend(Values));
        return (PixelImage.ReadPng(path), viewport, layout, renderer);
    }

    private static Rgba CellCentre(PixelImage image, MapViewport viewport, GridSpec grid, int index)
    {
        var c = grid.CellCentre(index);
        (int x, int y) = Fixtures.Pixel(viewport.X(c.X), viewport.Y(c.Y), Dpi);
        return image[x, y];
    }

    [Fact]
    public void Each_cell_has_the_colour_of_its_class_zero_is_grey_and_no_data_is_white()
    {
        (PixelImage image, MapViewport viewport, _, GridMapRenderer renderer) = Render("cells");
        GridSpec grid = Fixtures.TinyGrid;
        ClassedScale s = renderer.Scale;
        Assert.Equal(s.Colours[1], CellCentre(image, viewport, grid, grid.Index(0, 0)));
        Assert.Equal(Palettes.Zero, CellCentre(image, viewport, grid, grid.Index(1, 0)));
        Assert.Equal(Palettes.NoData, CellCentre(image, viewport, grid, grid.Index(2, 0)));
        Assert.Equal(s.Colours[4], CellCentre(image, viewport, grid, grid.Index(3, 0)));
        Assert.Equal(s.Colours[0], CellCentre(image, viewport, grid, grid.Index(0, 1)));
        Assert.Equal(s.Colours[2], CellCentre(image, viewport, grid, grid.Index(1, 1)));
        Assert.Equal(s.Colours[3], CellCentre(image, viewport, grid, grid.Index(2, 1)));
        Assert.Equal(s.Colours[3], CellCentre(image, viewport, grid, grid.Index(3, 1)));
        Assert.Equal(s.Colours[1], CellCentre(image, viewport, grid, grid.Index(2, 2)));
    }

    [Fact]
    public void The_legend_shows_every_class_colour_then_zero_and_no_data()
    {
        (PixelImage image, _, MapPageLayout layout, GridMapRenderer renderer) = Render("legend");
        using Canvas measurer = Canvas.CreateImage(new PageSize(10, 10), 72);
        LegendModel legend = renderer.Legend(Values);
        LegendLayout placed = LegendLayout.Compute(legend, layout.Legend.X, layout.Legend.Y, measurer);
        Rgba[] expected = [.. renderer.Scale.Colours.Reverse(), Palettes.Zero, Palettes.NoData];
        Assert.Equal(expected.Length, placed.Swatches.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            (int x, int y) = Fixtures.Pixel(placed.Swatches[i].CentreX, placed.Swatches[i].CentreY, Dpi);
            Assert.True(expected[i] == image[x, y], $"legend swatch {i} ('{legend.Entries[i].Label}'): expected {expected[i]}, got {image[x, y]}");
        }

        Assert.Contains("t CO₂", string.Join(" ", legend.TitleLines), StringComparison.Ordinal);
    }

    [Fact]
    public void The_png_is_the_requested_pixel_size_and_two_renders_are_byte_identical()
    {
        var input = new GridMapInput(new GridLayer(Fixtures.TinyGrid, Values), MapOverlays.None);
        string dir = Fixtures.TempDir("grid-determinism");
        var style = Style with { Page = PageSize.FromPixels(800, 500, 120), Dpi = 120 };
        new GridMapRenderer().Render(input, style, Path.Combine(dir, "a.png"));
        new GridMapRenderer().Render(input, style, Path.Combine(dir, "b.png"));
        PixelImage a = PixelImage.ReadPng(Path.Combine(dir, "a.png"));
        Assert.Equal((800, 500), (a.Width, a.Height));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a.png")), File.ReadAllBytes(Path.Combine(dir, "b.png")));
    }

    [Fact]
    public void Values_that_do_not_match_the_grid_are_rejected_with_both_counts()
    {
        var input = new GridMapInput(new GridLayer(Fixtures.TinyGrid, [1, 2, 3]), MapOverlays.None);
        using Canvas canvas = Canvas.CreateImage(Style.PageSize, 72);
        var ex = Assert.Throws<ArgumentException>(() => new GridMapRenderer().Draw(canvas, input, Style));
        Assert.Contains("12 cells but 3 values", ex.Message, StringComparison.Ordinal);
    }
}
