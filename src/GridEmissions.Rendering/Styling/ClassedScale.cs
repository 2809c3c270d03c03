namespace GridEmissions.Rendering;

/// <summary>
/// A classed colour scale. With n − 1 strictly increasing breaks b₀ &lt; … &lt; bₙ₋₂ there are n
/// classes: class 0 is v &lt; b₀, class i is bᵢ₋₁ ≤ v &lt; bᵢ, class n − 1 is v ≥ bₙ₋₂ — a value on a
/// break belongs to the class above it. When <see cref="SeparateZero"/> is set (emission scales)
/// exactly-zero values get <see cref="Palettes.Zero"/> and negative values their own colour, so
/// class 0 is 0 &lt; v &lt; b₀. NaN is no data.
/// </summary>
public sealed class ClassedScale
{
    /// <summary>Class index of no-data (NaN, infinite, outside the region).</summary>
    public const int NoData = -1;

    /// <summary>Class index of exactly zero (only with <see cref="SeparateZero"/>).</summary>
    public const int Zero = -2;

    /// <summary>Class index of negative values (only with <see cref="SeparateZero"/>).</summary>
    public const int Negative = -3;

    private readonly double[] breaks;
    private readonly Rgba[] colours;
    private readonly string[] labels;

    /// <summary>Creates a scale; <paramref name="colours"/> and <paramref name="labels"/> have one entry per class.</summary>
    public ClassedScale(IReadOnlyList<double> breaks, IReadOnlyList<Rgba> colours, IReadOnlyList<string> labels, string unitLabel, bool separateZero)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        ArgumentNullException.ThrowIfNull(colours);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(unitLabel);
        if (breaks.Count == 0)
        {
            throw new ArgumentException("a classed scale needs at least one break", nameof(breaks));
        }

        for (int i = 0; i < breaks.Count; i++)
        {
            if (!double.IsFinite(breaks[i]) || (i > 0 && breaks[i] <= breaks[i - 1]))
            {
                throw new ArgumentException($"breaks must be finite and strictly increasing; break {i} is {breaks[i]}", nameof(breaks));
            }
        }

        if (separateZero && breaks[0] <= 0)
        {
            throw new ArgumentException("with a separate zero class the first break must be positive", nameof(breaks));
        }

        if (colours.Count != breaks.Count + 1 || labels.Count != breaks.Count + 1)
        {
            throw new ArgumentException($"{breaks.Count} breaks make {breaks.Count + 1} classes, but there are {colours.Count} colours and {labels.Count} labels");
        }

        this.breaks = [.. breaks];
        this.colours = [.. colours];
        this.labels = [.. labels];
        UnitLabel = unitLabel;
        SeparateZero = separateZero;
    }

    /// <summary>The class boundaries, strictly increasing.</summary>
    public IReadOnlyList<double> Breaks => breaks;

    /// <summary>One colour per class, lowest class first.</summary>
    public IReadOnlyList<Rgba> Colours => colours;

    /// <summary>One legend label per class, lowest class first.</summary>
    public IReadOnlyList<string> Labels => labels;

    /// <summary>Number of classes.</summary>
    public int ClassCount => colours.Length;

    /// <summary>Units, for the legend title (e.g. "t CO₂ per 10 km cell").</summary>
    public string UnitLabel { get; }

    /// <summary>True when zero and negative values are kept out of the classes.</summary>
    public bool SeparateZero { get; }

    /// <summary>The class of a value: 0..<see cref="ClassCount"/>−1, or <see cref="NoData"/>, <see cref="Zero"/>, <see cref="Negative"/>.</summary>
    public int Classify(double value)
    {
        if (!double.IsFinite(value))
        {
            return NoData;
        }

        if (SeparateZero)
        {
            if (value == 0)
            {
                return Zero;
            }

            if (value < 0)
            {
                return Negative;
            }
        }

        // Number of breaks ≤ value: a value on a break goes to the class above.
        int lo = 0, hi = breaks.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (breaks[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The colour of a class index (including the special indices).</summary>
    public Rgba ColourOfClass(int classIndex) => classIndex switch
    {
        NoData => Palettes.NoData,
        Zero => Palettes.Zero,
        Negative => Palettes.Negative,
        _ => colours[classIndex],
    };

    /// <summary>The colour of a value.</summary>
    public Rgba ColourOf(double value) => ColourOfClass(Classify(value));
}
