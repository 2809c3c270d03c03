using GridEmissions.Core.Models;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Proxies;

/// <summary>
/// Residents on the grid from a population raster (WorldPop 2020 by default), split into urban
/// and rural and scaled each year to the scenario's population and urbanisation. Nothing sits on
/// a point: the pattern is the raster's.
/// <para>Rule (stated once, used everywhere):</para>
/// <list type="number">
/// <item>Urban-likeness of a cell: own = max(density / <see cref="UrbanCentreDensity"/>, built-up share), where
/// density is residents per km² of the cell's land in the region and 1,500 inh/km² is the urban-centre
/// density of the degree of urbanisation (Eurostat/GHSL, Dijkstra et al. 2021); the likeness L is the mean of
/// own and of the 8 neighbours' mean own, so cities grow into the most urban-like neighbours.</item>
/// <item>Urban share of a cell's residents s = min(1, k × L). In the base year k makes Σ residents × s the
/// scenario's urban population. Later, k grows until the urban land Σ s × land reaches the base urban land ×
/// (urban population / base urban population)^(1 / urban_density_elasticity).</item>
/// <item>Urban residents = urban population × residents × s / Σ(residents × s); rural residents likewise with (1 − s)
/// and the rural population. A cell is <see cref="Urban"/> when s ≥ 0.5.</item>
/// </list>
/// Shared by every area and line model of a run.
/// </summary>
public sealed class PopulationProxy
{
    /// <summary>Density of an urban centre (inh/km²), degree of urbanisation (Eurostat/GHSL).</summary>
    public const double UrbanCentreDensity = 1_500;

    private readonly CellGeography geography;
    private readonly PopulationSpec spec;
    private readonly int[] landCells; // the cells with land in the region, ascending: every other cell adds exact zeros to every sum below
    private readonly double[] basePeople; // of landCells[j]
    private readonly double[] likeness;
    private readonly double[] landKm2;
    private readonly UrbanShareSum urbanLand;
    private readonly double allLand;
    private readonly double baseUrbanPopulation;
    private readonly double baseUrbanLand;
    private double k;
    private int year;
    private int distributedYear = int.MinValue;
    private long urbanZeroBits, ruralZeroBits; // the bits last written to the cells without land (+0 unless a population turns negative)

    /// <summary>Starts the proxy at the base year.</summary>
    public PopulationProxy(CellGeography geography, LandLayers land, PopulationSpec spec, int baseYear)
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

        var cellLand = new double[n];
        var own = new double[n];
        var cells = new List<int>();
        for (int i = 0; i < n; i++)
        {
            cellLand[i] = geography.RegionFraction[i] * grid.CellAreaKm2;
            double people = cellLand[i] > 0 ? Math.Max(0, land.Residents[i]) : 0;
            own[i] = cellLand[i] > 0 ? Math.Max(people / cellLand[i] / UrbanCentreDensity, Math.Clamp(land.BuiltUp[i], 0, 1)) : 0;
            if (cellLand[i] != 0 || double.IsNaN(cellLand[i]))
            {
                cells.Add(i);
            }
        }

        double[] cellLikeness = Smooth(grid.Columns, grid.Rows, own, cellLand);
        landCells = [.. cells];
        basePeople = new double[landCells.Length];
        likeness = new double[landCells.Length];
        landKm2 = new double[landCells.Length];
        for (int j = 0; j < landCells.Length; j++)
        {
            int i = landCells[j];
            landKm2[j] = cellLand[i];
            basePeople[j] = cellLand[i] > 0 ? Math.Max(0, land.Residents[i]) : 0;
            likeness[j] = cellLikeness[i];
        }

        double total = basePeople.Sum();
        if (!(total > 0))
        {
            throw new ArgumentException($"the population raster gives nobody inside the region of grid '{grid.Name}': check that it covers the region");
        }

