using GridEmissions.Core.Models;
using GridEmissions.Core.Models.Lines;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tests.Fixtures;
using NetTopologySuite.Geometries;

namespace GridEmissions.Core.Tests.Models.Lines;

public class LineSourceModelTests
{
    private static readonly GeometryFactory Factory = new();

    private static CorridorNetwork Network(CellGeography geo)
    {
        var (x1, y) = TinyGeography.Centre(1, 2);
        var (x4, _) = TinyGeography.Centre(4, 2);
        var (xm, ym) = TinyGeography.Centre(2, 0);
        return CorridorNetwork.Build(geo.Grid,
        [
            new CorridorLine("t", "trunk", Factory.CreateLineString([new Coordinate(x1, y), new Coordinate(x4, y)])),
            new CorridorLine("r", "regional", Factory.CreateLineString([new Coordinate(xm, ym), new Coordinate(xm, y)])),
        ]);
    }

    private static LineModelSpec Spec(double urbanShare, double trunk2050, double regional2050, double urban2050) => new(
        PointSpecBuilder.Test,
        new Dictionary<string, double> { ["trunk"] = 1.0, ["regional"] = 0.5 },
        urbanShare,
        [new RatePeriod(2021, 2050, 3, PointSpecBuilder.Test)],
        new Dictionary<string, IReadOnlyList<YearValue>>
        {
            ["trunk"] = [PointSpecBuilder.At(2020, 0), PointSpecBuilder.At(2050, trunk2050)],
            ["regional"] = [PointSpecBuilder.At(2020, 0), PointSpecBuilder.At(2050, regional2050)],
            ["urban"] = [PointSpecBuilder.At(2020, 0), PointSpecBuilder.At(2050, urban2050)],
        });

    private static LineSourceModel Model(LineModelSpec spec, PopulationSpec? population = null)
    {
        CellGeography geo = TinyGeography.Create();
        return new LineSourceModel("transport", spec, geo, Network(geo), TinyPopulation.Proxy(geo, population ?? TinyPopulation.Linear(10, 10, 50, 50)), 2020);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.0)]
    [InlineData(0.85)]
    public void At_the_base_year_the_urban_part_holds_exactly_the_urban_share(double urbanShare)
    {
        LineSourceModel model = Model(Spec(urbanShare, 60, 40, 10), TinyPopulation.Linear(10, 12, 40, 70));
        SectorYear y = model.Evolve(2020, 1e6);
        Conservation.AssertConserved(1 - urbanShare, model.LastCorridorShare, 1e-12, "corridor share at the base year");
        Conservation.AssertConserved(1.0, y.Weights, 1e-12, "base-year weights are normalised");
        Assert.All(y.Weights, w => Assert.True(w >= 0 && double.IsFinite(w)));
    }

    [Fact]
    public void With_corridor_electrification_rising_faster_than_urban_the_corridor_share_falls_every_year()
    {
        LineSourceModel model = Model(Spec(0.3, 80, 60, 20));
        double previous = double.PositiveInfinity;
        for (int year = 2020; year <= 2050; year++)
        {
            model.Evolve(year, 1e6);
            Assert.True(model.LastCorridorShare < previous, $"{year}: corridor share {model.LastCorridorShare:R} did not fall below {previous:R}");
            previous = model.LastCorridorShare;
        }

        Assert.True(previous < 0.5, $"corridor share in 2050 is {previous:R}");
    }

    [Fact]
    public void Weights_are_zero_outside_the_region()
    {
        CellGeography geo = TinyGeography.Create();
        LineSourceModel model = Model(Spec(0.3, 80, 60, 20));
        for (int year = 2020; year <= 2025; year++)
        {
            double[] w = model.Evolve(year, 1e6).Weights;
            Assert.All(Enumerable.Range(0, w.Length).Where(i => !geo.InRegion(i)), i => Assert.Equal(0, w[i]));
        }
    }

    [Fact]
    public void The_model_must_start_at_the_base_year_and_every_corridor_class_needs_a_weight()
    {
        Assert.Throws<InvalidOperationException>(() => Model(Spec(0.3, 0, 0, 0)).Evolve(2021, 1e6));
        LineModelSpec noRegional = Spec(0.3, 0, 0, 0) with { ClassWeights = new Dictionary<string, double> { ["trunk"] = 1 } };
        var ex = Assert.Throws<ArgumentException>(() => Model(noRegional));
        Assert.Contains("'regional'", ex.Message, StringComparison.Ordinal);
    }
}
