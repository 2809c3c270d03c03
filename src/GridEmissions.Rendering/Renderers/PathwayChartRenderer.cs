using System.Globalization;

namespace GridEmissions.Rendering;

/// <summary>
/// Pathway chart: sectors as stacked areas (Mt CO2/yr; Paul Tol's muted colours, distinct for up
/// to nine sectors; sinks below zero), the
/// net total as a black line, the target as a dashed line, the peak marked and labelled, axes
/// with nice ticks and a legend.
/// </summary>
public sealed class PathwayChartRenderer : PageRenderer<PathwaySeries>
{
    private static readonly FontSpec TickFont = new(7.5);
    private static readonly Rgba GridLine = Rgba.FromHex("#e6e6e6");
    private static readonly Rgba TargetColour = Rgba.FromHex("#555555");
    private static readonly Rgba GrossColour = Rgba.FromHex("#882255");

    /// <summary>
    /// The legend in the order the bands are stacked on the page, top to bottom: sectors stacked
    /// upward from zero (last on top), then sinks stacked downward (first nearest zero); then
    /// total, target and peak.
    /// </summary>
    public static LegendModel Legend(PathwaySeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var entries = new List<LegendEntry>();
        foreach (int i in StackOrder(series))
        {
            entries.Add(new LegendEntry(SeriesColour(series, i), series.Sectors[i].Sector));
        }

        if (series.GrossMt is not null)
        {
            entries.Add(new LegendEntry(GrossColour, series.GrossLabel, LegendSymbol.DashedLine));
        }

        entries.Add(new LegendEntry(Rgba.Black, series.TotalLabel, LegendSymbol.Line));
        if (series.TargetMt is not null)
        {
            entries.Add(new LegendEntry(TargetColour, series.TargetLabel, LegendSymbol.DashedLine));
        }

        entries.Add(new LegendEntry(Rgba.Black, "Peak", LegendSymbol.Marker));
        return new LegendModel(["Mt CO₂ per year"], entries);
    }

    /// <summary>Sector indices from the top band of the stack to the bottom one (as <see cref="Stacking"/> stacks them).</summary>
    public static IReadOnlyList<int> StackOrder(PathwaySeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        bool Downward(int i) => series.Sectors[i].ValuesMt.Where(double.IsFinite).Sum() < 0;
        var all = Enumerable.Range(0, series.Sectors.Count).ToList();
        return [.. all.Where(i => !Downward(i)).Reverse(), .. all.Where(Downward)];
    }

    private static readonly Rgba[] SinkColours = [Rgba.FromHex("#5aae61"), Rgba.FromHex("#1b7837"), Rgba.FromHex("#a6dba0")];

    /// <summary>Colour of series i: sinks (below zero) in greens by their order among the sinks, emitting sectors by <see cref="SectorColour"/>.</summary>
    public static Rgba SeriesColour(PathwaySeries series, int index)
    {
        ArgumentNullException.ThrowIfNull(series);
        bool Downward(int i) => series.Sectors[i].ValuesMt.Where(double.IsFinite).Sum() < 0;
        if (!Downward(index))
        {
            return SectorColour(index);
        }

        int k = Enumerable.Range(0, index).Count(Downward);
        return SinkColours[k % SinkColours.Length];
    }

    /// <summary>Colour of the i-th sector (Paul Tol's muted; distinct for up to nine sectors, cycling after).</summary>
    public static Rgba SectorColour(int index) => Palettes.Sectors[index % Palettes.Sectors.Count];

    /// <summary>The axes the chart uses inside a plot rectangle.</summary>
    public static ChartAxes Axes(PathwaySeries series, PageRect plot)
    {
        ArgumentNullException.ThrowIfNull(series);
        var bands = Stacking.Compute([.. series.Sectors.Select(s => s.ValuesMt)]);
        double lo = Math.Min(0, bands.Count == 0 ? 0 : bands.Min(b => b.Lower.Min()));
        double hi = Math.Max(bands.Count == 0 ? 1 : bands.Max(b => b.Upper.Max()), series.TargetMt?.Max() ?? 0);
        IReadOnlyList<double> ticks = NiceTicks.For(lo, hi * 1.05);
        return new ChartAxes(plot, series.Years[0], series.Years[^1], ticks[0], ticks[^1]);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Draw(Canvas canvas, PathwaySeries input, MapStyle style)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(style);
        input.Validate();
        canvas.Clear(Rgba.White);
        LegendModel legend = Legend(input);
        double legendWidth = Math.Max(100, LegendLayout.Compute(legend, 0, 0, canvas).Bounds.Width + 4);
        MapPageLayout page = MapPageLayout.Compute(canvas.Page, style.Subtitle.Length > 0, legendWidth, canvas, style.Attribution);
        PageRect frame = page.MapFrame;
        var plot = new PageRect(frame.X + 48, frame.Y + 16, frame.Width - 56, frame.Height - 16 - 26);
        ChartAxes axes = Axes(input, plot);
        DrawGridAndAxes(canvas, axes, input.Years);
        DrawAreas(canvas, axes, input);
        double[] total = input.TotalMt();
        if (input.GrossMt is not null)
        {
            DrawLine(canvas, axes, input.Years, input.GrossMt, GrossColour, 1.3, dashed: true);
        }

        DrawLine(canvas, axes, input.Years, total, Rgba.Black, 1.6, dashed: false);
        if (input.TargetMt is not null)
        {
            DrawLine(canvas, axes, input.Years, input.TargetMt, TargetColour, 1.3, dashed: true);
        }

        DrawPeak(canvas, axes, input, total);
        MapFurniture.DrawLegend(canvas, legend, page.Legend.X, page.Legend.Y);
        MapFurniture.DrawTitles(canvas, page, style);
        return [];
    }

