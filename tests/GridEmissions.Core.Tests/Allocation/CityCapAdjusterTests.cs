using GridEmissions.Core.Allocation;
using GridEmissions.Core.Models;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tests.Fixtures;

namespace GridEmissions.Core.Tests.Allocation;

public class CityCapAdjusterTests
{
    private static readonly AllocationKey Key = new("Henan", "cement", 2030);

    private static double[] UniformRegionWeights(CellGeography geo) =>
        Enumerable.Range(0, geo.Grid.CellCount).Select(i => geo.RegionFraction[i]).ToArray();

    private static double CityTotal(CellGeography geo, double[] cells, int city) =>
        Enumerable.Range(0, cells.Length).Where(i => geo.CellCity[i] == city).Sum(i => cells[i]);

    [Fact]
    public void Apply_holds_a_binding_city_at_exactly_its_cap_and_the_region_at_its_target()
    {
        CellGeography geo = TinyGeography.Create();
        double[] w = UniformRegionWeights(geo);
        var cap = new CityCap(TinyGeography.CityA, "cement", [PointSpecBuilder.At(2020, 4), PointSpecBuilder.At(2040, 2)]);
        IReadOnlyList<string> notes = CityCapAdjuster.Apply(Key, [cap], geo, 10e6, w);
        var cells = new double[w.Length];
        Harmonizer.Allocate(Key, 10e6, w, cells);
        Conservation.AssertConserved(3e6, CityTotal(geo, cells, 0), 1e-9, "city A total under a 3 Mt cap");
        Conservation.AssertConserved(10e6, cells, Harmonizer.RelativeTolerance, "region total");
        Assert.Single(notes);
        Assert.Contains(TinyGeography.CityA, notes[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(8.0)]
    [InlineData(0.0)]
    public void A_city_target_holds_the_city_at_exactly_its_target_whether_above_or_below_its_share(double targetMt)
    {
        CellGeography geo = TinyGeography.Create();
        double[] w = UniformRegionWeights(geo);
        var target = new CityCap(TinyGeography.CityA, "cement", [PointSpecBuilder.At(2030, targetMt)], IsExactTarget: true);
        CityCapAdjuster.Apply(Key, [target], geo, 10e6, w);
        var cells = new double[w.Length];
        Harmonizer.Allocate(Key, 10e6, w, cells);
        if (targetMt > 0)
        {
            Conservation.AssertConserved(targetMt * 1e6, CityTotal(geo, cells, 0), 1e-9, "city A total under a city target");
        }
        else
        {
            Assert.Equal(0, CityTotal(geo, cells, 0));
        }

        Conservation.AssertConserved(10e6, cells, Harmonizer.RelativeTolerance, "region total");
    }

    [Fact]
    public void A_city_target_above_the_regional_target_fails_loudly()
    {
        CellGeography geo = TinyGeography.Create();
        var target = new CityCap(TinyGeography.CityA, "cement", [PointSpecBuilder.At(2030, 12)], IsExactTarget: true);
        var e = Assert.Throws<AllocationException>(() => CityCapAdjuster.Apply(Key, [target], geo, 10e6, UniformRegionWeights(geo)));
        Assert.Contains("exceeds the regional target", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_leaves_weights_alone_when_the_cap_does_not_bind_or_names_another_sector()
    {
        CellGeography geo = TinyGeography.Create();
        double[] w = UniformRegionWeights(geo);
        double[] before = (double[])w.Clone();
        var loose = new CityCap(TinyGeography.CityA, "cement", [PointSpecBuilder.At(2030, 100)]);
        var other = new CityCap(TinyGeography.CityA, "power", [PointSpecBuilder.At(2030, 0)]);
        Assert.Empty(CityCapAdjuster.Apply(Key, [loose, other], geo, 10e6, w));
        Assert.Equal(before, w);
    }

    [Fact]
    public void Apply_throws_when_the_rest_of_the_region_has_no_weight_to_take_the_excess()
    {
        CellGeography geo = TinyGeography.Create();
        double[] w = Enumerable.Range(0, geo.Grid.CellCount).Select(i => geo.CellCity[i] == 0 ? 1.0 : 0).ToArray();
        var cap = new CityCap(TinyGeography.CityA, "cement", [PointSpecBuilder.At(2030, 1)]);
        Assert.Throws<AllocationException>(() => CityCapAdjuster.Apply(Key, [cap], geo, 10e6, w));
    }
}
