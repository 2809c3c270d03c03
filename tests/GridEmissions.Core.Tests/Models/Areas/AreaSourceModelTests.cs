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
        var model = new AreaSourceModel("buildings", Spec(AreaProxy.Population), geo, proxy, TinyPopulation.SeatsDense(geo));
        double[] w = model.Evolve(2020, 1).Weights;
        for (int i = 0; i < w.Length; i++)
        {
            double expected = geo.InRegion(i) ? (2 * proxy.UrbanResidents[i]) + (1 * proxy.RuralResidents[i]) : 0;
            Assert.Equal(expected, w[i], 6);
        }
    }

    [Theory]
    [InlineData(AreaProxy.Industry)]
    [InlineData(AreaProxy.Rural)]
    public void Land_weight_follows_the_built_up_or_cropland_km2_of_each_cell(AreaProxy proxyKind)
    {
        CellGeography geo = TinyGeography.Create();
        var land = TinyPopulation.SeatsDense(geo);
        var proxy = TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, 40, 40));
        var landOnly = new AreaModelSpec(PointSpecBuilder.Test, proxyKind, 0, 0, 1, new Dictionary<string, double>());
        double[] w = new AreaSourceModel("cement", landOnly, geo, proxy, land).Evolve(2020, 1).Weights;
        double[] layer = proxyKind == AreaProxy.Industry ? land.BuiltUp : land.Cropland;
        for (int i = 0; i < w.Length; i++)
        {
            // e.g. a seat cell: 80 % built-up of 100 km² wholly in the region = 80 km²; a half-in cell: 60 % cropland × 50 km² = 30 km².
            Assert.Equal(layer[i] * geo.RegionFraction[i] * geo.Grid.CellAreaKm2, w[i], 9);
        }
    }
}
