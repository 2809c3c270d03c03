using GridEmissions.Core.Allocation;

namespace GridEmissions.Analysis;

/// <summary>
/// Getis–Ord Gi* (Getis &amp; Ord 1992; Ord &amp; Getis 1995) on a grid, in the standardised form of
/// R spdep <c>localG</c> with self-included binary weights:
/// z_i = (Σ_j w_ij x_j − x̄ W_i) / (S √((n W2_i − W_i²)/(n − 1))), with W_i = Σ_j w_ij,
/// W2_i = Σ_j w_ij², x̄ and S = √(Σ(x − x̄)²/n) over the n study-region cells.
/// Two-sided normal p-values, optional Benjamini–Hochberg adjustment and optional
/// conditional-permutation pseudo p-values, then classes −3..3.
/// When all region values are equal (S = 0) the statistic is undefined: z and p are NaN, class 0.
/// </summary>
public static class GetisOrdGiStar
{
    /// <summary>Significance levels of classes 1, 2 and 3 (90 %, 95 %, 99 % confidence): a cell is in class k when p &lt; the k-th level.</summary>
    public static IReadOnlyList<double> Levels { get; } = [0.10, 0.05, 0.01];

    /// <summary>Computes Gi* for every region cell.</summary>
    /// <param name="weights">Weights built for the grid of <paramref name="values"/>.</param>
    /// <param name="values">Cell values, row-major; must be finite in region cells (ignored elsewhere).</param>
    /// <param name="options">Adjustment, permutations and seed; defaults when null.</param>
    public static GiStarResult Compute(SpatialWeights weights, ReadOnlySpan<double> values, GiStarOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        options ??= new GiStarOptions();
        var grid = weights.Grid;
        if (values.Length != grid.CellCount)
        {
            throw new ArgumentException($"expected {grid.CellCount} cell values for grid '{grid.Name}', got {values.Length}", nameof(values));
        }

        if (options.Permutations < 0 || (options.ClassifyByPermutation && options.Permutations == 0))
        {
            throw new ArgumentException("classifying by permutation needs a positive number of permutations", nameof(options));
        }

        var region = weights.RegionCells;
        int n = region.Length;
        var (mean, sd) = Moments(grid, region, values);

        int cells = grid.CellCount;
        var z = Filled(cells, double.NaN);
        var p = Filled(cells, double.NaN);
        foreach (int i in region)
        {
            var nb = weights.NeighboursOf(i);
            var lag = default(PreciseAccumulator);
            foreach (int j in nb)
            {
                lag.Add(values[j]);
            }

            double w = nb.Length; // binary: W_i = W2_i = number of neighbours incl. self
            double variance = sd * sd * ((n * w) - (w * w)) / (n - 1);
            z[i] = (lag.Value - (mean * w)) / Math.Sqrt(variance);
            p[i] = Normal.TwoSidedP(z[i]);
        }

        var pAdjusted = AdjustOverRegion(p, region);
        double[]? permP = null, permPAdjusted = null;
        if (options.Permutations > 0)
        {
            permP = GiStarPermutation.PseudoP(weights, values, options.Permutations, options.Seed);
            for (int i = 0; i < cells; i++)
            {
                if (double.IsNaN(z[i]))
                {
                    permP[i] = double.NaN;
                }
            }

            permPAdjusted = AdjustOverRegion(permP, region);
        }

        double[] basis = options.ClassifyByPermutation
            ? (options.Adjustment == PValueAdjustment.BenjaminiHochberg ? permPAdjusted! : permP!)
            : (options.Adjustment == PValueAdjustment.BenjaminiHochberg ? pAdjusted : p);
        var classes = Classify(z, basis);
        return new GiStarResult(z, p, pAdjusted, permP, permPAdjusted, classes, n, mean, sd);
    }

    /// <summary>Class −3..3 from z (sign) and p (level): ±3 for p &lt; 0.01, ±2 for p &lt; 0.05, ±1 for p &lt; 0.10, else 0; NaN gives 0.</summary>
    public static sbyte ClassOf(double z, double p)
    {
        if (double.IsNaN(z) || double.IsNaN(p) || z == 0)
        {
            return 0;
        }

        sbyte level = p < Levels[2] ? (sbyte)3 : p < Levels[1] ? (sbyte)2 : p < Levels[0] ? (sbyte)1 : (sbyte)0;
        return z > 0 ? level : (sbyte)-level;
    }

    private static sbyte[] Classify(double[] z, double[] p)
    {
        var classes = new sbyte[z.Length];
        for (int i = 0; i < z.Length; i++)
        {
            classes[i] = ClassOf(z[i], p[i]);
        }

        return classes;
    }

    private static (double Mean, double Sd) Moments(Core.Grids.GridSpec grid, ReadOnlySpan<int> region, ReadOnlySpan<double> values)
    {
        var sum = default(PreciseAccumulator);
        foreach (int i in region)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"region cell {grid.CellId(i)} (index {i}) holds {values[i]}; values must be finite", nameof(values));
            }

            sum.Add(values[i]);
        }

        double mean = sum.Value / region.Length;
        var squares = default(PreciseAccumulator);
        foreach (int i in region)
        {
            double d = values[i] - mean;
            squares.Add(d * d);
        }

        return (mean, Math.Sqrt(squares.Value / region.Length));
    }

    private static double[] AdjustOverRegion(double[] p, ReadOnlySpan<int> region)
    {
        var regionP = new double[region.Length];
        for (int k = 0; k < region.Length; k++)
        {
            regionP[k] = p[region[k]];
        }

        var adjustedRegion = BenjaminiHochberg.Adjust(regionP);
        var adjusted = Filled(p.Length, double.NaN);
        for (int k = 0; k < region.Length; k++)
        {
            adjusted[region[k]] = adjustedRegion[k];
        }

        return adjusted;
    }

    private static double[] Filled(int length, double value)
    {
        var a = new double[length];
        Array.Fill(a, value);
        return a;
    }
}