    private static void DrawGridAndAxes(Canvas canvas, ChartAxes axes, int[] years)
    {
        PageRect plot = axes.Plot;
        canvas.SetDash();
        foreach (double t in NiceTicks.For(axes.YMin, axes.YMax))
        {
            double y = axes.Y(t);
            canvas.SetColour(t == 0 ? MapFurniture.Grey : GridLine);
            canvas.SetLineWidth(t == 0 ? 0.8 : 0.5);
            canvas.MoveTo(plot.X, y);
            canvas.LineTo(plot.Right, y);
            canvas.Stroke();
            canvas.ShowTextAligned(plot.X - 5, y + 2.6, QuantityFormat.Number(t), TickFont, MapFurniture.Ink, 1);
        }

        foreach (double t in NiceTicks.For(years[0], years[^1], 9).Where(t => t >= years[0] && t <= years[^1] && t == Math.Floor(t)))
        {
            double x = axes.X(t);
            canvas.SetColour(MapFurniture.Ink);
            canvas.SetLineWidth(0.6);
            canvas.MoveTo(x, plot.Bottom);
            canvas.LineTo(x, plot.Bottom + 4);
            canvas.Stroke();
            canvas.ShowTextAligned(x, plot.Bottom + 13, t.ToString("0", CultureInfo.InvariantCulture), TickFont, MapFurniture.Ink, 0.5);
        }

        canvas.SetColour(MapFurniture.Ink);
        canvas.SetLineWidth(0.8);
        canvas.MoveTo(plot.X, plot.Y);
        canvas.LineTo(plot.X, plot.Bottom);
        canvas.LineTo(plot.Right, plot.Bottom);
        canvas.Stroke();
        using (canvas.Save())
        {
            canvas.Translate(plot.X - 36, plot.CentreY);
            canvas.Rotate(-Math.PI / 2);
            canvas.ShowTextAligned(0, 0, "Mt CO₂ per year", new FontSpec(8), MapFurniture.Ink, 0.5);
        }
    }

    private static void DrawAreas(Canvas canvas, ChartAxes axes, PathwaySeries input)
    {
        var bands = Stacking.Compute([.. input.Sectors.Select(s => s.ValuesMt)]);
        for (int s = 0; s < bands.Count; s++)
        {
            (double[] lower, double[] upper) = bands[s];
            canvas.NewPath();
            canvas.MoveTo(axes.X(input.Years[0]), axes.Y(upper[0]));
            for (int i = 1; i < input.Years.Length; i++)
            {
                canvas.LineTo(axes.X(input.Years[i]), axes.Y(upper[i]));
            }

            for (int i = input.Years.Length - 1; i >= 0; i--)
            {
                canvas.LineTo(axes.X(input.Years[i]), axes.Y(lower[i]));
            }

            canvas.ClosePath();
            canvas.SetColour(SeriesColour(input, s));
            canvas.Fill(preserve: true);
            canvas.SetColour(Rgba.White);
            canvas.SetLineWidth(0.4);
            canvas.Stroke();
        }
    }

    private static void DrawLine(Canvas canvas, ChartAxes axes, int[] years, double[] values, Rgba colour, double width, bool dashed)
    {
        canvas.NewPath();
        canvas.MoveTo(axes.X(years[0]), axes.Y(values[0]));
        for (int i = 1; i < years.Length; i++)
        {
            canvas.LineTo(axes.X(years[i]), axes.Y(values[i]));
        }

        canvas.SetRoundJoins(true);
        if (dashed)
        {
            canvas.SetDash(5, 3);
        }

        canvas.SetColour(colour);
        canvas.SetLineWidth(width);
        canvas.Stroke();
        canvas.SetDash();
        canvas.SetRoundJoins(false);
    }

    private static void DrawPeak(Canvas canvas, ChartAxes axes, PathwaySeries input, double[] total)
    {
        int p = input.PeakIndex();
        double x = axes.X(input.Years[p]), y = axes.Y(total[p]);
        canvas.SetDash(2, 2);
        canvas.SetColour(MapFurniture.Grey);
        canvas.SetLineWidth(0.6);
        canvas.MoveTo(x, y);
        canvas.LineTo(x, axes.Plot.Bottom);
        canvas.Stroke();
        canvas.SetDash();
        canvas.Arc(x, y, 3.5, 0, 2 * Math.PI);
        canvas.SetColour(Rgba.Black);
        canvas.Fill(preserve: true);
        canvas.SetColour(Rgba.White);
        canvas.SetLineWidth(1);
        canvas.Stroke();
        string label = string.Create(CultureInfo.InvariantCulture, $"Peak {input.Years[p]}: {QuantityFormat.Number(total[p])} Mt");
        var font = new FontSpec(8, Bold: true);
        TextBox box = canvas.Measure(label, font);
        double lx = Math.Clamp(x + 6, axes.Plot.X + 2, axes.Plot.Right - box.Width - 2);
        canvas.SetFont(font);
        canvas.ShowTextWithHalo(lx, Math.Max(axes.Plot.Y + 10, y - 8), label, Rgba.Black, Rgba.White, 2.5);
    }
}
