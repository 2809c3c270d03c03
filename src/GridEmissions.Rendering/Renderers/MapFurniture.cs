namespace GridEmissions.Rendering;

/// <summary>Draws the furniture of a map page: title, attribution, frame, north arrow, scale bar, legend.</summary>
internal static class MapFurniture
{
    internal static readonly Rgba Ink = Rgba.FromHex("#222222");
    internal static readonly Rgba Grey = Rgba.FromHex("#666666");

    internal static void DrawTitles(Canvas canvas, MapPageLayout layout, MapStyle style)
    {
        canvas.ShowTextAligned(layout.Margin, layout.TitleBaseline, style.Title, MapPageLayout.TitleFont, Ink);
        if (style.Subtitle.Length > 0)
        {
            canvas.ShowTextAligned(layout.Margin, layout.SubtitleBaseline, style.Subtitle, MapPageLayout.SubtitleFont, Grey);
        }

        IReadOnlyList<string> lines = MapPageLayout.AttributionLines(canvas, layout.Page, style.Attribution);
        for (int i = 0; i < lines.Count; i++)
        {
            double baseline = layout.AttributionBaseline - ((lines.Count - 1 - i) * MapPageLayout.AttributionLeading);
            canvas.ShowTextAligned(layout.Margin, baseline, lines[i], MapPageLayout.AttributionFont, Grey);
        }
    }

    internal static void DrawFrame(Canvas canvas, PageRect frame)
    {
        canvas.SetDash();
        canvas.SetColour(Grey);
        canvas.SetLineWidth(0.6);
        canvas.Rectangle(frame);
        canvas.Stroke();
    }

    /// <summary>An arrow pointing to true north, turned by the meridian convergence at the map centre. Returns its box.</summary>
    internal static PageRect DrawNorthArrow(Canvas canvas, MapViewport viewport, double right, double top)
    {
        const double Height = ArrowHeight, HalfWidth = 6;
        double cx = right - 14, cy = top + 6 + 9 + Height / 2;
        double angle = TrueNorth.AngleFromGridNorth(viewport.World.Centre.X, viewport.World.Centre.Y);
        using (canvas.Save())
        {
            canvas.Translate(cx, cy);
            canvas.Rotate(angle);
            canvas.SetDash();
            canvas.SetLineWidth(0.6);
            canvas.MoveTo(0, -Height / 2);
            canvas.LineTo(HalfWidth, Height / 2);
            canvas.LineTo(0, Height / 2 - 6);
            canvas.ClosePath();
            canvas.SetColour(Rgba.White);
            canvas.Fill(preserve: true);
            canvas.SetColour(Ink);
            canvas.Stroke();
            canvas.MoveTo(0, -Height / 2);
            canvas.LineTo(-HalfWidth, Height / 2);
            canvas.LineTo(0, Height / 2 - 6);
            canvas.ClosePath();
            canvas.Fill(preserve: true);
            canvas.Stroke();
            canvas.ShowTextAligned(0, -Height / 2 - 3, "N", new FontSpec(9, Bold: true), Ink, 0.5);
        }

        return NorthArrowBox(right, top);
    }

    private const double ArrowHeight = 26;

    /// <summary>The box <see cref="DrawNorthArrow"/> covers.</summary>
    internal static PageRect NorthArrowBox(double right, double top) => new(right - 14 - 12, top + 2, 24, ArrowHeight + 16);

    /// <summary>The box <see cref="DrawScaleBar"/> covers.</summary>
    internal static PageRect ScaleBarBox(MapViewport viewport, double x, double bottom, double maxWidth)
    {
        ScaleBarModel bar = ScaleBarModel.Choose(viewport.MetresPerPoint, maxWidth);
        double y = bottom - 6 - ScaleBarHeight;
        return new PageRect(x - 4, y - 12, bar.WidthPoints + 30, ScaleBarHeight + 20);
    }

    private const double ScaleBarHeight = 4;

    /// <summary>An alternating black/white bar with 0, middle and end labels, bottom-left at (x, bottom). Returns its box.</summary>
    internal static PageRect DrawScaleBar(Canvas canvas, MapViewport viewport, double x, double bottom, double maxWidth)
    {
        ScaleBarModel bar = ScaleBarModel.Choose(viewport.MetresPerPoint, maxWidth);
        const double BarHeight = ScaleBarHeight;
        var font = new FontSpec(7);
        double y = bottom - 6 - BarHeight;
        PageRect box = ScaleBarBox(viewport, x, bottom, maxWidth);
        canvas.SetColour(new Rgba(255, 255, 255, 200));
        canvas.Rectangle(box);
        canvas.Fill();
        double segment = bar.WidthPoints / bar.Segments;
        canvas.SetDash();
        canvas.SetLineWidth(0.5);
        for (int i = 0; i < bar.Segments; i++)
        {
            canvas.Rectangle(x + i * segment, y, segment, BarHeight);
            canvas.SetColour(i % 2 == 0 ? Ink : Rgba.White);
            canvas.Fill(preserve: true);
            canvas.SetColour(Ink);
            canvas.Stroke();
        }

        canvas.ShowTextAligned(x, y - 3, "0", font, Ink, 0.5);
        canvas.ShowTextAligned(x + bar.WidthPoints, y - 3, bar.Label, font, Ink, 0.5);
        return box;
    }

    internal static LegendLayout DrawLegend(Canvas canvas, LegendModel model, double x, double y)
    {
        LegendLayout layout = LegendLayout.Compute(model, x, y, canvas);
        for (int i = 0; i < model.TitleLines.Count; i++)
        {
            canvas.ShowTextAligned(x, layout.TitleBaselines[i], model.TitleLines[i], LegendModel.TitleFont, Ink);
        }

        for (int i = 0; i < model.Entries.Count; i++)
        {
            DrawSymbol(canvas, model.Entries[i], layout.Swatches[i]);
            canvas.ShowTextAligned(layout.TextX, layout.TextBaselines[i], model.Entries[i].Label, LegendModel.EntryFont, Ink);
        }

        return layout;
    }

    private static void DrawSymbol(Canvas canvas, LegendEntry entry, PageRect r)
    {
        canvas.SetDash();
        switch (entry.Symbol)
        {
            case LegendSymbol.Fill:
                canvas.Rectangle(r);
                canvas.SetColour(entry.Colour);
                canvas.Fill(preserve: true);
                canvas.SetColour(Grey);
                canvas.SetLineWidth(0.4);
                canvas.Stroke();
                break;
            case LegendSymbol.Line:
            case LegendSymbol.DashedLine:
                if (entry.Symbol == LegendSymbol.DashedLine)
                {
                    canvas.SetDash(4, 2);
                }

                canvas.MoveTo(r.X, r.CentreY);
                canvas.LineTo(r.Right, r.CentreY);
                canvas.SetColour(entry.Colour);
                canvas.SetLineWidth(1.6);
                canvas.Stroke();
                canvas.SetDash();
                break;
            case LegendSymbol.Marker:
                canvas.Arc(r.CentreX, r.CentreY, 3.5, 0, 2 * Math.PI);
                canvas.SetColour(entry.Colour);
                canvas.Fill();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(entry), entry.Symbol, "unknown legend symbol");
        }
    }
}
