namespace GridEmissions.Rendering;

/// <summary>Axis ticks at 1, 2, 2.5 or 5 × 10ⁿ steps covering a range (Heckbert's nice numbers, simplified).</summary>
public static class NiceTicks
{
    /// <summary>Ticks from ≤ <paramref name="min"/> to ≥ <paramref name="max"/>, at most about <paramref name="maxTicks"/> of them.</summary>
    public static IReadOnlyList<double> For(double min, double max, int maxTicks = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 2);
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException("the axis range must be finite");
        }

        if (max <= min)
        {
            max = min + 1;
        }

        double step = Step(max - min, min, max, maxTicks);
        double first = Math.Floor(min / step + 1e-9) * step, last = Math.Ceiling(max / step - 1e-9) * step;
        var ticks = new List<double>();
        for (int i = 0; first + i * step <= last + step * 1e-9; i++)
        {
            double t = Math.Round((first + i * step) / step) * step;
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }

        return ticks;
    }

    /// <summary>The smallest 1/2/2.5/5 × 10ⁿ step whose ticks, extended to cover the range, number at most <paramref name="maxTicks"/>.</summary>
    private static double Step(double span, double min, double max, int maxTicks)
    {
        double pow = Math.Pow(10, Math.Floor(Math.Log10(span / maxTicks)));
        foreach (double scale in new[] { 1.0, 10.0, 100.0 })
        {
            foreach (double m in new[] { 1.0, 2.0, 2.5, 5.0 })
            {
                double step = m * pow * scale;
                double count = Math.Ceiling(max / step - 1e-9) - Math.Floor(min / step + 1e-9) + 1;
                if (count <= maxTicks)
                {
                    return step;
                }
            }
        }

        return span;
    }
}
