namespace GridEmissions.Rendering;

/// <summary>Ready-made scales for the maps; every break list is configurable.</summary>
public static class Scales
{
    /// <summary>Default classes of emissions per 10 km cell, t CO2/yr: &lt; 1 kt, 1–10 kt, 10–100 kt, 100 kt–1 Mt, ≥ 1 Mt.</summary>
    public static IReadOnlyList<double> DefaultCellBreaksTonnes { get; } = [1e3, 1e4, 1e5, 1e6];

    /// <summary>Default change magnitudes, t CO2/yr per cell, mirrored around zero.</summary>
    public static IReadOnlyList<double> DefaultChangeMagnitudesTonnes { get; } = [1e3, 1e4, 1e5, 1e6];

    /// <summary>
    /// Classed logarithmic scale for emissions per cell, spanning five orders of magnitude with
    /// ColorBrewer YlOrRd (exact 5-class scheme for the default breaks, sampled otherwise). Zero
    /// cells are grey, NaN cells no-data.
    /// </summary>
    public static ClassedScale EmissionsPerCell(IReadOnlyList<double>? breaksTonnes = null, ColourRamp? ramp = null, string unitLabel = "t CO₂ per 10 km cell per year")
    {
        IReadOnlyList<double> b = breaksTonnes ?? DefaultCellBreaksTonnes;
        IReadOnlyList<Rgba> colours = ramp is null && b.Count == 4 ? Palettes.YlOrRd5 : (ramp ?? Palettes.YlOrRd).Sample(b.Count + 1);
        return new ClassedScale(b, colours, TonnesLabels(b), unitLabel, separateZero: true);
    }

    /// <summary>A sequential scale for any positive quantity with given breaks and unit (e.g. city totals in Mt).</summary>
    public static ClassedScale Sequential(IReadOnlyList<double> breaks, string unitLabel, Func<double, string> format, ColourRamp? ramp = null)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        ArgumentNullException.ThrowIfNull(format);
        IReadOnlyList<Rgba> colours = ramp is null && breaks.Count == 4 ? Palettes.YlOrRd5 : (ramp ?? Palettes.YlOrRd).Sample(breaks.Count + 1);
        return new ClassedScale(breaks, colours, RangeLabels(breaks, format, "> 0 – "), unitLabel, separateZero: true);
    }

    /// <summary>
    /// Symmetric diverging scale for changes: breaks ±m for each magnitude m, so the middle class
    /// (−m₀, m₀) means "little or no change" and the same colour step means the same size of change
    /// up or down. Blue is a decrease, red an increase (ColorBrewer RdBu).
    /// </summary>
    public static ClassedScale SymmetricChange(IReadOnlyList<double>? magnitudesTonnes = null, string unitLabel = "change, t CO₂ per 10 km cell per year")
    {
        IReadOnlyList<double> m = magnitudesTonnes ?? DefaultChangeMagnitudesTonnes;
        double[] breaks = [.. m.Reverse().Select(x => -x), .. m];
        IReadOnlyList<Rgba> colours = m.Count == 4 ? Palettes.BlueRed9 : Palettes.BlueRed.Sample(breaks.Length + 1);
        string[] labels = new string[breaks.Length + 1];
        labels[0] = $"< {Signed(breaks[0])}";
        for (int i = 1; i < breaks.Length; i++)
        {
            labels[i] = breaks[i - 1] < 0 && breaks[i] > 0
                ? $"{Signed(breaks[i - 1])} – {Signed(breaks[i])} (little change)"
                : $"{Signed(breaks[i - 1])} – {Signed(breaks[i])}";
        }

        labels[^1] = $"≥ {Signed(breaks[^1])}";
        return new ClassedScale(breaks, colours, labels, unitLabel, separateZero: false);
    }

    /// <summary>Class labels for tonnes breaks: "&lt; 1 kt", "1 – 10 kt", …, "≥ 1 Mt".</summary>
    public static IReadOnlyList<string> TonnesLabels(IReadOnlyList<double> breaks)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        return RangeLabels(breaks, QuantityFormat.Tonnes, "< ");
    }

    private static string[] RangeLabels(IReadOnlyList<double> breaks, Func<double, string> format, string firstPrefix)
    {
        var labels = new string[breaks.Count + 1];
        labels[0] = firstPrefix + format(breaks[0]);
        for (int i = 1; i < breaks.Count; i++)
        {
            labels[i] = $"{format(breaks[i - 1])} – {format(breaks[i])}";
        }

        labels[^1] = "≥ " + format(breaks[^1]);
        return labels;
    }

    private static string Signed(double tonnes) => tonnes > 0 ? "+" + QuantityFormat.Tonnes(tonnes) : QuantityFormat.Tonnes(tonnes);
}
