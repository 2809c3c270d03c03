using GridEmissions.Core.Models;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Proxies;

/// <summary>
/// Population and urban/rural masks that evolve with the scenario's population and urbanisation.
/// Each year urban land grows as (urban population / base urban population)^(1 / density
/// elasticity); new urban cells are taken next to existing urban cells, preferring cells with more
/// urban neighbours, then cells nearer a city seat, then a seeded draw. A new urban cell starts at
/// half the mean weight of its urban neighbours (assumption: new districts are less dense). Urban
/// residents are shared among urban cells by weight; rural residents among the other cells of the
/// region by their area in the region. Shared by every area and line model of a run.
/// </summary>
public sealed class PopulationProxy
{
    /// <summary>Density of a new urban cell relative to its urban neighbours' mean (assumption).</summary>
    public const double NewUrbanDensityRatio = 0.5;

    private readonly CellGeography geography;
    private readonly PopulationSpec spec;
    private readonly int seed;
    private readonly double[] urbanWeight;
    private readonly int baseUrbanCells;
    private readonly double baseUrbanPopulation;
    private int year;
    private int distributedYear = int.MinValue;

    /// <summary>Starts the proxy at the base year.</summary>
    public PopulationProxy(CellGeography geography, UrbanBase urbanBase, PopulationSpec spec, int baseYear, int seed)
    {
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(urbanBase);
        ArgumentNullException.ThrowIfNull(spec);
        this.geography = geography;
        this.spec = spec;
        this.seed = seed;
        Urban = (bool[])urbanBase.Urban.Clone();
        urbanWeight = (double[])urbanBase.Weight.Clone();
        baseUrbanCells = CountUrban();
        if (baseUrbanCells == 0)
        {
            throw new ArgumentException($"the region of grid '{geography.Grid.Name}' has no urban cell: check the urban-area and places inputs");
        }

        UrbanResidents = new double[geography.Grid.CellCount];
        RuralResidents = new double[geography.Grid.CellCount];
        CityPopulation = new double[geography.Cities.Count];
        year = baseYear;
        baseUrbanPopulation = UrbanPopulation(baseYear);
        BaseCityPopulation = new double[geography.Cities.Count];
        Distribute();
        Array.Copy(CityPopulation, BaseCityPopulation, CityPopulation.Length);
    }

    /// <summary>Current year.</summary>
    public int Year => year;

    /// <summary>Urban mask of the current year.</summary>
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
    public int UrbanCellCount => CountUrban();

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

        while (year < target)
        {
            year++;
            Grow();
        }

        Distribute();
    }

    /// <summary>Urban population in a year (people).</summary>
    public double UrbanPopulation(int y) => Trajectory.At(spec.PopulationMillion, y) * 1e6 * Trajectory.At(spec.UrbanisationPercent, y) / 100;

    /// <summary>Total population in a year (people).</summary>
    public double TotalPopulation(int y) => Trajectory.At(spec.PopulationMillion, y) * 1e6;

    private void Grow()
    {
        double ratio = UrbanPopulation(year) / baseUrbanPopulation;
        int wanted = (int)Math.Round(baseUrbanCells * Math.Pow(Math.Max(ratio, 0), 1 / spec.UrbanDensityElasticity));
        int current = UrbanCellCount;
        var grid = geography.Grid;
        while (current < wanted)
        {
            // Candidates in cell order: non-urban cells mostly in the region with an urban neighbour
            // (row/column loops instead of index arithmetic: national grids have ~20 million cells).
            var candidates = new List<(int Cell, int Neighbours, double Distance, double Draw, double MeanWeight)>();
            int columns = grid.Columns, rows = grid.Rows;
            for (int r = 0; r < rows; r++)
            {
                int rowStart = r * columns;
                for (int c = 0; c < columns; c++)
                {
                    int i = rowStart + c;
                    if (Urban[i] || geography.RegionFraction[i] < 0.5)
                    {
                        continue;
                    }

                    int n = 0;
                    double sum = 0;
                    for (int dr = -1; dr <= 1; dr++)
                    {
                        int rr = r + dr;
                        if (rr < 0 || rr >= rows)
                        {
                            continue;
                        }

                        for (int dc = -1; dc <= 1; dc++)
                        {
                            int cc = c + dc;
                            int j = (rr * columns) + cc;
                            if ((dc != 0 || dr != 0) && cc >= 0 && cc < columns && Urban[j])
                            {
                                n++;
                                sum += urbanWeight[j];
                            }
                        }
                    }

                    if (n > 0)
                    {
                        candidates.Add((i, n, SeatDistance(i), StableRandom.Uniform(seed, $"urban:{grid.CellId(i)}"), sum / n));
                    }
                }
            }

            if (candidates.Count == 0)
            {
                break;
            }

            int take = Math.Min(wanted - current, Math.Max(1, candidates.Count / 4));
            foreach (var pick in candidates.OrderByDescending(x => x.Neighbours).ThenBy(x => x.Distance).ThenBy(x => x.Draw).Take(take))
            {
                Urban[pick.Cell] = true;
                urbanWeight[pick.Cell] = NewUrbanDensityRatio * pick.MeanWeight;
                current++;
            }
        }
    }

    private int CountUrban()
    {
        int count = 0;
        foreach (bool u in Urban)
        {
            if (u)
            {
                count++;
            }
        }

        return count;
    }

    private double SeatDistance(int cell)
    {
        var centre = geography.Grid.CellCentre(cell);
        double best = double.PositiveInfinity;
        foreach (CityInfo city in geography.Cities)
        {
            double dx = city.SeatX - centre.X, dy = city.SeatY - centre.Y;
            best = Math.Min(best, Math.Sqrt((dx * dx) + (dy * dy)));
        }

        return best;
    }

    private void Distribute()
    {
        double urbanPop = UrbanPopulation(year), ruralPop = TotalPopulation(year) - urbanPop;
        double wSum = 0, rSum = 0;
        for (int i = 0; i < Urban.Length; i++)
        {
            if (Urban[i])
            {
                wSum += urbanWeight[i];
            }
            else
            {
                rSum += geography.RegionFraction[i];
            }
        }

        // When every region cell has become urban, rural residents live among the urban cells
        // (by area) rather than vanish: residents always sum to the regional population.
        bool ruralEverywhere = rSum <= 0;
        if (ruralEverywhere)
        {
            rSum = geography.RegionFraction.Sum();
        }

        Array.Clear(CityPopulation);
        distributedYear = year;
        for (int i = 0; i < Urban.Length; i++)
        {
            UrbanResidents[i] = Urban[i] && wSum > 0 ? urbanPop * urbanWeight[i] / wSum : 0;
            RuralResidents[i] = (ruralEverywhere || !Urban[i]) && rSum > 0 ? ruralPop * geography.RegionFraction[i] / rSum : 0;
            int city = geography.CellCity[i];
            if (city >= 0)
            {
                CityPopulation[city] += UrbanResidents[i] + RuralResidents[i];
            }
        }
    }
}
