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

    [Fact]
    public void Evolving_into_a_lent_buffer_with_stale_content_gives_the_same_bits_as_a_fresh_array()
    {
        LineSourceModel fresh = Model(Spec(0.3, 60, 40, 10));
        LineSourceModel lent = Model(Spec(0.3, 60, 40, 10));
        var buffer = new double[TinyGeography.Create().Grid.CellCount];
        for (int year = 2020; year <= 2030; year++)
        {
            Array.Fill(buffer, 123.0 + year); // last year's weights, or anything: must not leak into this year
            double[] expected = fresh.Evolve(year, 1e6).Weights;
            SectorYear got = lent.Evolve(year, 1e6, buffer);
            Assert.Same(buffer, got.Weights);
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), buffer.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(fresh.LastCorridorShare, lent.LastCorridorShare);
        }
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

    private static LineModelSpec WithHubs(LineModelSpec spec, double aviation, double shipping) => spec with
    {
        Hubs = new Dictionary<string, HubShare>(StringComparer.Ordinal)
        {
            ["aviation"] = new(aviation, PointSpecBuilder.Test),
            ["shipping"] = new(shipping, PointSpecBuilder.Test),
        },
    };

    private static LineSourceModel HubModel(LineModelSpec spec)
    {
        CellGeography geo = TinyGeography.Create();
        var (ax, ay) = TinyGeography.Centre(3, 1);
        var (bx, by) = TinyGeography.Centre(2, 3);
        var (ox, oy) = TinyGeography.Centre(0, 1); // column 0 has no region area
        TransportHub[] hubs =
        [
            new("big airport", "aviation", ax, ay, 300), new("small airport", "aviation", bx, by, 100),
            new("port", "shipping", bx, by, 4), new("offshore port", "shipping", ox, oy, 8),
        ];
        return new LineSourceModel("transport", spec, geo, Network(geo), TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, 50, 50)), 2020, hubs);
    }

    [Fact]
    public void At_the_base_year_each_hub_mode_holds_its_share_split_by_hub_weight()
    {
        CellGeography geo = TinyGeography.Create();
        LineSourceModel model = HubModel(WithHubs(Spec(0.3, 60, 40, 10), 0.1, 0.05));
        SectorYear y = model.Evolve(2020, 1e6);
        Conservation.AssertConserved(1 - 0.3 - 0.1 - 0.05, model.LastCorridorShare, 1e-12, "corridor share at the base year");
        Conservation.AssertConserved(1.0, y.Weights, 1e-12, "base-year weights are normalised");
        Assert.Contains(y.Notes, n => n.Contains("left out", StringComparison.Ordinal) && n.Contains("offshore port", StringComparison.Ordinal));

        // without hubs the same cells carry only corridor and urban weight; with them the urban part is unchanged and the corridor part scales with the corridor share
        LineSourceModel plain = HubModel(Spec(0.3, 60, 40, 10));
        double[] p = plain.Evolve(2020, 1e6).Weights;
        int big = geo.Grid.Index(3, 1), small = geo.Grid.Index(2, 3);
        double hubAtBig = y.Weights[big] - Expected(p, plain, model, big);
        double hubAtSmall = y.Weights[small] - Expected(p, plain, model, small);
        Assert.Equal(0.1 * 0.75, hubAtBig, 12);
        Assert.Equal((0.1 * 0.25) + 0.05, hubAtSmall, 12);
    }

    // the corridor + urban weight a cell has in the hub model, from the plain model: urban parts are equal, corridor parts scale with the corridor share
    private static double Expected(double[] plainWeights, LineSourceModel plain, LineSourceModel hub, int cell)
    {
        LineSourceModel urbanOnly = HubModel(Spec(1.0, 60, 40, 10));
        double urban = 0.3 * urbanOnly.Evolve(2020, 1e6).Weights[cell];
        double corridor = plainWeights[cell] - urban;
        return urban + (corridor * hub.LastCorridorShare / plain.LastCorridorShare);
    }

    [Fact]
    public void Hub_parts_grow_with_traffic_and_do_not_electrify()
    {
        LineSourceModel model = HubModel(WithHubs(Spec(0.3, 80, 60, 20), 0.1, 0.05));
        model.Evolve(2020, 1e6);
        double previous = model.LastCorridorShare;
        for (int year = 2021; year <= 2050; year++)
        {
            double[] w = model.Evolve(year, 1e6).Weights;
            Assert.True(model.LastCorridorShare < previous, $"{year}: the corridor share did not fall as corridors electrify and hubs do not");
            previous = model.LastCorridorShare;
            Assert.All(w, v => Assert.True(v >= 0 && double.IsFinite(v)));
        }
    }
}

