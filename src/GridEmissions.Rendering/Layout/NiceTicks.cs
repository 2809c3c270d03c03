namespace GridEmissions.Rendering;

/// <summary>Axis ticks at 1, 2, 2.5 or 5 × 10ⁿ steps covering a range (Heckbert's nice numbers, simplified).</summary>
public static class NiceTicks
{
    /// <summary>Ticks from ≤ <paramref name="min"/> to ≥ <paramref name="max"/>, at most about <paramref name="maxTicks"/> of them.</summary>
    public static IReadOnlyList<double> For(double min, double max, int maxTicks = 6)
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

        double step = Step((max - min) / (maxTicks - 1));
        double first = Math.Floor(min / step + 1e-9) * step, last = Math.Ceiling(max / step - 1e-9) * step;
        var ticks = new List<double>();
        for (int i = 0; first + i * step <= last + step * 1e-9; i++)
        {
            double t = Math.Round((first + i * step) / step) * step;
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }

        return ticks;
    }

    private static double Step(double raw)
    {
        double pow = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / pow;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * pow;
    }
}
