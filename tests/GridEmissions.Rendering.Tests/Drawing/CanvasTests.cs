using System.Diagnostics;
using System.Xml.Linq;

namespace GridEmissions.Rendering.Tests.Drawing;

public class CanvasTests
{
    private static void DrawSample(Canvas canvas)
    {
        canvas.Clear(Rgba.White);
        canvas.SetColour(Rgba.FromHex("#bd0026"));
        canvas.Rectangle(10, 10, 50, 30);
        canvas.Fill();
        canvas.SetColour(Rgba.Black);
        canvas.SetLineWidth(2);
        canvas.SetDash(4, 2);
        canvas.Arc(100, 40, 20, 0, 2 * Math.PI);
        canvas.Stroke();
        canvas.SetDash();
        canvas.ShowTextAligned(10, 80, "郑州市 Zhengzhou", new FontSpec(12), Rgba.Black);
        canvas.DrawPixels(2, 2, [Rgba.Black, Rgba.White, Rgba.White, Rgba.FromHex("#2166ac")], new PageRect(150, 10, 40, 40));
    }

    private static string Write(string dir, string name, double dpi = 144)
    {
        string path = Path.Combine(dir, name);
        using Canvas canvas = Canvas.CreateFile(path, new PageSize(200, 100), dpi, new DocumentInfo("Sample 样例", "t CO2 per cell; China Albers"));
        DrawSample(canvas);
        Assert.Equal(Path.GetFullPath(path), canvas.Complete());
        return path;
    }

    /// <summary>
    /// The renderer is SkiaSharp alone: drawing PNG, SVG and PDF loads no libcairo into the process
    /// (libcairo2 stays installed here only because the test tools Chromium and poppler-utils need it),
    /// and no source file imports Cairo.
    /// </summary>
    [Fact]
    public void Drawing_png_svg_and_pdf_loads_no_libcairo_and_no_source_imports_it()
    {
        string dir = Fixtures.TempDir("no-cairo");
        foreach (string name in new[] { "a.png", "a.svg", "a.pdf" })
        {
            Assert.True(new FileInfo(Write(dir, name)).Length > 0, name + " is empty");
        }

        string[] maps = File.ReadAllLines("/proc/self/maps");
        string[] cairo = [.. maps.Where(l => l.Contains("libcairo", StringComparison.Ordinal)).Select(l => l[(l.LastIndexOf(' ') + 1)..]).Distinct()];
        Assert.True(cairo.Length == 0, "libcairo is loaded: " + string.Join(", ", cairo));
        Assert.Contains(maps, l => l.Contains("libSkiaSharp", StringComparison.Ordinal));

        string src = Path.Combine(Path.GetDirectoryName(RealBoundaries.RepoFile("GridEmissions.sln"))!, "src");
        var imports = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"(LibraryImport|DllImport)\s*\(\s*""[^""]*cairo", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .ToList();
        Assert.Empty(imports);
    }

    [Fact]
    public void A_png_has_the_pixel_size_of_the_page_at_its_dpi_and_the_drawn_colours()
    {
        string dir = Fixtures.TempDir("png");
        PixelImage image = PixelImage.ReadPng(Write(dir, "sample.png", dpi: 144));
        Assert.Equal(400, image.Width);
        Assert.Equal(200, image.Height);
        Assert.Equal(Rgba.FromHex("#bd0026"), image[70, 50]);  // (35, 25) pt
        Assert.Equal(Rgba.White, image[2, 2]);
        Assert.Equal(Rgba.Black, image[305, 25]);              // top-left image block, crisp (nearest filter)
        Assert.Equal(Rgba.FromHex("#2166ac"), image[375, 95]); // bottom-right block
        Assert.Equal(Rgba.White, image[305, 95]);             // bottom-left block
    }