public class LineSourceModelNetworkTests
{
    private static readonly GeometryFactory Factory = new();

    // rail: a trunk line along row 2; road: one proxy line along column 2 carrying weight 3
    private static CorridorNetwork Network(CellGeography geo)
    {
        var (x1, y) = TinyGeography.Centre(1, 2);
        var (x4, _) = TinyGeography.Centre(4, 2);
        var (xm, ym) = TinyGeography.Centre(2, 0);
        var (_, yb) = TinyGeography.Centre(2, 3);
        return CorridorNetwork.Build(geo.Grid,
        [
            new CorridorLine("t", "trunk", Factory.CreateLineString([new Coordinate(x1, y), new Coordinate(x4, y)])),
            new CorridorLine("r", "road", Factory.CreateLineString([new Coordinate(xm, ym), new Coordinate(xm, yb)])) { Weight = 3 },
        ]);
    }

    private static LineModelSpec Spec(double rail, double road, double aviation) => new LineModelSpec(
        PointSpecBuilder.Test,
        new Dictionary<string, double> { ["trunk"] = 1.0, ["road"] = 1.0 },
        0.3,
        [new RatePeriod(2021, 2050, 3, PointSpecBuilder.Test)],
        new Dictionary<string, IReadOnlyList<YearValue>>
        {
            ["trunk"] = [PointSpecBuilder.At(2020, 0), PointSpecBuilder.At(2050, 90)],
            ["road"] = [PointSpecBuilder.At(2020, 0), PointSpecBuilder.At(2050, 50)],
        })
    {
        Networks = new Dictionary<string, NetworkShare>(StringComparer.Ordinal)
        {
            ["rail"] = new(rail, ["trunk"], PointSpecBuilder.Test),
            ["road"] = new(road, ["road"], PointSpecBuilder.Test),
        },
        Hubs = new Dictionary<string, HubShare>(StringComparer.Ordinal) { ["aviation"] = new(aviation, PointSpecBuilder.Test) },
    };

