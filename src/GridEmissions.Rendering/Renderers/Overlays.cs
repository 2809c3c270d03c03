namespace GridEmissions.Rendering;

/// <summary>Draws city boundaries and province outlines, and builds city labels.</summary>
internal static class Overlays
{
    internal static readonly Rgba CityLine = Rgba.FromHex("#5a5a5a");
    internal static readonly Rgba ProvinceLine = Rgba.FromHex("#1a1a1a");

    internal static void DrawLines(Canvas canvas, MapViewport viewport, MapOverlays overlays, double scale = 1)
    {
        canvas.SetDash();
        canvas.SetRoundJoins(true);
        if (overlays.Cities is { } cities)
        {
            canvas.NewPath();
            foreach (BoundaryFeature f in cities.Features)
            {
                GeometryPath.Add(canvas, f.Geometry, viewport);
            }

            canvas.SetColour(CityLine);
            canvas.SetLineWidth(0.35 * scale);
            canvas.Stroke();
        }

        if (overlays.Provinces is { } provinces)
        {
            canvas.NewPath();
            foreach (ProvinceOutline p in provinces)
            {
                GeometryPath.Add(canvas, p.Geometry, viewport);
            }

            canvas.SetColour(ProvinceLine);
            canvas.SetLineWidth(1.0 * scale);
            canvas.Stroke();
        }

        canvas.SetRoundJoins(false);
    }

    /// <summary>City labels at their anchors; larger cities get priority.</summary>
    internal static IEnumerable<MapLabel> CityLabels(BoundaryLayer? cities, MapViewport viewport, LabelLanguage language)
    {
        if (cities is null)
        {
            yield break;
        }

        foreach (BoundaryFeature f in cities.Features)
        {
            var anchor = f.Anchor;
            yield return new MapLabel(f.NameEn.Length > 0 ? f.NameEn : f.NameZh, Lines(f, language), viewport.X(anchor.X), viewport.Y(anchor.Y), f.Geometry.Area);
        }
    }

    internal static IReadOnlyList<LabelLine> Lines(BoundaryFeature f, LabelLanguage language) => language switch
    {
        LabelLanguage.Zh => [new LabelLine(f.NameZh, new FontSpec(8))],
        LabelLanguage.En => [new LabelLine(f.NameEn, new FontSpec(7.5))],
        _ => [new LabelLine(f.NameZh, new FontSpec(8)), new LabelLine(f.NameEn, new FontSpec(6.5))],
    };

    internal static void DrawLabels(Canvas canvas, LabelPlacement placement)
    {
        foreach (PlacedLabel p in placement.Placed)
        {
            LabelBlock block = LabelBlock.Measure(p.Label.Lines, canvas);
            for (int i = 0; i < p.Label.Lines.Count; i++)
            {
                LabelLine line = p.Label.Lines[i];
                canvas.SetFont(line.Font);
                double x = p.Box.CentreX - block.LineWidths[i] / 2;
                canvas.ShowTextWithHalo(x, p.Box.Y + block.Baselines[i], line.Text, MapFurniture.Ink, new Rgba(255, 255, 255, 220), 2.2);
            }
        }
    }
}
