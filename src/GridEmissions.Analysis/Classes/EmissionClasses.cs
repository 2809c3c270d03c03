using GridEmissions.Core.Allocation;
using System.Globalization;

namespace GridEmissions.Analysis;

/// <summary>
/// Classes of per-cell emissions by ascending breaks: class k holds values v with
/// breaks[k−1] ≤ v &lt; breaks[k], so a value exactly on a break belongs to the class above it.
/// The default breaks 10 kt, 100 kt and 1 Mt per cell give "&lt;10 kt", "10–100 kt",
/// "100 kt–1 Mt" and "&gt;1 Mt" (zeros fall in the lowest class).
/// </summary>
public static class EmissionClasses
{
    /// <summary>Class value of cells outside the study region.</summary>
    public const byte OutsideRegion = byte.MaxValue;

    /// <summary>Default breaks per cell in tonnes: 1e4, 1e5, 1e6.</summary>
    public static IReadOnlyList<double> DefaultBreaksTonnes { get; } = [1e4, 1e5, 1e6];

    /// <summary>Class of one value.</summary>
    public static int ClassOf(double valueTonnes, IReadOnlyList<double> breaksTonnes)
    {
        ArgumentNullException.ThrowIfNull(breaksTonnes);
        int k = 0;
        while (k < breaksTonnes.Count && valueTonnes >= breaksTonnes[k])
        {
            k++;
        }

        return k;
    }

    /// <summary>Classifies every region cell and sums cells and tonnes per class.</summary>
    /// <param name="values">t CO2/yr per cell, row-major; finite in region cells.</param>
    /// <param name="breaksTonnes">Strictly ascending breaks (null for the default 1e4, 1e5, 1e6); at most 254.</param>
    /// <param name="regionMask">Which cells are in the region; empty for all.</param>
    public static EmissionClassResult Classify(ReadOnlySpan<double> values, IReadOnlyList<double>? breaksTonnes = null, ReadOnlySpan<bool> regionMask = default)
    {
        var breaks = breaksTonnes ?? DefaultBreaksTonnes;
        Validate(breaks);
        if (!regionMask.IsEmpty && regionMask.Length != values.Length)
        {
            throw new ArgumentException($"region mask has {regionMask.Length} entries, the grid {values.Length}", nameof(regionMask));
        }

        int classes = breaks.Count + 1;
        var cells = new int[classes];
        var sums = new PreciseAccumulator[classes];
        var total = default(PreciseAccumulator);
        var cellClass = new byte[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (!regionMask.IsEmpty && !regionMask[i])
            {
                cellClass[i] = OutsideRegion;
                continue;
            }

            double v = values[i];
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"cell {i} holds {v}; values must be finite", nameof(values));
            }

            int k = ClassOf(v, breaks);
            cellClass[i] = (byte)k;
            cells[k]++;
            sums[k].Add(v);
            total.Add(v);
        }

        var summaries = new EmissionClassSummary[classes];
        for (int k = 0; k < classes; k++)
        {
            double lower = k == 0 ? double.NegativeInfinity : breaks[k - 1];
            double upper = k == breaks.Count ? double.PositiveInfinity : breaks[k];
            double t = sums[k].Value;
            summaries[k] = new EmissionClassSummary(k, Label(lower, upper), lower, upper, cells[k], t, total.Value != 0 ? t / total.Value : 0);
        }

        return new EmissionClassResult(cellClass, summaries);
    }

    /// <summary>Label of a class from its bounds: "&lt;10 kt", "10–100 kt", "100 kt–1 Mt", "&gt;1 Mt".</summary>
    public static string Label(double lowerTonnes, double upperTonnes)
    {
        if (double.IsNegativeInfinity(lowerTonnes))
        {
            return double.IsPositiveInfinity(upperTonnes) ? "all" : "<" + Amount(upperTonnes);
        }

        if (double.IsPositiveInfinity(upperTonnes))
        {
            return ">" + Amount(lowerTonnes);
        }

        var (lowNumber, lowUnit) = Split(lowerTonnes);
        var (highNumber, highUnit) = Split(upperTonnes);
        return lowUnit == highUnit ? $"{lowNumber}–{highNumber} {highUnit}" : $"{lowNumber} {lowUnit}–{highNumber} {highUnit}";
    }

    private static string Amount(double tonnes)
    {
        var (number, unit) = Split(tonnes);
        return $"{number} {unit}";
    }

    private static (string Number, string Unit) Split(double tonnes)
    {
        double a = Math.Abs(tonnes);
        var (scale, unit) = a >= 1e6 ? (1e6, "Mt") : a >= 1e3 ? (1e3, "kt") : (1.0, "t");
        return ((tonnes / scale).ToString("0.###", CultureInfo.InvariantCulture), unit);
    }

    private static void Validate(IReadOnlyList<double> breaks)
    {
        if (breaks.Count > 254)
        {
            throw new ArgumentException("at most 254 breaks", nameof(breaks));
        }

        for (int k = 0; k < breaks.Count; k++)
        {
            if (!double.IsFinite(breaks[k]) || (k > 0 && breaks[k] <= breaks[k - 1]))
            {
                throw new ArgumentException($"breaks must be finite and strictly ascending (break {k} = {breaks[k]})", nameof(breaks));
            }
        }
    }
}
