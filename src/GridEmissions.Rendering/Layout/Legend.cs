namespace GridEmissions.Rendering;

/// <summary>How a legend entry's symbol is drawn.</summary>
public enum LegendSymbol
{
    /// <summary>A filled swatch with a thin outline.</summary>
    Fill,

    /// <summary>A horizontal line.</summary>
    Line,

    /// <summary>A horizontal dashed line.</summary>
    DashedLine,

    /// <summary>A small filled circle.</summary>
    Marker,
}

/// <summary>One legend row.</summary>
/// <param name="Colour">Fill or line colour.</param>
/// <param name="Label">Text.</param>
/// <param name="Symbol">Symbol kind.</param>
public sealed record LegendEntry(Rgba Colour, string Label, LegendSymbol Symbol = LegendSymbol.Fill);

/// <summary>A legend: a title (may wrap onto several lines) and its entries, top to bottom.</summary>
/// <param name="TitleLines">Title lines.</param>
/// <param name="Entries">Entries.</param>
public sealed record LegendModel(IReadOnlyList<string> TitleLines, IReadOnlyList<LegendEntry> Entries)
{
    /// <summary>Title font.</summary>
    public static FontSpec TitleFont => new(8.5, Bold: true);

    /// <summary>Entry font.</summary>
    public static FontSpec EntryFont => new(8);

    /// <summary>
    /// The legend of a classed scale: classes from highest (top) to lowest, then zero, negative and
    /// no-data entries when asked for.
    /// </summary>
    public static LegendModel ForScale(ClassedScale scale, bool zero, bool negative, bool noData, string noDataLabel = "No data / outside region")
    {
        ArgumentNullException.ThrowIfNull(scale);
        var entries = new List<LegendEntry>();
        for (int i = scale.ClassCount - 1; i >= 0; i--)
        {
            entries.Add(new LegendEntry(scale.Colours[i], scale.Labels[i]));
        }

        if (zero)
        {
            entries.Add(new LegendEntry(Palettes.Zero, "0 (no emissions)"));
        }

        if (negative)
        {
            entries.Add(new LegendEntry(Palettes.Negative, "< 0 (net removal)"));
        }

        if (noData)
        {
            entries.Add(new LegendEntry(Palettes.NoData, noDataLabel));
        }

        return new LegendModel(WrapTitle(scale.UnitLabel, 30), entries);
    }

    /// <summary>Splits a title at spaces into lines of at most about <paramref name="maxChars"/> characters.</summary>
    public static IReadOnlyList<string> WrapTitle(string title, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(title);
        var lines = new List<string>();
        string current = "";
        foreach (string word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > maxChars)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : current + " " + word;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }
}
