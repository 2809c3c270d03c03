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
        // Urban population ×1.8 with elasticity 0.5: urban land ×3.24.
        PopulationProxy proxy = TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, 50, 90, 0.5));
        int previous = proxy.UrbanCellCount;
        Assert.Equal(2, previous); // the two dense, built-up seat cells
        for (int year = 2021; year <= 2050; year++)
        {
            proxy.AdvanceTo(year);
            Assert.True(proxy.UrbanCellCount >= previous, $"{year}: urban cells fell from {previous} to {proxy.UrbanCellCount}");
            previous = proxy.UrbanCellCount;
        }

        Assert.True(previous >= 4, $"urbanisation 50 % -> 90 % grew urban land to only {previous} cells");
    }

    [Fact]
    public void Urban_land_grows_first_next_to_the_dense_cells()
    {
        // The seats are at (2,1) and (4,2) or so; cells touching a seat are more urban-like (the likeness
        // averages the neighbours) than cells that touch none, so they turn urban first.
        CellGeography geo = TinyGeography.Create();
        PopulationProxy proxy = TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, 30, 60));
        var g = geo.Grid;
        var seats = Enumerable.Range(0, g.CellCount).Where(i => proxy.Urban[i]).ToList();
        bool Touches(int i) => seats.Any(s => s != i && Math.Abs(g.ColumnOf(s) - g.ColumnOf(i)) <= 1 && Math.Abs(g.RowOf(s) - g.RowOf(i)) <= 1);
        for (int year = 2021; year <= 2050; year++)
        {
            bool[] before = (bool[])proxy.Urban.Clone();
            proxy.AdvanceTo(year);
            bool farTurned = Enumerable.Range(0, g.CellCount).Any(i => proxy.Urban[i] && !before[i] && !Touches(i));
            bool nearLeft = Enumerable.Range(0, g.CellCount).Any(i => !proxy.Urban[i] && Touches(i) && geo.RegionFraction[i] == 1);
            Assert.False(farTurned && nearLeft, $"{year}: a cell away from the seats turned urban while a full cell next to a seat did not");
        }
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
        // Urban population ×19 with elasticity 0.5: urban land would grow ×361, more than the region holds.
        PopulationProxy proxy = TinyPopulation.Proxy(TinyGeography.Create(), TinyPopulation.Linear(10, 10, 5, 95, 0.5));
        proxy.AdvanceTo(2050);
        Assert.Equal(16, proxy.UrbanCellCount); // every cell of the region
        AssertResidentsSumToPopulation(proxy, 2050);
    }

    [Fact]
    public void Residents_follow_the_raster_so_no_two_rural_cells_share_a_value_by_construction()
    {
        CellGeography geo = TinyGeography.Create();
        var land = TinyPopulation.SeatsDense(geo);
        for (int i = 0; i < land.Residents.Length; i++)
        {
            land.Residents[i] += i; // every cell a different count
        }

        var proxy = new PopulationProxy(geo, land, TinyPopulation.Linear(10, 10, 30, 30), 2020);
        var rural = Enumerable.Range(0, geo.Grid.CellCount).Where(i => geo.InRegion(i) && !proxy.Urban[i]).Select(i => proxy.RuralResidents[i]).ToList();
        Assert.Equal(rural.Count, rural.Distinct().Count());
    }

    [Fact]
    public void The_same_inputs_give_the_same_masks_and_residents()
    {
        PopulationSpec spec = TinyPopulation.Linear(10, 12, 20, 60, 1.3);
        PopulationProxy a = TinyPopulation.Proxy(TinyGeography.Create(), spec);
        PopulationProxy b = TinyPopulation.Proxy(TinyGeography.Create(), spec);
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
    public void AdvanceTo_cannot_go_back_and_a_region_without_residents_is_rejected()
    {
        CellGeography geo = TinyGeography.Create();
        PopulationProxy proxy = TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, 50, 50));
        proxy.AdvanceTo(2030);
        Assert.Throws<InvalidOperationException>(() => proxy.AdvanceTo(2029));
        int n = geo.Grid.CellCount;
        var nobody = new LandLayers(new double[n], new double[n], new double[n]);
        Assert.Throws<ArgumentException>(() => new PopulationProxy(geo, nobody, TinyPopulation.Linear(10, 10, 50, 50), 2020));

        // the land alone (what the area models keep) is no input for a proxy
        var land = new LandLayers([.. Enumerable.Repeat(100.0, n)], new double[n], new double[n]);
        LandLayers landAlone = land.WithoutResidents();
        Assert.Empty(landAlone.Residents);
        Assert.Same(land.BuiltUp, landAlone.BuiltUp);
        Assert.Throws<ArgumentException>(() => new PopulationProxy(geo, landAlone, TinyPopulation.Linear(10, 10, 50, 50), 2020));
    }

    private static double OutsideCities(PopulationProxy proxy)
    {
        CellGeography geo = TinyGeography.Create();
        return Enumerable.Range(0, geo.Grid.CellCount).Where(i => geo.CellCity[i] < 0).Sum(i => proxy.UrbanResidents[i] + proxy.RuralResidents[i]);
    }
}
