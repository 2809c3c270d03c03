namespace GridEmissions.Core.Allocation;

/// <summary>Neumaier-compensated summation: sums of millions of cells stay exact to ~1e-16 relative. The one implementation in the project.</summary>
public static class PreciseSum
{
    /// <summary>Compensated sum of the values.</summary>
    public static double Of(ReadOnlySpan<double> values)
    {
        var s = default(PreciseAccumulator);
        int i = 0;
        for (; i + ZeroBlock.Width <= values.Length; i += ZeroBlock.Width)
        {
            if (ZeroBlock.IsZero(values, i))
            {
                continue; // adding ±0 leaves a compensated sum's state as it was: skipping changes no bit
            }

            for (int j = i; j < i + ZeroBlock.Width; j++)
            {
                s.Add(values[j]);
            }
        }

        for (; i < values.Length; i++)
        {
            s.Add(values[i]);
        }

        return s.Value;
    }

    /// <summary>Compensated sum of a sequence.</summary>
    public static double Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var s = default(PreciseAccumulator);
        foreach (double v in values)
        {
            s.Add(v);
        }

        return s.Value;
    }
}

/// <summary>A running Neumaier-compensated sum, for loops that add terms one at a time.</summary>
public struct PreciseAccumulator
{
    private double sum;
    private double compensation;

    /// <summary>The compensated total so far.</summary>
    public readonly double Value => sum + compensation;

    /// <summary>Adds one term.</summary>
    public void Add(double value)
    {
        double t = sum + value;
        compensation += Math.Abs(sum) >= Math.Abs(value) ? (sum - t) + value : (value - t) + sum;
        sum = t;
    }
}
