namespace GridEmissions.Rendering;

/// <summary>
/// Positions of a legend's parts from its top-left corner: title baselines, then one row per entry
/// with a swatch rectangle and a text baseline. Pure, so tests can find a swatch on the page.
/// </summary>
/// <param name="TitleBaselines">Baseline y of each title line.</param>
/// <param name="Swatches">Swatch rectangle of each entry.</param>
/// <param name="TextX">x where entry text starts.</param>
/// <param name="TextBaselines">Baseline y of each entry's text.</param>
/// <param name="Bounds">The whole legend.</param>
public sealed record LegendLayout(IReadOnlyList<double> TitleBaselines, IReadOnlyList<PageRect> Swatches, double TextX, IReadOnlyList<double> TextBaselines, PageRect Bounds)
{
    /// <summary>Swatch width, points.</summary>
    public const double SwatchWidth = 18;

    /// <summary>Swatch height, points.</summary>
    public const double SwatchHeight = 11;

    /// <summary>Row pitch, points.</summary>
    public const double RowHeight = 14;

    /// <summary>Lays out <paramref name="model"/> with its top-left corner at (x, y).</summary>
    public static LegendLayout Compute(LegendModel model, double x, double y, ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(measurer);
        var titles = new List<double>();
        double cy = y;
        double width = 0;
        foreach (string line in model.TitleLines)
        {
            cy += LegendModel.TitleFont.SizePoints * 1.25;
            titles.Add(cy);
            width = Math.Max(width, measurer.Measure(line, LegendModel.TitleFont).XAdvance);
        }

        cy += model.TitleLines.Count > 0 ? 6 : 0;
        var swatches = new List<PageRect>();
        var baselines = new List<double>();
        double textX = x + SwatchWidth + 6;
        foreach (LegendEntry entry in model.Entries)
        {
            swatches.Add(new PageRect(x, cy, SwatchWidth, SwatchHeight));
            baselines.Add(cy + SwatchHeight / 2 + LegendModel.EntryFont.SizePoints * 0.36);
            width = Math.Max(width, SwatchWidth + 6 + measurer.Measure(entry.Label, LegendModel.EntryFont).XAdvance);
            cy += RowHeight;
        }

        return new LegendLayout(titles, swatches, textX, baselines, new PageRect(x, y, width, cy - y));
    }
}
