namespace GridEmissions.Rendering;

/// <summary>
/// Greedy label placement: labels in priority order, each tried at candidate positions around its
/// anchor (centre, above, below, right, left, then the diagonals; then around its alternate anchors;
/// a label with an <see cref="MapLabel.Around"/> box only just outside that box); the first box that
/// stays inside the bounds and clears every obstacle and every placed box (with padding) wins. A label with no
/// free position is dropped, never drawn overlapping, and reported.
/// </summary>
public sealed class LabelPlacer
{
    private static readonly LabelPosition[] Order =
    [
        LabelPosition.Centre, LabelPosition.Above, LabelPosition.Below, LabelPosition.Right, LabelPosition.Left,
        LabelPosition.AboveRight, LabelPosition.AboveLeft, LabelPosition.BelowRight, LabelPosition.BelowLeft,
    ];

    private readonly ITextMeasurer measurer;

    /// <summary>Creates a placer that measures text with <paramref name="measurer"/>.</summary>
    public LabelPlacer(ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(measurer);
        this.measurer = measurer;
    }

    /// <summary>Space kept clear around each label, points.</summary>
    public double Padding { get; init; } = 1.5;

    /// <summary>Gap between the anchor and an off-centre label, points.</summary>
    public double Offset { get; init; } = 3;

    /// <summary>Places labels inside <paramref name="bounds"/>, avoiding <paramref name="obstacles"/> (legend, scale bar, north arrow…).</summary>
    public LabelPlacement Place(IEnumerable<MapLabel> labels, PageRect bounds, IReadOnlyList<PageRect> obstacles)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(obstacles);
        var placed = new List<PlacedLabel>();
        var dropped = new List<MapLabel>();
        var taken = new List<PageRect>(obstacles);
        foreach (MapLabel label in labels.Select((l, i) => (l, i)).OrderByDescending(p => p.l.Priority).ThenBy(p => p.i).Select(p => p.l))
        {
            LabelBlock block = LabelBlock.Measure(label.Lines, measurer);
            PlacedLabel? hit = Candidates(label, block).FirstOrDefault(c =>
            {
                PageRect padded = c.Box.Inflate(Padding);
                return bounds.Contains(c.Box) && !taken.Any(t => t.Intersects(padded));
            });

            if (hit is null)
            {
                dropped.Add(label);
            }
            else
            {
                placed.Add(hit);
                taken.Add(hit.Box);
            }
        }

        return new LabelPlacement(placed, dropped);
    }

    /// <summary>Candidate boxes of a label in the order they are tried.</summary>
    private IEnumerable<PlacedLabel> Candidates(MapLabel label, LabelBlock block)
    {
        if (label.Around is PageRect around)
        {
            foreach (LabelPosition position in Order.Skip(1))
            {
                yield return new PlacedLabel(label, BoxAround(around, block, position), position);
            }

            yield break;
        }

        foreach (LabelPosition position in Order)
        {
            yield return new PlacedLabel(label, BoxAt(label.AnchorX, label.AnchorY, block, position), position);
        }

        foreach ((double x, double y) in label.AlternateAnchors)
        {
            foreach (LabelPosition position in Order)
            {
                yield return new PlacedLabel(label, BoxAt(x, y, block, position), position);
            }
        }
    }

    private PageRect BoxAround(PageRect r, LabelBlock block, LabelPosition position)
    {
        double w = block.Width, h = block.Height, d = Offset;
        (double x, double y) = position switch
        {
            LabelPosition.Above => (r.CentreX - w / 2, r.Y - d - h),
            LabelPosition.Below => (r.CentreX - w / 2, r.Bottom + d),
            LabelPosition.Right => (r.Right + d, r.CentreY - h / 2),
            LabelPosition.Left => (r.X - d - w, r.CentreY - h / 2),
            LabelPosition.AboveRight => (r.Right + d, r.Y - d - h),
            LabelPosition.AboveLeft => (r.X - d - w, r.Y - d - h),
            LabelPosition.BelowRight => (r.Right + d, r.Bottom + d),
            LabelPosition.BelowLeft => (r.X - d - w, r.Bottom + d),
            _ => throw new ArgumentOutOfRangeException(nameof(position), position, "a label around a box is never centred on it"),
        };
        return new PageRect(x, y, w, h);
    }

    private PageRect BoxAt(double ax, double ay, LabelBlock block, LabelPosition position)
    {
        double w = block.Width, h = block.Height, d = Offset;
        (double x, double y) = position switch
        {
            LabelPosition.Centre => (ax - w / 2, ay - h / 2),
            LabelPosition.Above => (ax - w / 2, ay - d - h),
            LabelPosition.Below => (ax - w / 2, ay + d),
            LabelPosition.Right => (ax + d, ay - h / 2),
            LabelPosition.Left => (ax - d - w, ay - h / 2),
            LabelPosition.AboveRight => (ax + d, ay - d - h),
            LabelPosition.AboveLeft => (ax - d - w, ay - d - h),
            LabelPosition.BelowRight => (ax + d, ay + d),
            LabelPosition.BelowLeft => (ax - d - w, ay + d),
            _ => throw new ArgumentOutOfRangeException(nameof(position), position, "unknown label position"),
        };
        return new PageRect(x, y, w, h);
    }
}

/// <summary>The outcome of label placement: what was placed where, and what was dropped.</summary>
/// <param name="Placed">Placed labels.</param>
/// <param name="Dropped">Labels with no free position.</param>
public sealed record LabelPlacement(IReadOnlyList<PlacedLabel> Placed, IReadOnlyList<MapLabel> Dropped);
