using GridEmissions.Core.Models;
using GridEmissions.Core.Models.Areas;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tests.Fixtures;

namespace GridEmissions.Core.Tests.Models.Areas;

public class AreaSourceModelTests
{
    private static AreaModelSpec Spec(AreaProxy proxy, IReadOnlyDictionary<string, double>? multipliers = null) =>
        new(PointSpecBuilder.Test, proxy, UrbanWeight: 2, RuralWeight: 1, LandWeight: 50, multipliers ?? new Dictionary<string, double>());

    private static double[] Weights(AreaModelSpec spec, int year = 2030)
    {
        CellGeography geo = TinyGeography.Create();
        var model = new AreaSourceModel("buildings", spec, geo, TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 11, 40, 60)), TinyPopulation.SeatsDense(geo));
        SectorYear result = model.Evolve(2020, 1);
        return year == 2020 ? result.Weights : model.Evolve(year, 1).Weights;
    }

    [Theory]
    [InlineData(AreaProxy.Population)]
    [InlineData(AreaProxy.Rural)]
    [InlineData(AreaProxy.Industry)]
    public void Weights_are_zero_outside_the_region_and_positive_somewhere_inside(AreaProxy proxy)
    {
        CellGeography geo = TinyGeography.Create();
        double[] w = Weights(Spec(proxy));
        for (int i = 0; i < w.Length; i++)
        {
            Assert.True(geo.InRegion(i) || w[i] == 0, $"cell {i} outside the region has weight {w[i]:R}");
            Assert.True(w[i] >= 0 && double.IsFinite(w[i]), $"cell {i} has weight {w[i]:R}");
        }

        Assert.Contains(w, v => v > 0);
    }

    [Theory]
    [InlineData(AreaProxy.Population)]
    [InlineData(AreaProxy.Rural)]
    [InlineData(AreaProxy.Industry)]
    public void City_multipliers_scale_the_cells_of_their_city_only(AreaProxy proxy)
    {
        CellGeography geo = TinyGeography.Create();
        double[] plain = Weights(Spec(proxy));
        double[] boosted = Weights(Spec(proxy, new Dictionary<string, double> { [TinyGeography.CityA] = 3.5 }));
        for (int i = 0; i < plain.Length; i++)
        {
            double factor = geo.CellCity[i] == 0 ? 3.5 : 1;
            Assert.Equal(plain[i] * factor, boosted[i], 9);
        }
    }

    [Fact]
    public void Population_weights_are_the_stated_function_of_urban_and_rural_residents()
    {
        CellGeography geo = TinyGeography.Create();
        var proxy = TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 11, 40, 60));
        var model = new AreaSourceModel("buildings", Spec(AreaProxy.Population) with { LandWeight = 0 }, geo, proxy, TinyPopulation.SeatsDense(geo));
        double[] w = model.Evolve(2020, 1).Weights;
        for (int i = 0; i < w.Length; i++)
        {
            double expected = geo.InRegion(i) ? (2 * proxy.UrbanResidents[i]) + (1 * proxy.RuralResidents[i]) : 0;
            Assert.Equal(expected, w[i], 6);
        }
    }

    [Theory]
    [InlineData(AreaProxy.Industry)]
    [InlineData(AreaProxy.Population)]
    [InlineData(AreaProxy.Rural)]
    public void Land_weight_follows_the_built_up_or_cropland_km2_of_each_cell(AreaProxy proxyKind)
    {
        CellGeography geo = TinyGeography.Create();
        var land = TinyPopulation.SeatsDense(geo);
        var proxy = TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, 40, 40));
        var landOnly = new AreaModelSpec(PointSpecBuilder.Test, proxyKind, 0, 0, 1, new Dictionary<string, double>());
        double[] w = new AreaSourceModel("cement", landOnly, geo, proxy, land).Evolve(2020, 1).Weights;
        double[] layer = proxyKind == AreaProxy.Rural ? land.Cropland : land.BuiltUp;
        for (int i = 0; i < w.Length; i++)
        {
            // e.g. a seat cell: 80 % built-up of 100 km² wholly in the region = 80 km²; a half-in cell: 60 % cropland × 50 km² = 30 km².
            Assert.Equal(layer[i] * geo.RegionFraction[i] * geo.Grid.CellAreaKm2, w[i], 9);
        }
    }

    [Theory]
    [InlineData(AreaProxy.Population, 0.3)]
    [InlineData(AreaProxy.Rural, 0.5)]
    [InlineData(AreaProxy.Industry, 1.0)]
    public void A_land_share_places_that_share_by_land_alone_and_the_rest_by_the_weights(AreaProxy proxyKind, double share)
    {
        CellGeography geo = TinyGeography.Create();
        var land = TinyPopulation.SeatsDense(geo);
        var proxy = TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 11, 40, 60));
        var spec = Spec(proxyKind);
        double[] plain = new AreaSourceModel("buildings", spec, geo, proxy, land).Evolve(2020, 1).Weights;
        double[] mixed = new AreaSourceModel("buildings", spec with { LandShare = share }, geo, proxy, land).Evolve(2020, 1).Weights;
        double[] layer = proxyKind == AreaProxy.Rural ? land.Cropland : land.BuiltUp;
        double[] km2 = [.. Enumerable.Range(0, plain.Length).Select(i => geo.InRegion(i) ? layer[i] * geo.RegionFraction[i] * geo.Grid.CellAreaKm2 : 0)];
        double plainSum = plain.Sum(), landSum = km2.Sum();
        Assert.True(landSum > 0 && plainSum > 0);
        for (int i = 0; i < plain.Length; i++)
        {
            double expected = ((1 - share) * plain[i] / plainSum) + (share * km2[i] / landSum);
            Assert.Equal(expected, mixed[i], 12);
        }

        Assert.Equal(1.0, mixed.Sum(), 12);
    }

    [Fact]
    public void A_land_share_keeps_city_multipliers_on_both_parts()
    {
        CellGeography geo = TinyGeography.Create();
        var land = TinyPopulation.SeatsDense(geo);
        var proxy = TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 11, 40, 60));
        var spec = Spec(AreaProxy.Industry, new Dictionary<string, double> { [TinyGeography.CityA] = 0 }) with { LandShare = 0.4 };
        double[] w = new AreaSourceModel("cement", spec, geo, proxy, land).Evolve(2020, 1).Weights;
        for (int i = 0; i < w.Length; i++)
        {
            Assert.True(geo.CellCity[i] != 0 || w[i] == 0, $"cell {i} of the city multiplied by 0 has weight {w[i]:R}");
        }

        Assert.Contains(w, v => v > 0);
    }

    [Fact]
    public void A_land_share_on_a_region_without_that_land_fails_naming_the_key()
    {
        CellGeography geo = TinyGeography.Create();
        var bare = TinyPopulation.SeatsDense(geo);
        bare = bare with { BuiltUp = new double[bare.BuiltUp.Length] };
        var proxy = TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 11, 40, 60));
        var model = new AreaSourceModel("buildings", Spec(AreaProxy.Population) with { LandShare = 0.3 }, geo, proxy, bare);
        var e = Assert.Throws<GridEmissions.Core.Allocation.AllocationException>(() => model.Evolve(2020, 1));
        Assert.Contains("land_share", e.Message, StringComparison.Ordinal);
        Assert.Contains("built-up land", e.Message, StringComparison.Ordinal);
    }
}
