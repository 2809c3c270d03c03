namespace GridEmissions.Pipeline.Ensembles;

/// <summary>Exact sample quantiles (Hyndman–Fan type 7, the default of R and NumPy: linear between order statistics at h = (n − 1) p).</summary>
public static class Quantiles
{
    /// <summary>The ensemble's quantile levels: P10, P50, P90.</summary>
    public static IReadOnlyList<double> Levels { get; } = [0.1, 0.5, 0.9];

    /// <summary>The quantile <paramref name="p"/> of values already sorted ascending.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 0)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }

        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        double frac = h - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + (frac * (sorted[hi] - sorted[lo]));
    }

    /// <summary>The quantile <paramref name="p"/> of <paramref name="values"/> (copied and sorted).</summary>
    public static double Of(IEnumerable<double> values, double p)
    {
        double[] sorted = [.. values];
        Array.Sort(sorted);
        return OfSorted(sorted, p);
    }
}
