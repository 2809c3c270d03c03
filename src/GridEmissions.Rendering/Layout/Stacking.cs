namespace GridEmissions.Rendering;

/// <summary>
/// Stacked-area bands: positive values stack upward from zero, negative values downward, each in
/// series order, so sinks show below the axis and the bands never cross. A zero stays on its
/// series' side (the sign of the series' sum), so a sink that starts at zero does not jump.
/// </summary>
public static class Stacking
{
    /// <summary>Lower and upper edge of each series' band at each index.</summary>
    public static IReadOnlyList<(double[] Lower, double[] Upper)> Compute(IReadOnlyList<double[]> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        int n = series.Count == 0 ? 0 : series[0].Length;
        var up = new double[n];
        var down = new double[n];
        var bands = new List<(double[] Lower, double[] Upper)>(series.Count);
        foreach (double[] s in series)
        {
            bool downward = s.Where(double.IsFinite).Sum() < 0;
            var lower = new double[n];
            var upper = new double[n];
            for (int i = 0; i < n; i++)
            {
                double v = double.IsFinite(s[i]) ? s[i] : 0;
                if (v > 0 || (v == 0 && !downward))
                {
                    lower[i] = up[i];
                    upper[i] = up[i] += v;
                }
                else
                {
                    upper[i] = down[i];
                    lower[i] = down[i] += v;
                }
            }

            bands.Add((lower, upper));
        }

        return bands;
    }
}
