using GridEmissions.Core.Grids;
using GridEmissions.Core.Models;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tests.Fixtures;

namespace GridEmissions.Core.Tests.Proxies;

public class UrbanShareSumTests
{
    public static TheoryData<int, int, int, string> Landscapes => new()
    {
        { 1, 70, 50, "mixed" },
        { 2, 70, 50, "mixed" },
        { 3, 41, 37, "uniform" }, // equal likenesses everywhere inside: the sorted order is all ties
        { 4, 70, 50, "sparse" }, // most cells without land, a few dense towns
        { 5, 300, 200, "mixed" }, // 60,000 cells: a wider margin
    };

    [Theory]
    [MemberData(nameof(Landscapes))]
    public void The_proxy_gives_the_bits_of_the_plain_bisection_every_year(int seed, int columns, int rows, string kind)
    {
        (CellGeography geo, LandLayers land) = Landscape(seed, columns, rows, kind);
        var random = new Random(seed * 7919);
        PopulationSpec spec = TinyPopulation.Linear(5 + (random.NextDouble() * 50), 5 + (random.NextDouble() * 50), 20 + (random.NextDouble() * 30), 60 + (random.NextDouble() * 40), 0.4 + random.NextDouble());
        var fast = new PopulationProxy(geo, land, spec, 2020);
        var plain = new LegacyPopulationProxy(geo, land, spec, 2020);
        AssertSameBits(plain, fast, 2020);
        int advances = 0;
        for (int year = 2021; year <= 2060; year++)
        {
            fast.AdvanceTo(year);
            plain.AdvanceTo(year);
            advances++;
            AssertSameBits(plain, fast, year);
        }

        // ≈ 40 bisection steps a year, each a full sum in the plain form; the sorted bounds settle most of them.
        Assert.True(fast.UrbanLandExactSums < 20 * advances, $"{fast.UrbanLandExactSums} exact sums in {advances} years: the bounds settle too few steps");
    }

    [Fact]
    public void Every_step_is_decided_as_the_exact_sum_decides_it()
    {
        var random = new Random(11);
        int n = 5_000;
        var w = new double[n];
        var l = new double[n];
        for (int j = 0; j < n; j++)
        {
            w[j] = random.NextDouble() < 0.2 ? 0 : Math.Exp(random.NextDouble() * 8);
            l[j] = random.NextDouble() < 0.1 ? 0.25 : Math.Exp((random.NextDouble() * 6) - 4);
        }

        var sum = new UrbanShareSum(w, l, UrbanShareSum.AscendingOrder(l));
        double divisor = w.Sum();
        for (int t = 0; t < 2_000; t++)
        {
            double k = Math.Exp((random.NextDouble() * 14) - 4);
            double exact = sum.Exact(k) / divisor;
            // Wanted values at, next to and away from the exact ratio: the boundary cases must come out as the sum says.
            foreach (double wanted in new[] { exact, Math.BitIncrement(exact), Math.BitDecrement(exact), exact * (1 + 1e-10), exact * (1 - 1e-10), exact * 1.01, exact * 0.99 })
            {
                Assert.Equal(exact < wanted, sum.IsBelow(k, divisor, wanted));
            }
        }
    }

    [Fact]
    public void The_radix_order_sorts_as_a_comparison_sort_and_keeps_ties_in_cell_order()
    {
        var random = new Random(5);
        double[] special = [0.0, -0.0, double.Epsilon, 1e-310, 1, 1, 2.5e300, 0.5, -3, 0.5];
        double[] values = [.. special, .. Enumerable.Range(0, 20_000).Select(_ => random.NextDouble() < 0.3 ? Math.Round(random.NextDouble() * 4) : Math.Exp((random.NextDouble() * 40) - 20))];
        int[] order = UrbanShareSum.AscendingOrder(values);
        Assert.Equal(values.Length, order.Distinct().Count());
        for (int s = 1; s < order.Length; s++)
        {
            double a = values[order[s - 1]], b = values[order[s]];
            bool ordered = a < b || (a == b && (BitConverter.DoubleToInt64Bits(a) != BitConverter.DoubleToInt64Bits(b) || order[s - 1] < order[s]));
            Assert.True(ordered, $"positions {s - 1}, {s}: {a:R} (cell {order[s - 1]}) before {b:R} (cell {order[s]})");
        }

        Assert.Empty(UrbanShareSum.AscendingOrder([]));
    }

