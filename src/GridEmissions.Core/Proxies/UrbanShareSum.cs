namespace GridEmissions.Core.Proxies;

/// <summary>
/// The sum F(k) = Σ w_j × min(1, k × L_j) over the region's land cells, taken in cell order, as the
/// population proxy's bisection on k needs it: <see cref="IsBelow"/> answers fl(F(k) / divisor) &lt; wanted
/// with exactly the answer the plain sequential sum gives, but usually without summing the cells.
/// <para>
/// How: the likenesses sorted once, with prefix sums of w × L (the cells below saturation) and suffix
/// sums of w (the saturated ones), give F(k) in O(log n) to within a rigorous bound: the sequential
/// sum of n non-negative terms is within γ(n − 1) of their exact sum, and the sorted estimate within
/// γ(n + 3) of the same exact quantity (each term's two roundings included), so the two differ by at
/// most 2 γ(n + 4) × F. The margin used is twice that. Only when the wanted value lies inside the
/// margin (the last dozen of the bisection's ≈ 40 steps) is the exact sum taken, in cell order, with
/// the very operations of the plain loop; so the bisection takes the same steps and ends on the same k.
/// </para>
/// Weights or likenesses that are negative or not finite turn the estimate off (every call sums).
/// </summary>
internal sealed class UrbanShareSum
{
    private const double UnitRoundoff = 1.0 / (1L << 53);

    private readonly double[] weight;
    private readonly double[] likeness;
    private readonly double[] sortedLikeness = [];
    private readonly double[] belowWeightedLikeness = []; // [m] = Σ_{s < m} w × L in ascending likeness order
    private readonly double[] fromWeight = []; // [m] = Σ_{s ≥ m} w, summed from the top
    private readonly double relativeMargin;
    private readonly double absoluteMargin;
    private readonly bool estimable;

    /// <summary>Takes the weights and likenesses of the land cells in cell order; <paramref name="order"/> is their ascending-likeness permutation (shared between sums).</summary>
    public UrbanShareSum(double[] weight, double[] likeness, int[] order)
    {
        this.weight = weight;
        this.likeness = likeness;
        int n = weight.Length;
        estimable = n < (1 << 30);
        for (int j = 0; j < n && estimable; j++)
        {
            estimable = double.IsFinite(weight[j]) && double.IsFinite(likeness[j]) && weight[j] >= 0 && likeness[j] >= 0;
        }

        if (!estimable)
        {
            return;
        }

        sortedLikeness = new double[n];
        belowWeightedLikeness = new double[n + 1];
        fromWeight = new double[n + 1];
        for (int s = 0; s < n; s++)
        {
            int j = order[s];
            sortedLikeness[s] = likeness[j];
            belowWeightedLikeness[s + 1] = belowWeightedLikeness[s] + (weight[j] * likeness[j]);
        }

        for (int s = n - 1; s >= 0; s--)
        {
            fromWeight[s] = fromWeight[s + 1] + weight[order[s]];
        }

        relativeMargin = 4.0 * (n + 8) * UnitRoundoff;
        absoluteMargin = n * 1e-300; // products that underflow lose at most 2^-1075 each
    }

    /// <summary>
    /// The land cells' ascending-likeness order, by a stable radix sort of the values' bits (four 16-bit
    /// passes, O(n): a comparison sort of the national 1 km grid's 12 million cells took seconds).
    /// </summary>
    public static int[] AscendingOrder(double[] likeness)
    {
        int n = likeness.Length;
        var keys = new ulong[n];
        var order = new int[n];
        for (int j = 0; j < n; j++)
        {
            ulong bits = (ulong)BitConverter.DoubleToInt64Bits(likeness[j]);
            keys[j] = (bits & (1UL << 63)) != 0 ? ~bits : bits | (1UL << 63); // IEEE order as unsigned order
            order[j] = j;
        }

        var keysTo = new ulong[n];
        var orderTo = new int[n];
        var start = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16)
        {
            Array.Clear(start);
            foreach (ulong key in keys)
            {
                start[(int)((key >> shift) & 0xFFFF)]++;
            }

            if (start[(int)(((keys.Length > 0 ? keys[0] : 0) >> shift) & 0xFFFF)] == n)
            {
                continue; // one digit for every key: this pass would not move anything
            }

            for (int d = 0, at = 0; d < start.Length; d++)
            {
                (start[d], at) = (at, at + start[d]);
            }

            for (int s = 0; s < n; s++)
            {
                int d = (int)((keys[s] >> shift) & 0xFFFF);
                int to = start[d]++;
                keysTo[to] = keys[s];
                orderTo[to] = order[s];
            }

            (keys, keysTo) = (keysTo, keys);
            (order, orderTo) = (orderTo, order);
        }

        return order;
    }

    /// <summary>Number of exact sums taken so far (for tests and profiles).</summary>
    public int ExactSums { get; private set; }

    /// <summary>fl(F(k) / divisor) &lt; wanted, as the plain sequential sum decides it.</summary>
    public bool IsBelow(double k, double divisor, double wanted)
    {
        if (estimable && divisor > 0 && k >= 0)
        {
            double estimate = Estimate(k);
            double margin = (relativeMargin * estimate) + absoluteMargin;
            if ((estimate + margin) / divisor < wanted)
            {
                return true; // fl(x / d) is monotone in x: the exact sum is at most estimate + margin
            }

            if (!((estimate - margin) / divisor < wanted))
            {
                return false;
            }
        }

        return Exact(k) / divisor < wanted;
    }

    /// <summary>The plain sum, in cell order: Σ w × min(1, k × L).</summary>
    public double Exact(double k)
    {
        ExactSums++;
        double s = 0;
        for (int j = 0; j < weight.Length; j++)
        {
            s += weight[j] * Math.Min(1, k * likeness[j]);
        }

        return s;
    }

    // The saturated cells (fl(k × L) ≥ 1) are a top run of the ascending order: fl(k × L) is monotone in L.
    private double Estimate(double k)
    {
        int lo = 0, hi = sortedLikeness.Length; // first index with k × L ≥ 1
        while (lo < hi)
        {
            int mid = (int)(((uint)lo + (uint)hi) >> 1);
            if (k * sortedLikeness[mid] >= 1)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return fromWeight[lo] + (k * belowWeightedLikeness[lo]);
    }
}
