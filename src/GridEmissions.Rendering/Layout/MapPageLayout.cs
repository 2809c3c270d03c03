namespace GridEmissions.Rendering;

/// <summary>
/// Where things go on a map page: title band on top, attribution line at the bottom, legend column
/// on the right, map frame in the rest. Pure arithmetic on the page size.
/// </summary>
/// <param name="Page">The page.</param>
/// <param name="TitleBaseline">Baseline of the title.</param>
/// <param name="SubtitleBaseline">Baseline of the subtitle.</param>
/// <param name="MapFrame">The map frame.</param>
/// <param name="Legend">The legend column.</param>
/// <param name="AttributionBaseline">Baseline of the attribution line.</param>
/// <param name="Margin">Page margin.</param>
public sealed record MapPageLayout(PageSize Page, double TitleBaseline, double SubtitleBaseline, PageRect MapFrame, PageRect Legend, double AttributionBaseline, double Margin)
{
    /// <summary>Title font.</summary>
    public static FontSpec TitleFont => new(15, Bold: true);

    /// <summary>Subtitle font.</summary>
    public static FontSpec SubtitleFont => new(10);

    /// <summary>Attribution font.</summary>
    public static FontSpec AttributionFont => new(6.5);

    /// <summary>Distance between the baselines of two attribution lines.</summary>
    public static double AttributionLeading => AttributionFont.SizePoints * 1.35;

    /// <summary>Computes the layout, with room for the attribution wrapped to the page width.</summary>
    public static MapPageLayout Compute(PageSize page, bool hasSubtitle, double legendWidth, ITextMeasurer measurer, string attribution) =>
        Compute(page, hasSubtitle, legendWidth, AttributionLines(measurer, page, attribution).Count);

    /// <summary>
    /// The attribution broken into lines that fit between the page margins: greedily at its "; "
    /// separators (then at spaces, for a single over-long credit), so no credit is cut off.
    /// </summary>
    public static IReadOnlyList<string> AttributionLines(ITextMeasurer measurer, PageSize page, string attribution)
    {
        ArgumentNullException.ThrowIfNull(measurer);
        ArgumentNullException.ThrowIfNull(attribution);
        if (attribution.Length == 0)
        {
            return [];
        }

        double width = page.WidthPoints - (2 * PageMargin(page));
        var lines = new List<string>();
        string current = string.Empty;
        foreach (string part in attribution.Split("; "))
        {
            string candidate = current.Length == 0 ? part : current + "; " + part;
            if (current.Length > 0 && measurer.Measure(candidate, AttributionFont).XAdvance > width)
            {
                lines.Add(current + ";");
                current = part;
            }
            else
            {
                current = candidate;
            }
        }

        lines.Add(current);
        return lines;
    }

    /// <summary>Computes the layout; <paramref name="legendWidth"/> 0 leaves no legend column; <paramref name="attributionLines"/> lines of attribution at the foot.</summary>
    public static MapPageLayout Compute(PageSize page, bool hasSubtitle, double legendWidth, int attributionLines = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(legendWidth);
        double margin = PageMargin(page);
        double titleBaseline = margin + TitleFont.SizePoints;
        double subtitleBaseline = titleBaseline + (hasSubtitle ? SubtitleFont.SizePoints * 1.5 : 0);
        double top = subtitleBaseline + 10;
        double attributionBaseline = page.HeightPoints - margin;
        double bottom = attributionBaseline - AttributionFont.SizePoints - 6 - (Math.Max(0, attributionLines - 1) * AttributionLeading);
        double gap = legendWidth > 0 ? 12 : 0;
        double mapWidth = page.WidthPoints - 2 * margin - legendWidth - gap;
        if (mapWidth <= 20 || bottom - top <= 20)
        {
            throw new ArgumentException($"the page ({page.WidthPoints:0} x {page.HeightPoints:0} pt) is too small for a map with a {legendWidth:0} pt legend");
        }

        var frame = new PageRect(margin, top, mapWidth, bottom - top);
        var legend = new PageRect(frame.Right + gap, top, legendWidth, bottom - top);
        return new MapPageLayout(page, titleBaseline, subtitleBaseline, frame, legend, attributionBaseline, margin);
    }

    private static double PageMargin(PageSize page) => Math.Clamp(Math.Min(page.WidthPoints, page.HeightPoints) * 0.03, 8, 24);
}
