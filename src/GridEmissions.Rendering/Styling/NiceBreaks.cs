namespace GridEmissions.Rendering;

/// <summary>Class breaks from data: quantiles rounded to two significant figures, duplicates removed.</summary>
public static class NiceBreaks
{
    /// <summary>Up to <paramref name="classes"/> − 1 breaks at the quantiles of the finite positive values.</summary>
    public static IReadOnlyList<double> Quantiles(IEnumerable<double> values, int classes)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        double[] v = [.. values.Where(x => double.IsFinite(x) && x > 0).Order()];
        if (v.Length == 0)
        {
            return [1];
        }

        var breaks = new SortedSet<double>();
        for (int k = 1; k < classes; k++)
        {
            double q = v[Math.Min(v.Length - 1, (int)Math.Floor(k * v.Length / (double)classes))];
            breaks.Add(RoundTwoFigures(q));
        }

        return [.. breaks];
    }

    /// <summary>Rounds to two significant figures.</summary>
    public static double RoundTwoFigures(double x)
    {
        if (x == 0 || !double.IsFinite(x))
        {
            return x;
        }

        double pow = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(x))) - 1);
        return Math.Round(x / pow) * pow;
    }
}
