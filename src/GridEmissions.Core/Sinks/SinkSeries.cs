using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Sinks;

/// <summary>Year series of the signed sectors: linear between entries, held after the last.</summary>
public static class SinkSeries
{
    /// <summary>
    /// The value of <paramref name="series"/> in <paramref name="year"/>: linear between entries, the last value after the last
    /// entry; before the first entry <paramref name="before"/> (null: the first value).
    /// </summary>
    public static double At(IReadOnlyList<YearValue> series, int year, double? before = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            return 0;
        }

        if (year < series[0].Year)
        {
            return before ?? series[0].Value;
        }

        for (int i = 1; i < series.Count; i++)
        {
            if (year <= series[i].Year)
            {
                YearValue a = series[i - 1], b = series[i];
                return a.Value + ((b.Value - a.Value) * (year - a.Year) / (b.Year - a.Year));
            }
        }

        return series[^1].Value;
    }

    /// <summary>The compound growth factor from <paramref name="startYear"/> to <paramref name="year"/> of rate periods (1 in the start year).</summary>
    public static double Growth(IReadOnlyList<RatePeriod> periods, int startYear, int year)
    {
        ArgumentNullException.ThrowIfNull(periods);
        double f = 1;
        for (int y = startYear + 1; y <= year; y++)
        {
            RatePeriod? p = periods.FirstOrDefault(r => y >= r.FromYear && y <= r.ToYear);
            if (p is not null)
            {
                f *= 1 + (p.PercentPerYear / 100);
            }
        }

        return f;
    }
}
