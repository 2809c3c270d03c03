namespace GridEmissions.Core.Allocation;

/// <summary>One pass over an allocated grid: how many cells are negative, positive or not finite, and their exact sum. Both audits (emitting and signed sectors) read it.</summary>
public readonly record struct CellCensus(int Negative, int Positive, int NonFinite, double Sum)
{
    /// <summary>Counts the cells and sums them exactly.</summary>
    public static CellCensus Of(ReadOnlySpan<double> cells)
    {
        int negative = 0, positive = 0, nonFinite = 0;
        foreach (double v in cells)
        {
            if (!double.IsFinite(v))
            {
                nonFinite++;
            }
            else if (v < 0)
            {
                negative++;
            }
            else if (v > 0)
            {
                positive++;
            }
        }

        return new CellCensus(negative, positive, nonFinite, PreciseSum.Of(cells));
    }
}
