using NetTopologySuite.Geometries;

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
            canvas.SetLineWidth(Math.Max(0.25, 0.35 * scale));
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

    /// <summary>City labels at their anchors (then at an interior point); larger cities get priority.</summary>
    internal static IEnumerable<MapLabel> CityLabels(BoundaryLayer? cities, MapViewport viewport, LabelLanguage language)
    {
        if (cities is null)
        {
            yield break;
        }

        foreach (BoundaryFeature f in cities.Features)
        {
            var anchor = f.Anchor;
            yield return new MapLabel(f.NameEn.Length > 0 ? f.NameEn : f.NameZh, Lines(f, language), viewport.X(anchor.X), viewport.Y(anchor.Y), f.Geometry.Area)
            {
                AlternateAnchors = [.. Alternates(f).Select(c => (viewport.X(c.X), viewport.Y(c.Y)))],
            };
        }
    }

    /// <summary>
    /// Further label anchors inside a city, for when its seat is crowded (by other labels or by
    /// what the map marks, e.g. hotspot zones): the interior point, then the points of a 4 × 4
    /// lattice over the city's envelope that fall inside it, nearest the main anchor first.
    /// </summary>
    internal static IEnumerable<Coordinate> Alternates(BoundaryFeature f)
    {
        Coordinate anchor = f.Anchor;
        Envelope e = f.Geometry.EnvelopeInternal;
        var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(f.Geometry);
        var lattice = new List<Coordinate> { f.Geometry.InteriorPoint.Coordinate };
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                var c = new Coordinate(e.MinX + (i + 0.5) * e.Width / 4, e.MinY + (j + 0.5) * e.Height / 4);
                if (prepared.Contains(f.Geometry.Factory.CreatePoint(c)))
                {
                    lattice.Add(c);
                }
            }
        }

        return lattice.Take(1).Concat(lattice.Skip(1).OrderBy(c => c.Distance(anchor))).Where(c => !c.Equals2D(anchor));
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
