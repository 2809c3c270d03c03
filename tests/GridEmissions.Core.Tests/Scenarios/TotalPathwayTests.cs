using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Tests.Scenarios;

public sealed class TotalPathwayTests
{
    private static readonly Provenance P = new(Provenance.Assumption, "test");

    private static TotalPathwaySpec Anchors(Interpolation interpolation, (int Year, double Mt)[] anchors, params (int From, int To, double Percent)[] rates) =>
        new(PathwayMethod.Anchors, interpolation,
            anchors.Select(a => new YearValue(a.Year, a.Mt, P)).ToArray(),
            rates.Select(r => new RatePeriod(r.From, r.To, r.Percent, P)).ToArray(), [], []);

    [Fact]
    public void Geometric_interpolation_hits_every_anchor_exactly()
    {
        var spec = Anchors(Interpolation.Geometric, [(2024, 587.31), (2028, 591), (2035, 514), (2060, 39)]);
        double[] v = TotalPathway.Evaluate(spec, 2024, 2060);
        Assert.Equal(37, v.Length);
        Assert.Equal(587.31, v[0]);
        Assert.Equal(591, v[2028 - 2024]);
        Assert.Equal(514, v[2035 - 2024]);
        Assert.Equal(39, v[2060 - 2024]);
    }

    [Fact]
    public void Geometric_interpolation_keeps_a_constant_annual_rate_between_anchors()
    {
        var spec = Anchors(Interpolation.Geometric, [(2024, 100), (2034, 50)]);
        double[] v = TotalPathway.Evaluate(spec, 2024, 2034);
        double ratio = Math.Pow(0.5, 0.1);
        for (int i = 1; i < v.Length; i++)
        {
            Assert.True(Math.Abs((v[i] / v[i - 1]) - ratio) < 1e-12, $"year {2024 + i}: expected ratio {ratio}, got {v[i] / v[i - 1]}");
        }

        Assert.Equal(100 * Math.Sqrt(0.5), v[5], 12);
    }

    [Fact]
    public void Linear_interpolation_moves_by_equal_steps()
    {
        var spec = Anchors(Interpolation.Linear, [(2024, 100), (2034, 50)]);
        double[] v = TotalPathway.Evaluate(spec, 2024, 2034);
        Assert.Equal(75, v[5], 12);
        Assert.Equal(95, v[1], 12);
        Assert.Equal(50, v[10]);
    }

    [Fact]
    public void Rates_compound_each_year_after_the_last_anchor()
    {
        var spec = Anchors(Interpolation.Geometric, [(2024, 2390), (2035, 2187)], (2036, 2050, -9.4), (2051, 2060, -4.4));
        double[] v = TotalPathway.Evaluate(spec, 2024, 2060);
        double expected2050 = 2187 * Math.Pow(1 - 0.094, 15);
        double expected2060 = expected2050 * Math.Pow(1 - 0.044, 10);
        Assert.True(Math.Abs(v[2050 - 2024] - expected2050) < 1e-9 * expected2050, $"2050: expected {expected2050}, got {v[2050 - 2024]}, difference {v[2050 - 2024] - expected2050}");
        Assert.True(Math.Abs(v[2060 - 2024] - expected2060) < 1e-9 * expected2060, $"2060: expected {expected2060}, got {v[2060 - 2024]}, difference {v[2060 - 2024] - expected2060}");
        Assert.Equal(2187 * 0.906, v[2036 - 2024], 9);
    }

    [Fact]
    public void Intensity_method_carries_the_base_total_by_gdp_growth_and_intensity_reduction()
    {
        var spec = new TotalPathwaySpec(PathwayMethod.Intensity, Interpolation.Geometric,
            [new YearValue(2024, 100, P)], [],
            [new RatePeriod(2025, 2026, 5, P), new RatePeriod(2027, 2027, 2, P)],
            [new RatePeriod(2025, 2027, 10, P)]);
        double[] v = TotalPathway.Evaluate(spec, 2024, 2027);
        Assert.Equal(100, v[0]);
        Assert.Equal(100 * 1.05 * 0.9, v[1], 12);
        Assert.Equal(100 * 1.05 * 0.9 * 1.05 * 0.9, v[2], 12);
        Assert.Equal(100 * 1.05 * 0.9 * 1.05 * 0.9 * 1.02 * 0.9, v[3], 12);
    }

    [Fact]
    public void Evaluate_refuses_a_pathway_without_a_base_year_anchor_or_without_rates_to_the_end()
    {
        Assert.Throws<ArgumentException>(() => TotalPathway.Evaluate(Anchors(Interpolation.Linear, [(2025, 1)]), 2024, 2030));
        Assert.Throws<ArgumentException>(() => TotalPathway.Evaluate(Anchors(Interpolation.Linear, [(2024, 1)], (2025, 2029, -1)), 2024, 2030));
    }
}
