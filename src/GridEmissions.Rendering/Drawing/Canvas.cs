using GridEmissions.Rendering.Native;

namespace GridEmissions.Rendering;

/// <summary>
/// A cairo surface and context that drawing code targets the same way for PNG, SVG and PDF.
/// All coordinates are page points (1/72 inch, y down from the top-left); a PNG canvas is scaled
/// by DPI/72. File canvases write to a temporary file and rename it into place on
/// <see cref="Complete"/>; disposing without completing deletes the temporary file.
/// One canvas per thread.
/// </summary>
public sealed partial class Canvas : IDisposable
{
    private readonly string? finalPath;
    private readonly string? tempPath;
    private readonly DocumentInfo? info;
    private nint surface;
    private nint cr;
    private bool completed;

    private Canvas(OutputFormat format, PageSize page, double dpi, nint surface, string? finalPath, string? tempPath, DocumentInfo? info)
    {
        Format = format;
        Page = page;
        Dpi = dpi;
        this.surface = surface;
        this.finalPath = finalPath;
        this.tempPath = tempPath;
        this.info = info;
        CheckSurface("create surface");
        cr = CairoNative.Create(surface);
        CheckContext("create context");
        if (format == OutputFormat.Png)
        {
            CairoNative.Scale(cr, dpi / 72.0, dpi / 72.0);
        }
    }

    /// <summary>The output format.</summary>
    public OutputFormat Format { get; }

    /// <summary>The page in points.</summary>
    public PageSize Page { get; }

    /// <summary>Dots per inch of a PNG (72 for vector formats' nominal scale).</summary>
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
        CairoLibrary.EnsureLoaded();
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        nint s = format switch
        {
            OutputFormat.Png => CairoNative.ImageSurfaceCreate(CairoFormat.Argb32, page.PixelWidth(dpi), page.PixelHeight(dpi)),
            OutputFormat.Svg => CreateSvg(temp, page),
            OutputFormat.Pdf => CreatePdf(temp, page, info),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown output format"),
        };
        return new Canvas(format, page, format == OutputFormat.Png ? dpi : 72, s, full, temp, info);
    }

    /// <summary>An in-memory ARGB32 image canvas (for measuring, checks and tests).</summary>
    public static Canvas CreateImage(PageSize page, double dpi)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        CairoLibrary.EnsureLoaded();
        nint s = CairoNative.ImageSurfaceCreate(CairoFormat.Argb32, page.PixelWidth(dpi), page.PixelHeight(dpi));
        return new Canvas(OutputFormat.Png, page, dpi, s, null, null, null);
    }

    /// <summary>Finishes drawing and moves the file into place. Returns the final path (null for in-memory canvases).</summary>
    public string? Complete()
    {
        ObjectDisposedException.ThrowIf(cr == 0, this);
        CheckContext("draw");
        if (finalPath is null || tempPath is null)
        {
            CairoNative.SurfaceFlush(surface);
            completed = true;
            return null;
        }

        if (Format == OutputFormat.Png)
        {
            CairoNative.SurfaceFlush(surface);
            int status = CairoNative.SurfaceWriteToPng(surface, tempPath);
            if (status != 0)
            {
                throw new CairoException($"cannot write PNG '{finalPath}': {CairoNative.StatusText(status)}");
            }

            if (info is not null)
            {
                PngText.Insert(tempPath, info);
            }
        }
        else
        {
            CairoNative.Destroy(cr);
            cr = 0;
            CairoNative.SurfaceFinish(surface);
            CheckSurface($"write {Format} '{finalPath}'");
            if (Format == OutputFormat.Svg)
            {
                SvgText.Normalise(tempPath, info);
            }
        }

        File.Move(tempPath, finalPath, overwrite: true);
        completed = true;
        return finalPath;
    }

    /// <summary>Releases the native objects; deletes the temporary file when not completed.</summary>
    public void Dispose()
    {
        if (cr != 0)
        {
            CairoNative.Destroy(cr);
            cr = 0;
        }

        if (surface != 0)
        {
            CairoNative.SurfaceDestroy(surface);
            surface = 0;
        }

        if (!completed && tempPath is not null && File.Exists(tempPath))
        {
            File.Delete(tempPath);
        }
    }

    private static nint CreateSvg(string temp, PageSize page)
    {
        nint s = CairoNative.SvgSurfaceCreate(temp, page.WidthPoints, page.HeightPoints);
        CairoNative.SvgSurfaceRestrictToVersion(s, CairoSvgVersion.Svg11);
        return s;
    }

    private static nint CreatePdf(string temp, PageSize page, DocumentInfo? info)
    {
        nint s = CairoNative.PdfSurfaceCreate(temp, page.WidthPoints, page.HeightPoints);
        DocumentInfo d = info ?? new DocumentInfo("GridEmissions");
        CairoNative.PdfSurfaceSetMetadata(s, CairoPdfMetadata.Title, d.Title);
        if (d.Subject.Length > 0)
        {
            CairoNative.PdfSurfaceSetMetadata(s, CairoPdfMetadata.Subject, d.Subject);
        }

        if (d.Keywords.Length > 0)
        {
            CairoNative.PdfSurfaceSetMetadata(s, CairoPdfMetadata.Keywords, d.Keywords);
        }

        CairoNative.PdfSurfaceSetMetadata(s, CairoPdfMetadata.Creator, d.Creator);
        // Empty dates make cairo 1.16 omit /CreationDate and /ModDate (otherwise it writes the clock).
        CairoNative.PdfSurfaceSetMetadata(s, CairoPdfMetadata.CreateDate, "");
        CairoNative.PdfSurfaceSetMetadata(s, CairoPdfMetadata.ModDate, "");
        return s;
    }

    private void CheckSurface(string what)
    {
        int status = CairoNative.SurfaceStatus(surface);
        if (status != 0)
        {
            throw new CairoException($"cairo cannot {what}{(finalPath is null ? "" : $" for '{finalPath}'")}: {CairoNative.StatusText(status)}");
        }
    }

    private void CheckContext(string what)
    {
        int status = CairoNative.Status(cr);
        if (status != 0)
        {
            throw new CairoException($"cairo cannot {what}{(finalPath is null ? "" : $" for '{finalPath}'")}: {CairoNative.StatusText(status)}");
        }
    }
}
