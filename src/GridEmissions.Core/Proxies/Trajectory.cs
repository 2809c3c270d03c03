using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Proxies;

/// <summary>Linear interpolation of year anchors, held constant before the first and after the last.</summary>
public static class Trajectory
{
    /// <summary>The value at a year.</summary>
    public static double At(IReadOnlyList<YearValue> anchors, int year)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        if (anchors.Count == 0)
        {
            throw new ArgumentException("a trajectory needs at least one anchor", nameof(anchors));
        }

        var sorted = anchors.OrderBy(a => a.Year).ToList();
        if (year <= sorted[0].Year)
        {
            return sorted[0].Value;
        }

        for (int i = 1; i < sorted.Count; i++)
        {
            if (year <= sorted[i].Year)
            {
                YearValue a = sorted[i - 1], b = sorted[i];
                return a.Value + ((b.Value - a.Value) * (year - a.Year) / (b.Year - a.Year));
            }
        }

        return sorted[^1].Value;
    }

    /// <summary>Compound growth factor from <paramref name="fromYear"/> to <paramref name="year"/> under rate periods (percent per year); years outside every period grow 0 %.</summary>
    public static double GrowthFactor(IReadOnlyList<RatePeriod> periods, int fromYear, int year)
    {
        ArgumentNullException.ThrowIfNull(periods);
        double f = 1;
        for (int y = fromYear + 1; y <= year; y++)
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
