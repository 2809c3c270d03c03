using GridEmissions.Core.Models;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Tests.Proxies;

/// <summary>
/// The population proxy as it was before its bisection learnt to decide steps from sorted bounds
/// (commit 9d0ec8b, verbatim but for the name): the reference the fast proxy must match bit for bit.
/// </summary>
internal sealed class LegacyPopulationProxy
{
    private readonly CellGeography geography;
    private readonly PopulationSpec spec;
    private readonly double[] basePeople;
    private readonly double[] likeness;
    private readonly double[] share;
    private readonly double[] landKm2;
    private readonly double baseUrbanPopulation;
    private readonly double baseUrbanLand;
    private int year;
    private int distributedYear = int.MinValue;

    /// <summary>Starts the proxy at the base year.</summary>
    public LegacyPopulationProxy(CellGeography geography, LandLayers land, PopulationSpec spec, int baseYear)
    {
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(land);
        ArgumentNullException.ThrowIfNull(spec);
        this.geography = geography;
        this.spec = spec;
        var grid = geography.Grid;
        int n = grid.CellCount;
        if (land.Residents.Length != n || land.BuiltUp.Length != n || land.Cropland.Length != n)
        {
            throw new ArgumentException($"the land layers have {land.Residents.Length} cells, the grid '{grid.Name}' {n}");
        }

        basePeople = new double[n];
        landKm2 = new double[n];
        var own = new double[n];
        for (int i = 0; i < n; i++)
        {
            landKm2[i] = geography.RegionFraction[i] * grid.CellAreaKm2;
            basePeople[i] = landKm2[i] > 0 ? Math.Max(0, land.Residents[i]) : 0;
            own[i] = landKm2[i] > 0 ? Math.Max(basePeople[i] / landKm2[i] / PopulationProxy.UrbanCentreDensity, Math.Clamp(land.BuiltUp[i], 0, 1)) : 0;
        }

        if (!(basePeople.Sum() > 0))
        {
            throw new ArgumentException($"the population raster gives nobody inside the region of grid '{grid.Name}': check that it covers the region");
        }

        likeness = Smooth(grid.Columns, grid.Rows, own, landKm2);
        share = new double[n];
        Urban = new bool[n];
        UrbanResidents = new double[n];
        RuralResidents = new double[n];
        CityPopulation = new double[geography.Cities.Count];
        BaseCityPopulation = new double[geography.Cities.Count];
        year = baseYear;
        baseUrbanPopulation = UrbanPopulation(baseYear);
        double urbanRatio = baseUrbanPopulation / TotalPopulation(baseYear);
        double total = basePeople.Sum();
        SetShares(SolveK(k => UrbanPeople(k) / total, urbanRatio));
        baseUrbanLand = UrbanLand();
        Distribute();
        Array.Copy(CityPopulation, BaseCityPopulation, CityPopulation.Length);
    }

    /// <summary>Current year.</summary>
    public int Year => year;

    /// <summary>Cells where most residents are urban in the current year.</summary>
    public bool[] Urban { get; }

    /// <summary>Urban residents per cell in the current year.</summary>
    public double[] UrbanResidents { get; }

    /// <summary>Rural residents per cell in the current year.</summary>
    public double[] RuralResidents { get; }

    /// <summary>Population of each city (index of <see cref="CellGeography.Cities"/>) in the current year.</summary>
    public double[] CityPopulation { get; }

    /// <summary>Population of each city in the base year.</summary>
    public double[] BaseCityPopulation { get; }

    /// <summary>Number of urban cells now.</summary>
    public int UrbanCellCount => Urban.Count(u => u);

    /// <summary>Moves the proxy forward to <paramref name="target"/> (no-op when already there).</summary>
    public void AdvanceTo(int target)
    {
        if (target < year)
        {
            throw new InvalidOperationException($"the population proxy is at {year} and cannot go back to {target}");
        }

        if (target == year && distributedYear == year)
        {
            return; // already distributed for this year (every model of a year calls this): nothing changed
        }

        year = target;
        double ratio = Math.Max(UrbanPopulation(year), 0) / baseUrbanPopulation;
        double wantedLand = baseUrbanLand * Math.Pow(ratio, 1 / spec.UrbanDensityElasticity);
        double allLand = landKm2.Sum();
        SetShares(SolveK(k => UrbanLandAt(k) / allLand, Math.Min(1, wantedLand / allLand)));
        Distribute();
    }

