using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Scenarios.Uncertainty;

namespace GridEmissions.Core.Tests.Scenarios.Uncertainty;

public sealed class UncertaintyParserTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gridem-uncertainty-" + Guid.NewGuid().ToString("N"));

    public UncertaintyParserTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, true);

    /// <summary>The shipped Henan scenario (input paths made absolute) with its uncertainty block replaced by <paramref name="block"/>.</summary>
    private string Scenario(string block)
    {
        string text = File.ReadAllText(ScenarioFixtures.ShippedScenario("henan-neutrality.yaml"));
        int at = text.IndexOf("\nuncertainty:", StringComparison.Ordinal);
        Assert.True(at > 0, "the shipped Henan scenario has an uncertainty block");
        text = text[..at].Replace(": ../", ": " + ScenarioFixtures.RepoRoot + "/", StringComparison.Ordinal) + "\nuncertainty:\n" + block + "\n";
        string path = Path.Combine(folder, "henan-test.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static ScenarioProblem Single(string path)
    {
        var problems = ScenarioReader.Validate(path);
        Assert.True(problems.Count == 1, string.Join(Environment.NewLine, problems));
        return problems[0];
    }

    [Fact]
    public void The_shipped_Henan_scenario_names_share_anchors_entry_probabilities_utilisation_bounds_and_proxy_weights()
    {
        Scenario s = ScenarioReader.Read(ScenarioFixtures.ShippedScenario("henan-neutrality.yaml"));
        string[] targets = [.. s.Uncertainty.Select(p => p.Target)];
        Assert.Contains("sectors.power.share_percent[year=2060].value", targets);
        Assert.Contains("sectors.power.model.pipeline.permitted.probability", targets);
        Assert.Contains("sectors.power.model.utilisation.max", targets);
        Assert.Contains("sectors.buildings.model.rural_weight", targets);
        Assert.Contains("population.urban_density_elasticity", targets);
        Assert.All(s.Uncertainty, p => Assert.False(string.IsNullOrWhiteSpace(p.Provenance.Note)));
        UncertainParameter share = s.Uncertainty.Single(p => p.Name == "power_share_2060");
        Assert.Equal("12", share.Nominal);
        Assert.Equal(new TriangularDistribution(6, 12, 20), share.Distribution);
        Assert.IsType<ChoiceDistribution>(s.Uncertainty.Single(p => p.Name == "power_merit_order").Distribution);
    }

    [Fact]
    public void A_parameter_not_in_the_scenario_is_an_error_naming_the_missing_key_and_the_nearest()
    {
        var p = Single(Scenario("  - {name: u, target: sectors.power.model.utilisation.maxx, distribution: uniform, min: 0.8, max: 0.9, basis: assumption, note: \"x\"}"));
        Assert.Contains("'sectors.power.model.utilisation.maxx', which is not in the scenario", p.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'max'", p.Message, StringComparison.Ordinal);
        Assert.True(p.Line > 200);
    }

    [Fact]
    public void A_list_item_that_does_not_exist_is_an_error_listing_the_items()
    {
        var p = Single(Scenario("  - {name: u, target: \"sectors.power.share_percent[year=2050].value\", distribution: uniform, min: 8, max: 16, basis: assumption, note: \"x\"}"));
        Assert.Contains("no item of 'sectors.power.share_percent' has year = 2050 (it has year = 2035, 2060)", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_grid_years_seed_and_inputs_cannot_vary()
    {
        var p = Single(Scenario("  - {name: u, target: grid.cell_size_m, distribution: uniform, min: 5000, max: 20000, basis: assumption, note: \"x\"}"));
        Assert.Contains("'grid' fixes the run's identity, grid, years, seed or inputs", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_distribution_reaching_outside_what_the_scenario_allows_is_an_error_with_the_scenario_rule()
    {
        var p = Single(Scenario("  - {name: permitted, target: sectors.power.model.pipeline.permitted.probability, distribution: uniform, min: 0.3, max: 1.2, basis: assumption, note: \"x\"}"));
        Assert.Contains("reaches 1.2", p.Message, StringComparison.Ordinal);
        Assert.Contains("a probability must be from 0 to 1", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("distribution: normal, mean: 1.0, sd: 0.05, min: 0.8, max: 0.95", "'uncertainty[0].mean' (1) is outside the bounds")]
    [InlineData("distribution: normal, mean: 0.9, sd: 0.05", "'uncertainty[0]' is missing the required key 'min'")]
    [InlineData("distribution: triangular, min: 0.8, mode: 0.99, max: 0.95", "'uncertainty[0].mode' (0.99) is outside [min, max]")]
    [InlineData("distribution: uniform, min: 0.9, max: 0.8", "must be above 'min'")]
    [InlineData("distribution: gaussian, min: 0.8, max: 0.9", "'uncertainty[0].distribution' is 'gaussian', which is not a distribution")]
    [InlineData("distribution: choice, values: [0.8, 0.9], weights: [1]", "one non-negative weight per value (2)")]
    public void Malformed_distributions_are_errors(string distribution, string expected)
    {
        var problems = ScenarioReader.Validate(Scenario($"  - {{name: u, target: sectors.power.model.utilisation.max, {distribution}, basis: assumption, note: \"x\"}}"));
        Assert.True(problems.Any(p => p.Message.Contains(expected, StringComparison.Ordinal)), string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_member_scenario_reads_the_drawn_values_in_place_of_the_nominal_ones()
    {
        string path = Scenario("  - {name: u, target: sectors.power.model.utilisation.max, distribution: uniform, min: 0.8, max: 0.95, basis: assumption, note: \"x\"}");
        Scenario nominal = ScenarioReader.Read(path);
        Scenario member = ScenarioReader.ReadWith(path, new Dictionary<string, string> { ["sectors.power.model.utilisation.max"] = "0.83", ["sectors.power.share_percent[year=2060].value"] = "17" });
        Assert.Equal(17, member.Sectors.Single(s => s.Sector.Id == "power").SharePercent.Single(a => a.Year == 2060).Value);
        Assert.Equal(12, nominal.Sectors.Single(s => s.Sector.Id == "power").SharePercent.Single(a => a.Year == 2060).Value);
        Assert.Equal(0.83, ((PointModelSpec)member.Sectors.Single(s => s.Sector.Id == "power").Model).MaxUtilisation);
        Assert.Equal(0.9, ((PointModelSpec)nominal.Sectors.Single(s => s.Sector.Id == "power").Model).MaxUtilisation);
    }

    [Fact]
    public void Triangular_and_uniform_quantiles_span_their_range()
    {
        var t = new TriangularDistribution(6, 12, 20);
        Assert.Equal(6, t.Quantile(0), 12);
        Assert.Equal(12, t.Quantile(6.0 / 14), 12);
        Assert.Equal(20, t.Quantile(1), 12);
        Assert.Equal(0.5, new UniformDistribution(0, 1).Quantile(0.5), 15);
        Assert.Equal("b", new ChoiceDistribution(["a", "b"], [0.7, 0.3]).Pick(0.75));
        Assert.Equal("a", new ChoiceDistribution(["a", "b"], [0.7, 0.3]).Pick(0.69));
    }
}
