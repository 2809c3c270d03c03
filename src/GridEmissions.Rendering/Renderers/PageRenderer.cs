namespace GridEmissions.Rendering;

/// <summary>
/// Writes one page of drawing to PNG, SVG or PDF from the same <see cref="Draw"/> code. Each file is
/// written to a temporary path and renamed into place when complete.
/// </summary>
/// <typeparam name="TInput">The renderer's input record.</typeparam>
public abstract class PageRenderer<TInput>
    where TInput : notnull
{
    /// <summary>Renders to one file; the format comes from the extension (.png, .svg, .pdf).</summary>
    public RenderReport Render(TInput input, MapStyle style, string path)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(path);
        using Canvas canvas = Canvas.CreateFile(path, style.PageSize, style.Dpi, style.DocumentInfo);
        IReadOnlyList<string> dropped = Draw(canvas, input, style);
        string written = canvas.Complete()!;
        return new RenderReport([written], dropped);
    }

    /// <summary>Renders <paramref name="basePath"/>.png, .svg and .pdf.</summary>
    public RenderReport RenderAll(TInput input, MapStyle style, string basePath)
    {
        ArgumentNullException.ThrowIfNull(basePath);
        var files = new List<string>();
        IReadOnlyList<string> dropped = [];
        foreach (OutputFormat format in Enum.GetValues<OutputFormat>())
        {
            RenderReport r = Render(input, style, basePath + format.Extension());
            files.AddRange(r.Files);
            dropped = r.DroppedLabels;
        }

        return new RenderReport(files, dropped);
    }

    /// <summary>Draws the page on any canvas; returns the keys of labels dropped for lack of space.</summary>
    public abstract IReadOnlyList<string> Draw(Canvas canvas, TInput input, MapStyle style);
}
