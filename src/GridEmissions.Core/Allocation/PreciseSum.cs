namespace GridEmissions.Core.Allocation;

/// <summary>Neumaier-compensated summation: sums of millions of cells stay exact to ~1e-16 relative.</summary>
public static class PreciseSum
{
    /// <summary>Compensated sum of the values.</summary>
    public static double Of(ReadOnlySpan<double> values)
    {
        double sum = 0, compensation = 0;
        foreach (double v in values)
        {
            double t = sum + v;
            compensation += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }

        return sum + compensation;
    }

    /// <summary>Compensated sum of a sequence.</summary>
    public static double Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double sum = 0, compensation = 0;
        foreach (double v in values)
        {
            double t = sum + v;
            compensation += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }

        return sum + compensation;
    }
}
