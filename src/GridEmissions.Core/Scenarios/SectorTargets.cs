namespace GridEmissions.Core.Scenarios;

/// <summary>
/// Top-down targets: the regional total of each year split among the sectors by their shares. A sector's share starts at
/// baseline ÷ base-year total, moves linearly to its share anchors and is held after the last; the shares of all sectors are
/// then normalised to 100 % each year, so the sector targets of a year sum to that year's total.
/// </summary>
public sealed class SectorTargets
{
    private readonly double[] totals;
    private readonly double[] targets;   // year-major: [yearIndex * sectorCount + sectorIndex]
    private readonly double[] shares;
    private readonly Dictionary<string, int> sectorIndex;

    private SectorTargets(int startYear, IReadOnlyList<string> sectorIds, double[] totals, double[] targets, double[] shares)
    {
        StartYear = startYear;
        SectorIds = sectorIds;
        this.totals = totals;
        this.targets = targets;
        this.shares = shares;
        sectorIndex = sectorIds.Select((id, i) => (id, i)).ToDictionary(t => t.id, t => t.i, StringComparer.Ordinal);
    }

    /// <summary>First year.</summary>
    public int StartYear { get; }

    /// <summary>Last year.</summary>
    public int EndYear => StartYear + totals.Length - 1;

    /// <summary>Sector ids in the scenario's order.</summary>
    public IReadOnlyList<string> SectorIds { get; }

    /// <summary>Computes the total pathway and the sector targets of a scenario.</summary>
    public static SectorTargets Compute(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        double[] totals = TotalPathway.Evaluate(scenario.Total, scenario.StartYear, scenario.EndYear);
        var sectors = scenario.Sectors;
        int n = sectors.Count;
        var targets = new double[totals.Length * n];
        var shares = new double[totals.Length * n];
        double baseTotal = totals[0];
        var raw = new double[n];
        for (int t = 0; t < totals.Length; t++)
        {
            int year = scenario.StartYear + t;
            double sum = 0;
            for (int s = 0; s < n; s++)
            {
                double baseShare = baseTotal > 0 ? sectors[s].BaselineMt.Value / baseTotal * 100 : 0;
                raw[s] = ShareAt(baseShare, scenario.StartYear, sectors[s].SharePercent, year);
                sum += raw[s];
            }

            if (sum <= 0)
            {
                if (totals[t] != 0)
                {
                    throw new InvalidOperationException($"In {year} every sector's share is zero, so the total of {totals[t]} Mt cannot be split.");
                }

                continue;
            }

            for (int s = 0; s < n; s++)
            {
                double share = raw[s] / sum;
                shares[(t * n) + s] = share * 100;
                targets[(t * n) + s] = totals[t] * share;
            }
        }

        return new SectorTargets(scenario.StartYear, sectors.Select(s => s.Sector.Id).ToArray(), totals, targets, shares);
    }

    /// <summary>Regional total (Mt) of a year.</summary>
    public double TotalMt(int year) => totals[YearIndex(year)];

    /// <summary>Target (Mt) of a sector in a year.</summary>
    public double TargetMt(int year, string sectorId) => targets[(YearIndex(year) * SectorIds.Count) + SectorIndex(sectorId)];

    /// <summary>Normalised share (percent) of a sector in a year.</summary>
    public double SharePercent(int year, string sectorId) => shares[(YearIndex(year) * SectorIds.Count) + SectorIndex(sectorId)];

    /// <summary>The regional totals of every year, base year first.</summary>
    public IReadOnlyList<double> Totals => totals;

    /// <summary>A sector's share before normalisation: linear from the base share through the anchors, held after the last.</summary>
    internal static double ShareAt(double baseShare, int startYear, IReadOnlyList<YearValue> anchors, int year)
    {
        int prevYear = startYear;
        double prevValue = baseShare;
        foreach (var a in anchors)
        {
            if (year <= a.Year)
            {
                return a.Year == prevYear ? a.Value : prevValue + ((a.Value - prevValue) * (year - prevYear) / (a.Year - prevYear));
            }

            prevYear = a.Year;
            prevValue = a.Value;
        }

        return prevValue;
    }

    private int YearIndex(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, StartYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, EndYear);
        return year - StartYear;
    }

    private int SectorIndex(string sectorId)
    {
        ArgumentNullException.ThrowIfNull(sectorId);
        return sectorIndex.TryGetValue(sectorId, out int i)
            ? i
            : throw new ArgumentOutOfRangeException(nameof(sectorId), sectorId, $"The scenario has no sector '{sectorId}'; it has {string.Join(", ", SectorIds)}.");
    }
}