    [Fact]
    public void A_png_records_its_dpi_in_a_pHYs_chunk()
    {
        byte[] png = File.ReadAllBytes(Write(Fixtures.TempDir("png-dpi"), "sample.png", dpi: 150));
        int at = png.AsSpan().IndexOf("pHYs"u8);
        Assert.True(at > 0, "no pHYs chunk");
        uint x = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 4));
        uint y = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8));
        Assert.Equal((5906u, 5906u, (byte)1), (x, y, png[at + 12])); // 150 dpi = 5905.5 px/m, unit metre
    }

    [Fact]
    public void Svg_text_stays_text_with_the_font_family_named()
    {
        string path = Write(Fixtures.TempDir("svg-text"), "sample.svg");
        XNamespace ns = "http://www.w3.org/2000/svg";
        var texts = XDocument.Load(path).Descendants(ns + "text").ToList();
        XElement label = Assert.Single(texts, t => t.Value.Contains("郑州市 Zhengzhou", StringComparison.Ordinal));
        Assert.Equal(FontSpec.CjkFamily, (string?)label.Attribute("font-family"));
    }

    /// <summary>
    /// Every character drawn reaches the SVG's &lt;text&gt;: HarfBuzz gives Noto Sans CJK's digits in
    /// Latin text glyphs that are not in the character map (Skia's SVG device dropped them: "Peak : Mt"),
    /// and the en dash shares its glyph with the figure dash (it came back as "‒").
    /// </summary>
    [Theory]
    [InlineData("Peak 2030: 590 Mt")]
    [InlineData("Henan — carbon neutrality pathway, 2024–2060")]
    [InlineData("10 km cells; population: WorldPop (CC BY 4.0)")]
    [InlineData("郑州市 Zhengzhou 2024: 12.5 Mt CO₂")]
    [InlineData("a  b   c")]
    public void Svg_text_holds_every_character_drawn(string text)
    {
        string path = Path.Combine(Fixtures.TempDir("svg-chars"), "t.svg");
        using (Canvas canvas = Canvas.CreateFile(path, new PageSize(600, 100), 72))
        {
            canvas.Clear(Rgba.White);
            canvas.ShowTextAligned(10, 30, text, new FontSpec(10), Rgba.Black);
            canvas.SetFont(new FontSpec(8, Bold: true));
            canvas.ShowTextWithHalo(10, 60, text, Rgba.Black, Rgba.White, 2);
            canvas.Complete();
        }

        XNamespace ns = "http://www.w3.org/2000/svg";
        var texts = XDocument.Load(path).Descendants(ns + "text").Select(t => t.Value.Trim()).ToList();
        string expected = System.Text.RegularExpressions.Regex.Replace(text, " +", " ");
        string written = string.Concat(texts);
        Assert.Equal(expected + expected + expected, written); // plain, then the halo's stroke and fill
    }

    [Fact]
    public void Pdf_fonts_are_embedded_and_the_text_can_be_extracted()
    {
        string path = Write(Fixtures.TempDir("pdf-fonts"), "sample.pdf");
        string? pdffonts = new[] { "/usr/bin/pdffonts", "/usr/local/bin/pdffonts" }.FirstOrDefault(File.Exists);
        if (pdffonts is null)
        {
            return; // poppler-utils not installed (tools/install-native.sh --with-test-tools installs it)
        }

        string fonts = Run(pdffonts, path);
        string[] rows = [.. fonts.Split('\n').Skip(2).Where(l => l.Trim().Length > 0)];
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Matches(@"\s+yes\s+(yes|no)\s+yes\s+", r)); // emb, sub, uni
        Assert.Contains("郑州市 Zhengzhou", Run(pdffonts.Replace("pdffonts", "pdftotext", StringComparison.Ordinal), path, "-"), StringComparison.Ordinal);
    }

    private static string Run(string exe, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(exe, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{exe} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }

    [Fact]
    public void Two_renders_of_the_same_page_are_byte_identical_in_every_format()
    {
        string dir = Fixtures.TempDir("determinism");
        foreach (string ext in new[] { ".png", ".svg", ".pdf" })
        {
            byte[] a = File.ReadAllBytes(Write(dir, "a" + ext));
            byte[] b = File.ReadAllBytes(Write(dir, "b" + ext));
            Assert.True(a.AsSpan().SequenceEqual(b), $"two {ext} renders differ");
        }
    }

    [Fact]
    public void Svg_clip_and_image_ids_do_not_depend_on_what_the_process_drew_before()
    {
        string dir = Fixtures.TempDir("svg-ids");
        string Clipped(string name)
        {
            string path = Path.Combine(dir, name);
            using Canvas canvas = Canvas.CreateFile(path, new PageSize(100, 100), 72);
            using (canvas.Save())
            {
                canvas.Rectangle(10, 10, 50, 50);
                canvas.Clip();
                canvas.DrawPixels(1, 1, [Rgba.Black], new PageRect(0, 0, 100, 100));
            }

            canvas.Complete();
            return File.ReadAllText(path);
        }

        string first = Clipped("a.svg");
        Clipped("other.svg");
        Assert.Equal(first, Clipped("b.svg"));
        Assert.Contains("id=\"cl_1\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public void An_svg_is_well_formed_xml_with_an_svg_root_and_a_title()
    {
        string path = Write(Fixtures.TempDir("svg"), "sample.svg");
        XDocument doc = XDocument.Load(path);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Contains(doc.Root.Elements(), e => e.Name.LocalName == "title" && e.Value == "Sample 样例");
    }

    [Fact]
    public void A_pdf_starts_with_the_pdf_header_carries_no_clock_date_and_pdftoppm_reads_it()
    {
        string path = Write(Fixtures.TempDir("pdf"), "sample.pdf");
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        string text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.DoesNotContain("/CreationDate", text, StringComparison.Ordinal);
        Assert.Contains("/Creator (GridEmissions)", text, StringComparison.Ordinal);

        string? pdftoppm = new[] { "/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm" }.FirstOrDefault(File.Exists);
        if (pdftoppm is null)
        {
            return; // poppler-utils not installed: the header check above still ran
        }

        string outBase = Path.Combine(Path.GetDirectoryName(path)!, "page");
        using var process = Process.Start(new ProcessStartInfo(pdftoppm, ["-png", "-r", "72", path, outBase]) { RedirectStandardError = true })!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pdftoppm failed: {errors}");
        PixelImage page = PixelImage.ReadPng(outBase + "-1.png");
        Assert.Equal(Rgba.FromHex("#bd0026"), page[35, 25]);
    }

    [Fact]
    public void Files_are_renamed_into_place_and_no_temporary_file_is_left()
    {
        string dir = Fixtures.TempDir("atomic");
        Write(dir, "sample.pdf");
        Write(dir, "sample.png");
        Assert.Equal(["sample.pdf", "sample.png"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_canvas_disposed_without_completing_leaves_no_file()
    {
        string dir = Fixtures.TempDir("abandoned");
        using (Canvas canvas = Canvas.CreateFile(Path.Combine(dir, "x.svg"), new PageSize(50, 50), 72))
        {
            canvas.Clear(Rgba.White);
        }

        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void Even_odd_fill_leaves_a_hole_empty_whatever_the_ring_orientation()
    {
        using Canvas canvas = Canvas.CreateImage(new PageSize(100, 100), 72);
        canvas.Clear(Rgba.White);
        var viewport = new MapViewport(new NetTopologySuite.Geometries.Envelope(0, 100, 0, 100), new PageRect(0, 0, 100, 100));
        GeometryPath.Add(canvas, Fixtures.BoxWithHole(10, 10, 90, 90, 30), viewport);
        canvas.SetColour(Rgba.Black);
        canvas.Fill();
        canvas.Complete();
        PixelImage image = canvas.ReadPixels();
        Assert.Equal(Rgba.Black, image[20, 50]);
        Assert.Equal(Rgba.White, image[50, 50]);
    }
}