    [Fact]
    public void Negative_or_missing_values_turn_the_bounds_off_and_every_step_sums()
    {
        double[] w = [1, 2, double.NaN, 4];
        double[] l = [0.1, 0.2, 0.3, 0.4];
        var sum = new UrbanShareSum(w, l, UrbanShareSum.AscendingOrder(l));
        Assert.False(sum.IsBelow(1, 1, 0.5)); // NaN < 0.5 is false, as the plain sum says
        Assert.Equal(1, sum.ExactSums);
        double[] negative = [1, -2, 3, 4];
        var signed = new UrbanShareSum(negative, l, UrbanShareSum.AscendingOrder(l));
        Assert.Equal(signed.Exact(2) / 6 < 0.3, signed.IsBelow(2, 6, 0.3));
        Assert.Equal(2, signed.ExactSums);
    }

    private static void AssertSameBits(LegacyPopulationProxy plain, PopulationProxy fast, int year)
    {
        Assert.Equal(plain.UrbanCellCount, fast.UrbanCellCount);
        Assert.Equal(plain.Urban, fast.Urban);
        AssertBits(plain.UrbanResidents, fast.UrbanResidents, $"urban residents {year}");
        AssertBits(plain.RuralResidents, fast.RuralResidents, $"rural residents {year}");
        AssertBits(plain.CityPopulation, fast.CityPopulation, $"city population {year}");
        AssertBits(plain.BaseCityPopulation, fast.BaseCityPopulation, $"base city population {year}");
    }

    private static void AssertBits(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            {
                Assert.Fail($"{what}: cell {i} is {actual[i]:R}, the plain bisection gives {expected[i]:R}");
            }
        }
    }

    // A landscape: cells without land (sea, outside the region), partly covered border cells, people lognormal
    // around a few towns, built-up land where people are dense; cities in vertical bands.
    private static (CellGeography Geo, LandLayers Land) Landscape(int seed, int columns, int rows, string kind)
    {
        var random = new Random(seed);
        var grid = new GridSpec("landscape", 1000, 100, 500, columns, rows);
        int n = grid.CellCount;
        var fraction = new double[n];
        var city = new int[n];
        var residents = new double[n];
        var builtUp = new double[n];
        var cropland = new double[n];
        var towns = Enumerable.Range(0, kind == "sparse" ? 3 : 8).Select(_ => (C: random.Next(columns), R: random.Next(rows))).ToArray();
        for (int i = 0; i < n; i++)
        {
            int c = grid.ColumnOf(i), r = grid.RowOf(i);
            double u = random.NextDouble();
            fraction[i] = kind switch
            {
                "uniform" => c == 0 || r == 0 ? 0 : 1,
                "sparse" => u < 0.8 ? 0 : u < 0.85 ? random.NextDouble() : 1,
                _ => u < 0.35 ? 0 : u < 0.45 ? random.NextDouble() : 1,
            };
            city[i] = fraction[i] > 0 ? Math.Min(2, c * 3 / columns) : -1;
            double nearest = towns.Min(t => Math.Sqrt(((t.C - c) * (t.C - c)) + ((t.R - r) * (t.R - r))));
            residents[i] = kind == "uniform" ? 800 : fraction[i] * (200 + (40_000 * Math.Exp(-nearest / 3)) * Math.Exp(random.NextDouble() - 0.5));
            builtUp[i] = kind == "uniform" ? 0 : Math.Clamp((residents[i] / 20_000) - 0.1, 0, 1);
            cropland[i] = fraction[i] > 0 ? 0.5 : 0;
        }

        CityInfo[] cities = Enumerable.Range(0, 3).Select(k => new CityInfo($"41{k}000", $"市{k}", $"City {k}", 0, 0)).ToArray();
        return (new CellGeography(grid, fraction, city, cities), new LandLayers(residents, builtUp, cropland));
    }
}
