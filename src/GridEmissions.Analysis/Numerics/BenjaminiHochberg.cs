namespace GridEmissions.Analysis;

/// <summary>
/// Benjamini–Hochberg false-discovery-rate adjustment, identical to R's
/// <c>p.adjust(p, "BH")</c>: adjusted p₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎ / j), where p₍₁₎ ≤ … ≤ p₍ₘ₎.
/// NaN entries are left NaN and do not count in m.
/// </summary>
public static class BenjaminiHochberg
{
    /// <summary>Returns the adjusted p-values in the order of the input.</summary>
    public static double[] Adjust(ReadOnlySpan<double> pValues)
    {
        var adjusted = new double[pValues.Length];
        var order = new List<int>(pValues.Length);
        for (int i = 0; i < pValues.Length; i++)
        {
            double p = pValues[i];
            if (double.IsNaN(p))
            {
                adjusted[i] = double.NaN;
                continue;
            }

            if (p < 0 || p > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), p, $"p-value at position {i} is outside [0, 1]");
            }

            order.Add(i);
        }

        var sorted = order.ToArray();
        double[] keys = new double[sorted.Length];
        for (int k = 0; k < sorted.Length; k++)
        {
            keys[k] = pValues[sorted[k]];
        }

        // the order among equal p-values does not matter: the running minimum gives ties one value
        Array.Sort(keys, sorted);
        int m = sorted.Length;
        double running = 1.0;
        for (int k = m - 1; k >= 0; k--)
        {
            double candidate = Math.Min(1.0, (double)m / (k + 1) * keys[k]); // as R: n / i * p
            running = Math.Min(running, candidate);
            adjusted[sorted[k]] = running;
        }

        return adjusted;
    }
}
