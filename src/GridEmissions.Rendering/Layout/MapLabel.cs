namespace GridEmissions.Rendering;

/// <summary>One line of a label with its font.</summary>
public sealed record LabelLine(string Text, FontSpec Font);

/// <summary>
/// A label to place: lines stacked and centred, an anchor on the page, and a priority (higher is
/// placed first and so wins contested space).
/// </summary>
/// <param name="Key">Identifies the label in reports (e.g. the city's English name).</param>
/// <param name="Lines">Lines from top to bottom.</param>
/// <param name="AnchorX">Page x of the anchor.</param>
/// <param name="AnchorY">Page y of the anchor.</param>
/// <param name="Priority">Higher first.</param>
public sealed record MapLabel(string Key, IReadOnlyList<LabelLine> Lines, double AnchorX, double AnchorY, double Priority)
{
    /// <summary>
    /// A page box the label labels (e.g. a hotspot zone): when set, the label is never centred on
    /// its anchor but placed just outside this box (above, below, right, left, then the corners),
    /// so it does not hide what it names.
    /// </summary>
    public PageRect? Around { get; init; }

    /// <summary>
    /// Further anchors tried, in order, when no position around the main anchor is free (e.g. an
    /// interior point of the city when its seat is crowded).
    /// </summary>
    public IReadOnlyList<(double X, double Y)> AlternateAnchors { get; init; } = [];
}

/// <summary>Where a label went and the box it occupies.</summary>
/// <param name="Label">The label.</param>
/// <param name="Box">The page box of its text block (ink plus line spacing).</param>
/// <param name="Position">Which candidate position was used.</param>
public sealed record PlacedLabel(MapLabel Label, PageRect Box, LabelPosition Position);

/// <summary>Candidate positions of a label block relative to its anchor.</summary>
public enum LabelPosition
{
    /// <summary>Centred on the anchor.</summary>
    Centre,

    /// <summary>Above the anchor.</summary>
    Above,

    /// <summary>Below the anchor.</summary>
    Below,

    /// <summary>Right of the anchor.</summary>
    Right,

    /// <summary>Left of the anchor.</summary>
    Left,

    /// <summary>Above right.</summary>
    AboveRight,

    /// <summary>Above left.</summary>
    AboveLeft,

    /// <summary>Below right.</summary>
    BelowRight,

    /// <summary>Below left.</summary>
    BelowLeft,
}
