using SkiaSharp;

namespace GridEmissions.Rendering;

/// <summary>
/// The project's drawing surface: renderers draw on it the same way for PNG, SVG and PDF, and
/// never see the backend (Skia's <see cref="SKCanvas"/>, raster, SVG or PDF device). It keeps a
/// PostScript-like model: a current path, a source colour and line style saved and restored with
/// <see cref="Save"/>. All coordinates are page points (1/72 inch, y down from the top-left); a PNG
/// canvas is scaled by DPI/72. File canvases write to a temporary file and rename it into place on
/// <see cref="Complete"/>; disposing without completing deletes the temporary file. One canvas per thread.
/// The SVG and PDF devices write into memory, and the file is written from managed code on completion:
/// a write error (a full disk) inside Skia's stream callback cannot unwind through native code and would
/// abort the process.
/// </summary>
public sealed partial class Canvas : IDisposable
{
    private readonly string? finalPath;
    private readonly string? tempPath;
    private readonly DocumentInfo? info;
    private readonly Stack<DrawState> saved = new();
    private readonly List<string> svgTexts = [];
    private SKSurface? surface;
    private MemoryStream? stream;
    private SKDocument? document;
    private SKCanvas? canvas;
    private DrawState state = DrawState.Default;
    private bool completed;

    private Canvas(OutputFormat format, PageSize page, double dpi, string? finalPath, string? tempPath, DocumentInfo? info)
    {
        Format = format;
        Page = page;
        Dpi = dpi;
        this.finalPath = finalPath;
        this.tempPath = tempPath;
        this.info = info;
    }

    /// <summary>The output format.</summary>
    public OutputFormat Format { get; }

    /// <summary>The page in points.</summary>
    public PageSize Page { get; }

    /// <summary>Dots per inch of a PNG (written into its pHYs chunk); 72 for vector formats' nominal scale.</summary>
    public double Dpi { get; }

    /// <summary>Opens a canvas that will write <paramref name="path"/> (format from the extension).</summary>
    public static Canvas CreateFile(string path, PageSize page, double dpi, DocumentInfo? info = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return CreateFile(path, OutputFormats.FromPath(path), page, dpi, info);
    }

    /// <summary>Opens a canvas that will write <paramref name="path"/> in <paramref name="format"/>.</summary>
    public static Canvas CreateFile(string path, OutputFormat format, PageSize page, double dpi, DocumentInfo? info = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        SkiaLibrary.EnsureLoaded();
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var result = new Canvas(format, page, format == OutputFormat.Png ? dpi : 72, full, temp, info);
        try
        {
            switch (format)
            {
                case OutputFormat.Png:
                    result.OpenRaster();
                    break;
                case OutputFormat.Svg:
                    result.stream = new MemoryStream();
                    result.canvas = SKSvgCanvas.Create(SKRect.Create((float)page.WidthPoints, (float)page.HeightPoints), result.stream);
                    break;
                case OutputFormat.Pdf:
                    result.stream = new MemoryStream();
                    result.document = SKDocument.CreatePdf(result.stream, PdfMetadata(info))
                        ?? throw new RenderException($"Skia cannot open a PDF document for '{full}'");
                    result.canvas = result.document.BeginPage((float)page.WidthPoints, (float)page.HeightPoints);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(format), format, "unknown output format");
            }
        }
        catch
        {
            result.Dispose();
            throw;
        }

        return result;
    }

    /// <summary>An in-memory image canvas (for measuring, checks and tests).</summary>
    public static Canvas CreateImage(PageSize page, double dpi)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        SkiaLibrary.EnsureLoaded();
        var result = new Canvas(OutputFormat.Png, page, dpi, null, null, null);
        result.OpenRaster();
        return result;
    }

    /// <summary>Finishes drawing and moves the file into place. Returns the final path (null for in-memory canvases).</summary>
    public string? Complete()
    {
        ObjectDisposedException.ThrowIf(canvas is null, this);
        if (finalPath is null || tempPath is null)
        {
            canvas.Flush();
            completed = true;
            return null;
        }

        switch (Format)
        {
            case OutputFormat.Png:
                canvas.Flush();
                using (SKImage image = surface!.Snapshot())
                {
                    File.WriteAllBytes(tempPath, PngChunks.Insert(PngEncoding.Encode(image, $"'{finalPath}'"), Dpi, info));
                }

                break;
            case OutputFormat.Svg:
                canvas.Dispose(); // the SVG device writes its closing tag when the canvas goes
                canvas = null;
                WriteStream(tempPath);
                SvgText.Normalise(tempPath, info, svgTexts);
                break;
            case OutputFormat.Pdf:
                document!.EndPage();
                canvas = null;
                document.Close();
                document.Dispose();
                document = null;
                WriteStream(tempPath);
                break;
        }

        File.Move(tempPath, finalPath, overwrite: true);
        completed = true;
        return finalPath;
    }

    /// <summary>Releases the native objects; deletes the temporary file when not completed.</summary>
    public void Dispose()
    {
        if (document is not null)
        {
            document.Abort();
            document.Dispose();
            document = null;
            canvas = null;
        }

        if (surface is not null)
        {
            surface.Dispose();
            surface = null;
            canvas = null;
        }

        canvas?.Dispose();
        canvas = null;
        path.Dispose();
        stream?.Dispose();
        stream = null;
        if (!completed && tempPath is not null && File.Exists(tempPath))
        {
            File.Delete(tempPath);
        }
    }

    private void OpenRaster()
    {
        var imageInfo = new SKImageInfo(Page.PixelWidth(Dpi), Page.PixelHeight(Dpi), SKColorType.Bgra8888, SKAlphaType.Premul);
        surface = SKSurface.Create(imageInfo) ?? throw new RenderException($"Skia cannot create a {imageInfo.Width} x {imageInfo.Height} image");
        canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        canvas.Scale((float)(Dpi / 72.0));
    }

    /// <summary>Writes what the SVG/PDF device produced to <paramref name="file"/> (a new file) and releases the buffer.</summary>
    private void WriteStream(string file)
    {
        // Unbuffered: a failed write throws here, with nothing left to flush on dispose.
        using (var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            stream!.WriteTo(output);
        }

        stream.Dispose();
        stream = null;
    }

    /// <summary>PDF metadata without dates (so the bytes do not depend on the clock).</summary>
    private static SKDocumentPdfMetadata PdfMetadata(DocumentInfo? info)
    {
        DocumentInfo d = info ?? new DocumentInfo("GridEmissions");
        return new SKDocumentPdfMetadata
        {
            Title = d.Title,
            Subject = d.Subject,
            Keywords = d.Keywords,
            Creator = d.Creator,
            Producer = d.Creator,
            Creation = null,
            Modified = null,
            RasterDpi = 300,
            EncodingQuality = 101,
        };
    }

    private SKCanvas Sk
    {
        get
        {
            ObjectDisposedException.ThrowIf(canvas is null, this);
            return canvas;
        }
    }
}
