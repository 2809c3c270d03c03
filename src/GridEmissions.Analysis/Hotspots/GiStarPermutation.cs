using GridEmissions.Core.Allocation;

namespace GridEmissions.Analysis;

/// <summary>
/// Conditional permutation inference for Gi*: the cell's own value stays in place and its
/// W_i − 1 other neighbours are replaced by a random draw without replacement from the other
/// n − 1 region values, <c>permutations</c> times. With x_i fixed, Gi* is monotone in the
/// neighbour sum, so sums are compared directly. Pseudo p (two-sided) =
/// min(1, 2 (min(#sim ≥ obs, #sim ≤ obs) + 1) / (permutations + 1)). Cells are processed in
/// ascending index order from one <see cref="Random"/> seeded with the given seed, so results
/// are reproducible.
/// </summary>
internal static class GiStarPermutation
{
    public static double[] PseudoP(SpatialWeights weights, ReadOnlySpan<double> values, int permutations, int seed)
    {
        var region = weights.RegionCells;
        int n = region.Length;
        var regionValue = new double[n];
        var ordinalOfCell = new int[weights.Grid.CellCount];
        var order = new int[n]; // a permutation of region ordinals
        var where = new int[n]; // inverse of order
        for (int k = 0; k < n; k++)
        {
            regionValue[k] = values[region[k]];
            ordinalOfCell[region[k]] = k;
            order[k] = k;
            where[k] = k;
        }

        var p = new double[weights.Grid.CellCount];
        Array.Fill(p, double.NaN);
        var rng = new Random(seed);
        foreach (int i in region)
        {
            var nb = weights.NeighboursOf(i);
            int draws = nb.Length - 1;
            var observed = default(PreciseAccumulator);
            foreach (int j in nb)
            {
                if (j != i)
                {
                    observed.Add(values[j]);
                }
            }

            // move the cell itself to the last slot: draws come from slots 0 .. n-2
            Swap(order, where, where[ordinalOfCell[i]], n - 1);
            double obs = observed.Value;
            double eps = 1e-12 * Math.Abs(obs);
            int greater = 0, less = 0;
            for (int perm = 0; perm < permutations; perm++)
            {
                var sim = default(PreciseAccumulator);
                for (int t = 0; t < draws; t++)
                {
                    Swap(order, where, t, t + rng.Next(n - 1 - t));
                    sim.Add(regionValue[order[t]]);
                }

                double s = sim.Value;
                if (s >= obs - eps)
                {
                    greater++;
                }

                if (s <= obs + eps)
                {
                    less++;
                }
            }

            p[i] = Math.Min(1.0, 2.0 * (Math.Min(greater, less) + 1) / (permutations + 1));
        }

        return p;
    }

    private static void Swap(int[] order, int[] where, int a, int b)
    {
        (order[a], order[b]) = (order[b], order[a]);
        where[order[a]] = a;
        where[order[b]] = b;
    }
}