        int[] order = UrbanShareSum.AscendingOrder(likeness);
        urbanLand = new UrbanShareSum(landKm2, likeness, order);
        allLand = landKm2.Sum();
        Urban = new bool[n];
        UrbanResidents = new double[n];
        RuralResidents = new double[n];
        CityPopulation = new double[geography.Cities.Count];
        BaseCityPopulation = new double[geography.Cities.Count];
        year = baseYear;
        baseUrbanPopulation = UrbanPopulation(baseYear);
        double urbanRatio = baseUrbanPopulation / TotalPopulation(baseYear);
        var urbanPeople = new UrbanShareSum(basePeople, likeness, order);
        SetShares(SolveK(urbanPeople, total, urbanRatio));
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
        SetShares(SolveK(urbanLand, allLand, Math.Min(1, wantedLand / allLand)));
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

    /// <summary>Exact sums of the land cells taken by the urban-land bisections so far (a profile figure).</summary>
    internal int UrbanLandExactSums => urbanLand.ExactSums;

    // Bisection on k for the monotone, non-decreasing f(k) = sum(k) / divisor in [0, 1]: the smallest k with
    // f(k) ≥ wanted (to 1e-12 relative). The sum decides each step as its plain sequential form would.
    private static double SolveK(UrbanShareSum sum, double divisor, double wanted)
    {
        if (wanted <= 0)
        {
            return 0;
        }

        double lo = 0, hi = 1;
        while (sum.IsBelow(hi, divisor, wanted) && hi < 1e12)
        {
            hi *= 2;
        }

        for (int it = 0; it < 200 && hi - lo > 1e-12 * hi; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (sum.IsBelow(mid, divisor, wanted))
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

    private double UrbanLand()
    {
        double s = 0;
        for (int j = 0; j < landKm2.Length; j++)
        {
            s += landKm2[j] * Share(j);
        }

        return s;
    }

    private double Share(int j) => Math.Min(1, k * likeness[j]);

    private void SetShares(double newK)
    {
        k = newK;
        for (int j = 0; j < landCells.Length; j++)
        {
            Urban[landCells[j]] = landKm2[j] > 0 && Share(j) >= 0.5;
        }
    }

    private void Distribute()
    {
        double urbanPop = UrbanPopulation(year), ruralPop = TotalPopulation(year) - urbanPop;
        double uSum = 0, rSum = 0;
        for (int j = 0; j < landCells.Length; j++)
        {
            double share = Share(j);
            uSum += basePeople[j] * share;
            rSum += basePeople[j] * (1 - share);
        }

        // Fully urban everywhere: the rural residents live where the people are rather than vanish.
        bool ruralByPeople = !(rSum > 0);
        if (ruralByPeople)
        {
            rSum = basePeople.Sum();
        }

        Array.Clear(CityPopulation);
        distributedYear = year;
        for (int j = 0; j < landCells.Length; j++)
        {
            int i = landCells[j];
            double share = Share(j);
            UrbanResidents[i] = uSum > 0 ? urbanPop * basePeople[j] * share / uSum : 0;
            RuralResidents[i] = ruralPop * basePeople[j] * (ruralByPeople ? 1 : 1 - share) / rSum;
            int city = geography.CellCity[i];
            if (city >= 0)
            {
                CityPopulation[city] += UrbanResidents[i] + RuralResidents[i];
            }
        }

        // A cell without land has no people and a share of 0: it gets the same zero from the same formula.
        double urbanZero = uSum > 0 ? urbanPop * 0.0 * 0.0 / uSum : 0, ruralZero = ruralPop * 0.0 * 1.0 / rSum;
        long urbanBits = BitConverter.DoubleToInt64Bits(urbanZero), ruralBits = BitConverter.DoubleToInt64Bits(ruralZero);
        if (urbanBits != urbanZeroBits || ruralBits != ruralZeroBits)
        {
            WriteCellsWithoutLand(urbanZero, ruralZero);
            (urbanZeroBits, ruralZeroBits) = (urbanBits, ruralBits);
        }
    }

    private void WriteCellsWithoutLand(double urbanZero, double ruralZero)
    {
        int next = 0;
        for (int i = 0; i < UrbanResidents.Length; i++)
        {
            if (next < landCells.Length && landCells[next] == i)
            {
                next++;
                continue;
            }

            UrbanResidents[i] = urbanZero;
            RuralResidents[i] = ruralZero;
        }
    }
}