    private static LineSourceModel Model(LineModelSpec spec, bool withAirport)
    {
        CellGeography geo = TinyGeography.Create();
        var (ax, ay) = TinyGeography.Centre(3, 1);
        TransportHub[] hubs = withAirport ? [new("airport", "aviation", ax, ay, 10)] : [];
        return new LineSourceModel("transport", spec, geo, Network(geo), TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, 50, 50)), 2020, hubs);
    }

    // the part of the weights on one network's cells that is not urban traffic: rail on row 2 away from column 2, road on column 2 away from row 2
    private static (double Rail, double Road) Parts(double[] w, double urbanShare = 0.3)
    {
        CellGeography geo = TinyGeography.Create();
        LineSourceModel urbanOnly = new("transport", Spec(0.02, 0.58, 0.1) with { UrbanShare = 1.0, Hubs = new Dictionary<string, HubShare>() }, geo, Network(geo), TinyPopulation.Proxy(geo, TinyPopulation.Linear(10, 10, 50, 50)), 2020);
        double[] u = urbanOnly.Evolve(2020, 1e6).Weights;
        double rail = 0, road = 0;
        for (int i = 0; i < w.Length; i++)
        {
            (int c, int r) = (i % geo.Grid.Columns, i / geo.Grid.Columns);
            double corridor = w[i] - (urbanShare * u[i]);
            if (r == 2 && c != 2)
            {
                rail += corridor;
            }
            else if (c == 2 && r != 2)
            {
                road += corridor;
            }
        }

        return (rail, road);
    }

    [Fact]
    public void At_the_base_year_each_network_holds_its_share_and_the_weights_are_normalised()
    {
        LineSourceModel model = Model(Spec(0.02, 0.58, 0.1), withAirport: true);
        SectorYear y = model.Evolve(2020, 1e6);
        Conservation.AssertConserved(1.0, y.Weights, 1e-12, "base-year weights");
        Conservation.AssertConserved(0.60, model.LastCorridorShare, 1e-12, "rail + road at the base year");
        var (rail, road) = Parts(y.Weights);

        // the shared cell (2, 2) holds both: a third of each line (10 of 30 km) lies in it
        Conservation.AssertConserved(0.02 * 2 / 3, rail, 1e-9, "rail outside the crossing cell");
        Conservation.AssertConserved(0.58 * 2 / 3, road, 1e-9, "road outside the crossing cell");
    }

    [Fact]
    public void A_hub_mode_without_a_hub_in_the_region_hands_its_share_to_the_networks_in_proportion()
    {
        LineSourceModel model = Model(Spec(0.02, 0.58, 0.1), withAirport: false);
        SectorYear y = model.Evolve(2020, 1e6);
        Conservation.AssertConserved(0.70, model.LastCorridorShare, 1e-12, "rail + road take the missing aviation share");
        var (rail, road) = Parts(y.Weights);
        Conservation.AssertConserved(0.70 * 0.02 / 0.60 * 2 / 3, rail, 1e-9, "rail");
        Conservation.AssertConserved(0.70 * 0.58 / 0.60 * 2 / 3, road, 1e-9, "road");
    }

    [Fact]
    public void Each_network_electrifies_by_its_own_classes()
    {
        // no urban traffic: the network cells carry only their network
        LineSourceModel model = Model(Spec(0.02, 0.88, 0.1) with { UrbanShare = 0 }, withAirport: true);
        var (rail0, road0) = Parts(model.Evolve(2020, 1e6).Weights, 0);
        double[] w = [];
        for (int year = 2021; year <= 2050; year++)
        {
            w = model.Evolve(year, 1e6).Weights;
            Assert.All(w, v => Assert.True(v >= 0 && double.IsFinite(v)));
        }

        var (rail, road) = Parts(w, 0);
        Assert.Equal(rail0 / road0 * (1 - 0.9) / (1 - 0.5), rail / road, 9); // trunk 90 % electric by 2050, road 50 %
    }

    [Fact]
    public void Every_year_the_allocated_transport_target_is_conserved()
    {
        LineSourceModel model = Model(Spec(0.02, 0.58, 0.1), withAirport: true);
        var cells = new double[TinyGeography.Grid.CellCount];
        for (int year = 2020; year <= 2050; year++)
        {
            double target = 1e6 * (1 + ((year - 2020) * 0.01));
            GridEmissions.Core.Allocation.Harmonizer.Allocate(new GridEmissions.Core.Allocation.AllocationKey("tiny", "transport", year), target, model.Evolve(year, target).Weights, cells);
            Conservation.AssertConserved(target, cells, 1e-9, FormattableString.Invariant($"transport {year}"));
        }
    }

    [Fact]
    public void A_corridor_class_in_no_network_is_refused()
    {
        LineModelSpec spec = Spec(0.02, 0.58, 0.1) with
        {
            Networks = new Dictionary<string, NetworkShare>(StringComparer.Ordinal) { ["rail"] = new(0.6, ["trunk"], PointSpecBuilder.Test) },
        };
        var ex = Assert.Throws<ArgumentException>(() => Model(spec, withAirport: true));
        Assert.Contains("'road'", ex.Message, StringComparison.Ordinal);
    }
}