    /// <summary>Urban population in a year (people).</summary>
    public double UrbanPopulation(int y) => Trajectory.At(spec.PopulationMillion, y) * 1e6 * Trajectory.At(spec.UrbanisationPercent, y) / 100;

    /// <summary>Total population in a year (people).</summary>
    public double TotalPopulation(int y) => Trajectory.At(spec.PopulationMillion, y) * 1e6;

    // Mean of own and the land-weighted mean of the 8 neighbours (row/column loops: national grids are large).
    private static double[] Smooth(int columns, int rows, double[] own, double[] land)
    {
        var l = new double[own.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                int i = (r * columns) + c;
                if (!(land[i] > 0))
                {
                    continue;
                }

                double sum = 0, weight = 0;
                for (int rr = Math.Max(0, r - 1); rr <= Math.Min(rows - 1, r + 1); rr++)
                {
                    for (int cc = Math.Max(0, c - 1); cc <= Math.Min(columns - 1, c + 1); cc++)
                    {
                        int j = (rr * columns) + cc;
                        if (j != i)
                        {
                            sum += own[j] * land[j];
                            weight += land[j];
                        }
                    }
                }

                l[i] = 0.5 * (own[i] + (weight > 0 ? sum / weight : own[i]));
            }
        }

        return l;
    }

    // Bisection on k for a monotone, non-decreasing f(k) in [0, 1]: the smallest k with f(k) ≥ wanted (to 1e-12 relative).
    private double SolveK(Func<double, double> f, double wanted)
    {
        if (wanted <= 0)
        {
            return 0;
        }

        double lo = 0, hi = 1;
        while (f(hi) < wanted && hi < 1e12)
        {
            hi *= 2;
        }

        for (int it = 0; it < 200 && hi - lo > 1e-12 * hi; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (f(mid) < wanted)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return hi;
    }

    private double UrbanPeople(double k)
    {
        double s = 0;
        for (int i = 0; i < basePeople.Length; i++)
        {
            s += basePeople[i] * Math.Min(1, k * likeness[i]);
        }

        return s;
    }

    private double UrbanLandAt(double k)
    {
        double s = 0;
        for (int i = 0; i < landKm2.Length; i++)
        {
            s += landKm2[i] * Math.Min(1, k * likeness[i]);
        }

        return s;
    }

    private double UrbanLand()
    {
        double s = 0;
        for (int i = 0; i < landKm2.Length; i++)
        {
            s += landKm2[i] * share[i];
        }

        return s;
    }

    private void SetShares(double k)
    {
        for (int i = 0; i < share.Length; i++)
        {
            share[i] = Math.Min(1, k * likeness[i]);
            Urban[i] = landKm2[i] > 0 && share[i] >= 0.5;
        }
    }

    private void Distribute()
    {
        double urbanPop = UrbanPopulation(year), ruralPop = TotalPopulation(year) - urbanPop;
        double uSum = 0, rSum = 0;
        for (int i = 0; i < share.Length; i++)
        {
            uSum += basePeople[i] * share[i];
            rSum += basePeople[i] * (1 - share[i]);
        }

        // Fully urban everywhere: the rural residents live where the people are rather than vanish.
        bool ruralByPeople = !(rSum > 0);
        if (ruralByPeople)
        {
            rSum = basePeople.Sum();
        }

        Array.Clear(CityPopulation);
        distributedYear = year;
        for (int i = 0; i < share.Length; i++)
        {
            UrbanResidents[i] = uSum > 0 ? urbanPop * basePeople[i] * share[i] / uSum : 0;
            RuralResidents[i] = ruralPop * basePeople[i] * (ruralByPeople ? 1 : 1 - share[i]) / rSum;
            int city = geography.CellCity[i];
            if (city >= 0)
            {
                CityPopulation[city] += UrbanResidents[i] + RuralResidents[i];
            }
        }
    }
}
