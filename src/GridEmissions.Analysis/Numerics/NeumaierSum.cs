namespace GridEmissions.Analysis;

/// <summary>
/// Compensated (Neumaier) summation: totals of thousands of cells whose values span many orders of
/// magnitude stay exact to a few ulps, so city totals plus the outside remainder reconcile with the
/// grid total to 1e-9 relative and better.
/// </summary>
internal struct NeumaierSum
{
    private double _sum;
    private double _compensation;

    /// <summary>The compensated total so far.</summary>
    public readonly double Value => _sum + _compensation;

    /// <summary>Adds one term.</summary>
    public void Add(double value)
    {
        double t = _sum + value;
        if (Math.Abs(_sum) >= Math.Abs(value))
        {
            _compensation += (_sum - t) + value;
        }
        else
        {
            _compensation += (value - t) + _sum;
        }

        _sum = t;
    }

    /// <summary>Compensated sum of a span.</summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        var s = default(NeumaierSum);
        foreach (double v in values)
        {
            s.Add(v);
        }

        return s.Value;
    }
}
