namespace GridEmissions.Core.Scenarios;

/// <summary>Evaluates a regional total pathway year by year (pure; no I/O).</summary>
public static class TotalPathway
{
    /// <summary>
    /// The total (Mt CO2/yr) for each year from <paramref name="startYear"/> to <paramref name="endYear"/>.
    /// Anchors method: anchor values exactly at anchor years, linear or geometric between, then each year after the last anchor
    /// is the year before × (1 + rate/100). Intensity method: the base-year anchor carried year by year by
    /// (1 + GDP growth/100) × (1 − intensity reduction/100).
    /// </summary>
    /// <exception cref="ArgumentException">The spec does not define every year (the scenario reader reports these as problems first).</exception>
    public static double[] Evaluate(TotalPathwaySpec spec, int startYear, int endYear)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, endYear);
        if (spec.AnchorsMt.Count == 0 || spec.AnchorsMt[0].Year != startYear)
        {
            throw new ArgumentException($"The pathway needs an anchor at the base year {startYear}.", nameof(spec));
        }

        var values = new double[endYear - startYear + 1];
        if (spec.Method == PathwayMethod.Intensity)
        {
            values[0] = spec.AnchorsMt[0].Value;
            for (int y = startYear + 1; y <= endYear; y++)
            {
                double g = RateIn(spec.GdpGrowth, y, "GDP growth");
                double r = RateIn(spec.IntensityReduction, y, "intensity reduction");
                values[y - startYear] = values[y - startYear - 1] * (1 + (g / 100)) * (1 - (r / 100));
            }

            return values;
        }

        var anchors = spec.AnchorsMt;
        for (int i = 1; i < anchors.Count; i++)
        {
            if (anchors[i].Year <= anchors[i - 1].Year)
            {
                throw new ArgumentException($"Anchor years must increase; {anchors[i].Year} follows {anchors[i - 1].Year}.", nameof(spec));
            }
        }

        int lastAnchor = anchors[^1].Year;
        int k = 0;
        for (int y = startYear; y <= endYear; y++)
        {
            if (y <= lastAnchor)
            {
                while (anchors[k].Year < y)
                {
                    k++;
                }

                values[y - startYear] = anchors[k].Year == y
                    ? anchors[k].Value
                    : Interpolate(anchors[k - 1], anchors[k], y, spec.Interpolation);
            }
            else
            {
                double rate = RateIn(spec.Rates, y, "rate");
                values[y - startYear] = values[y - startYear - 1] * (1 + (rate / 100));
            }
        }

        return values;
    }

    private static double Interpolate(YearValue a, YearValue b, int year, Interpolation interpolation)
    {
        double t = (year - a.Year) / (double)(b.Year - a.Year);
        if (interpolation == Interpolation.Linear)
        {
            return a.Value + ((b.Value - a.Value) * t);
        }

        if (a.Value <= 0 || b.Value <= 0)
        {
            throw new ArgumentException($"Geometric interpolation between {a.Year} and {b.Year} needs anchors above zero.");
        }

        return a.Value * Math.Pow(b.Value / a.Value, t);
    }

    private static double RateIn(IReadOnlyList<RatePeriod> periods, int year, string what)
    {
        foreach (var p in periods)
        {
            if (year >= p.FromYear && year <= p.ToYear)
            {
                return p.PercentPerYear;
            }
        }

        throw new ArgumentException($"No {what} period covers {year}.");
    }
}
