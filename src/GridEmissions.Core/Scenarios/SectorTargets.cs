namespace GridEmissions.Core.Scenarios;

/// <summary>
/// Top-down targets: the on-grid part of each year's regional total (the total minus its off-grid part,
/// <see cref="OffGridSpec"/>; the whole total without one) split among the sectors by their shares. A sector's share starts
/// at baseline ÷ base-year on-grid part, moves linearly to its share anchors and is held after the last; the shares of all
/// sectors are then normalised to 100 % each year, so the sector targets of a year sum to that year's on-grid part.
/// </summary>
public sealed class SectorTargets
{
    private readonly double[] totals;
    private readonly double[] targets;   // year-major: [yearIndex * sectorCount + sectorIndex]
    private readonly double[] shares;
    private readonly double[] offGrid;
    private readonly Dictionary<string, int> sectorIndex;

    private SectorTargets(int startYear, IReadOnlyList<string> sectorIds, double[] totals, double[] targets, double[] shares, double[] offGrid)
    {
        this.offGrid = offGrid;
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
        var offGrid = new double[totals.Length];
        // Shares are of the on-grid part (the total minus the off-grid part; the whole total without one).
        double baseTotal = totals[0] - (scenario.OffGrid?.MtIn(scenario.StartYear) ?? 0);
        var raw = new double[n];
        for (int t = 0; t < totals.Length; t++)
        {
            int year = scenario.StartYear + t;
            offGrid[t] = scenario.OffGrid?.MtIn(year) ?? 0;
            if (offGrid[t] < 0 || offGrid[t] > totals[t])
            {
                throw new InvalidOperationException($"In {year} the off-grid part of {offGrid[t]} Mt is outside 0 to the total of {totals[t]} Mt (the scenario reader reports this first).");
            }

            double onGrid = totals[t] - offGrid[t];
            double onGridFraction = totals[t] > 0 ? onGrid / totals[t] : 1;
            double sum = 0;
            for (int s = 0; s < n; s++)
            {
                double baseShare = baseTotal > 0 ? sectors[s].BaselineMt.Value / baseTotal * 100 : 0;
                raw[s] = ShareAt(baseShare, scenario.StartYear, sectors[s].SharePercent, year);
                sum += raw[s];
            }

            if (sum <= 0)
            {
                if (totals[t] - offGrid[t] != 0)
                {
                    throw new InvalidOperationException($"In {year} every sector's share is zero, so the on-grid total of {totals[t] - offGrid[t]} Mt cannot be split.");
                }

                continue;
            }

            for (int s = 0; s < n; s++)
            {
                double share = raw[s] / sum;
                shares[(t * n) + s] = share * onGridFraction * 100;
                targets[(t * n) + s] = onGrid * share;
            }
        }

        return new SectorTargets(scenario.StartYear, sectors.Select(s => s.Sector.Id).ToArray(), totals, targets, shares, offGrid);
    }

    /// <summary>Regional total (Mt) of a year.</summary>
    public double TotalMt(int year) => totals[YearIndex(year)];

    /// <summary>The part (Mt) of a year's total held off the grid (0 without an <c>off_grid</c> block).</summary>
    public double OffGridMt(int year) => offGrid[YearIndex(year)];

    /// <summary>The part (Mt) of a year's total on the grid: the total minus the off-grid part; the sector targets sum to it.</summary>
    public double OnGridMt(int year) => totals[YearIndex(year)] - offGrid[YearIndex(year)];

    /// <summary>Target (Mt) of a sector in a year.</summary>
    public double TargetMt(int year, string sectorId) => targets[(YearIndex(year) * SectorIds.Count) + SectorIndex(sectorId)];

    /// <summary>A sector's share of the year's regional total (percent): its normalised share of the on-grid part × on-grid ÷ total; the sectors' shares sum to 100 % minus the off-grid share.</summary>
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
