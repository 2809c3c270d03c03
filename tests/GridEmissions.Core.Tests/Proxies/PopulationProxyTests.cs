using FsCheck.Fluent;
using GridEmissions.Core.Models;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tests.Fixtures;

namespace GridEmissions.Core.Tests.Proxies;

public class PopulationProxyTests
{
    private static void AssertResidentsSumToPopulation(PopulationProxy proxy, int year)
    {
        double total = Conservation.ExactSum(proxy.UrbanResidents) + Conservation.ExactSum(proxy.RuralResidents);
        Conservation.AssertConserved(proxy.TotalPopulation(year), total, 1e-9, $"residents in {year}");
        Conservation.AssertConserved(proxy.UrbanPopulation(year), proxy.UrbanResidents, 1e-9, $"urban residents in {year}");
    }

    [Fact]
    public void Urban_cells_grow_with_urbanisation_and_never_shrink()
    {
        CellGeography geo = TinyGeography.Create();
        PopulationProxy proxy = TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, 30, 70));
        int previous = proxy.UrbanCellCount;
        Assert.Equal(2, previous);
        for (int year = 2021; year <= 2050; year++)
        {
            proxy.AdvanceTo(year);
            Assert.True(proxy.UrbanCellCount >= previous, $"{year}: urban cells fell from {previous} to {proxy.UrbanCellCount}");
            previous = proxy.UrbanCellCount;
        }

        Assert.True(previous >= 4, $"urbanisation 30 % -> 70 % grew urban land to only {previous} cells");
    }

    [Fact]
    public void New_urban_cells_are_joined_to_the_previous_years_urban_cells_and_lie_in_the_region()
    {
        var gen =
            from u0 in Properties.Uniform(10, 50)
            from du in Properties.Uniform(0, 30)
            from elasticity in Properties.Uniform(0.6, 2)
            from seed in Gen.Choose(0, 1000)
            select (U0: u0, U1: u0 + du, E: elasticity, Seed: seed);
        Properties.Check(gen, t =>
        {
            CellGeography geo = TinyGeography.Create();
            GridEmissionsGrid g = new(geo);
            PopulationProxy proxy = TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, t.U0, t.U1, t.E), t.Seed);
            for (int year = 2021; year <= 2050; year += 3)
            {
                bool[] before = (bool[])proxy.Urban.Clone();
                proxy.AdvanceTo(year);
                var reached = new HashSet<int>(Enumerable.Range(0, before.Length).Where(i => before[i]));
                var queue = new Queue<int>(reached);
                while (queue.Count > 0)
                {
                    foreach (int n in g.Neighbours(queue.Dequeue()).Where(n => proxy.Urban[n] && reached.Add(n)))
                    {
                        queue.Enqueue(n);
                    }
                }

                for (int i = 0; i < before.Length; i++)
                {
                    Assert.True(!proxy.Urban[i] || reached.Contains(i), $"{year}: new urban cell {i} is not joined to the urban cells of the year before");
                    Assert.True(!proxy.Urban[i] || geo.RegionFraction[i] >= 0.5, $"{year}: urban cell {i} is mostly outside the region");
                }
            }
        }, cases: 500);
    }

    [Fact]
    public void Residents_sum_to_the_regional_population_every_year()
    {
        var gen =
            from p0 in Properties.Uniform(1, 100)
            from change in Properties.Uniform(0.8, 1.2)
            from u0 in Properties.Uniform(20, 45)
            from du in Properties.Uniform(-5, 20)
            select (P0: p0, P1: p0 * change, U0: u0, U1: u0 + du); // urban land stays well short of filling the tiny region
        Properties.Check(gen, t =>
        {
            PopulationProxy proxy = TinyPopulation.Proxy(TinyGeography.Create(), TinyPopulation.Linear(t.P0, t.P1, t.U0, t.U1));
            AssertResidentsSumToPopulation(proxy, 2020);
            for (int year = 2021; year <= 2060; year += 3)
            {
                proxy.AdvanceTo(year);
                AssertResidentsSumToPopulation(proxy, year);
                Conservation.AssertConserved(proxy.TotalPopulation(year), proxy.CityPopulation.Sum() + OutsideCities(proxy), 1e-9, $"city populations in {year}");
            }
        });
    }

    [Fact]
    public void Residents_sum_to_the_regional_population_even_when_every_region_cell_has_become_urban()
    {
        PopulationProxy proxy = TinyPopulation.Proxy(TinyGeography.Create(), TinyPopulation.Linear(10, 10, 10, 90));
        proxy.AdvanceTo(2050);
        Assert.Equal(16, proxy.UrbanCellCount); // every cell of the region
        AssertResidentsSumToPopulation(proxy, 2050);
    }

    [Fact]
    public void The_same_seed_gives_the_same_masks_and_residents()
    {
        PopulationSpec spec = TinyPopulation.Linear(10, 12, 20, 60, 1.3);
        PopulationProxy a = TinyPopulation.Proxy(TinyGeography.Create(), spec, 11);
        PopulationProxy b = TinyPopulation.Proxy(TinyGeography.Create(), spec, 11);
        for (int year = 2021; year <= 2050; year++)
        {
            a.AdvanceTo(year);
            b.AdvanceTo(year);
            Assert.Equal(a.Urban, b.Urban);
            Assert.Equal(a.UrbanResidents, b.UrbanResidents);
            Assert.Equal(a.RuralResidents, b.RuralResidents);
        }
    }

    [Fact]
    public void AdvanceTo_cannot_go_back_and_a_region_without_urban_cells_is_rejected()
    {
        CellGeography geo = TinyGeography.Create();
        PopulationProxy proxy = TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, 50, 50));
        proxy.AdvanceTo(2030);
        Assert.Throws<InvalidOperationException>(() => proxy.AdvanceTo(2029));
        var none = new UrbanBase(new bool[geo.Grid.CellCount], new double[geo.Grid.CellCount]);
        Assert.Throws<ArgumentException>(() => new PopulationProxy(geo, none, TinyPopulation.Linear(10, 10, 50, 50), 2020, 7));
    }

    private static double OutsideCities(PopulationProxy proxy)
    {
        CellGeography geo = TinyGeography.Create();
        return Enumerable.Range(0, geo.Grid.CellCount).Where(i => geo.CellCity[i] < 0).Sum(i => proxy.UrbanResidents[i] + proxy.RuralResidents[i]);
    }

    /// <summary>8-neighbourhood of a cell.</summary>
    private sealed class GridEmissionsGrid(CellGeography geo)
    {
        public IEnumerable<int> Neighbours(int i)
        {
            var g = geo.Grid;
            int c = g.ColumnOf(i), r = g.RowOf(i);
            for (int dr = -1; dr <= 1; dr++)
            {
                for (int dc = -1; dc <= 1; dc++)
                {
                    int cc = c + dc, rr = r + dr;
                    if ((dc != 0 || dr != 0) && cc >= 0 && rr >= 0 && cc < g.Columns && rr < g.Rows)
                    {
                        yield return g.Index(cc, rr);
                    }
                }
            }
        }
    }
}
