using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Tests.Scenarios;

public sealed class SinkScenarioTests
{
    private static string Example()
    {
        string doc = File.ReadAllText(Path.Combine(ScenarioFixtures.RepoRoot, "docs", "scenario-format.md"));
        string Block(string heading)
        {
            int section = doc.IndexOf(heading, StringComparison.Ordinal);
            Assert.True(section >= 0, $"docs/scenario-format.md has no '{heading}' section");
            int start = doc.IndexOf("```yaml\n", section, StringComparison.Ordinal) + "```yaml\n".Length;
            return doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        }

        const string Cropland = "  cropland_grid: ../proxies/modis_2019_cropland_0p1deg.tif\n";
        string complete = Block("## Complete example");
        Assert.Contains(Cropland, complete, StringComparison.Ordinal);
        return complete.Replace(Cropland, Cropland + "  forest_grid: ../proxies/modis_2019_forest_0p1deg.tif\n  other_vegetation_grid: ../proxies/modis_2019_other_vegetation_0p1deg.tif\n", StringComparison.Ordinal)
            + Block("## `sinks`");
    }

    private static IReadOnlyList<ScenarioProblem> Problems(string yaml)
    {
        using var sandbox = new ScenarioSandbox();
        return ScenarioReader.Validate(sandbox.Write("sinks.yaml", yaml));
    }

    [Fact]
    public void The_documented_sinks_example_is_valid_and_reads_into_the_object_model()
    {
        string yaml = Example();
        using var sandbox = new ScenarioSandbox();
        Scenario s = ScenarioReader.Read(sandbox.Write("sinks.yaml", yaml));
        Assert.NotNull(s.Sinks);
        Assert.Equal(367, s.Sinks.Land!.Rate("forest"));
        Assert.Equal(-48.96, s.Sinks.Land.TargetMt[0].Value);
        Assert.Equal("BECCS", s.Sinks.Removals!.Kind);
        Assert.Equal(300, s.Sinks.Storage!.Sites[0].CapacityMt);
        Assert.Equal(2030, s.Sinks.Storage.Sites[0].FromYear);
        Assert.Equal(["land_sink", "removals"], s.Sinks.SectorIds);
    }

    [Theory]
    [InlineData("value_mt: -48.96", "value_mt: 48.96", "a sink or removal takes CO2 up")]
    [InlineData("capacity_mt: 300", "capacity_mt: -300", "cannot be negative")]
    [InlineData("province: Henan, lon: 115.10", "province: Hebei, lon: 115.10", "not one of the scenario's provinces")]
    [InlineData("forest: {value: 367", "forest: {value: -367", "cannot be negative")]
    [InlineData("  forest_grid: ../proxies/modis_2019_forest_0p1deg.tif\n", "", "needs the input 'forest_grid'")]
    [InlineData("share: 1,", "share: 0,", "must be above zero")]
    public void Bad_sink_inputs_give_a_clear_error_on_their_line(string find, string replace, string message)
    {
        string yaml = Example();
        Assert.Contains(find, yaml, StringComparison.Ordinal);
        var problems = Problems(yaml.Replace(find, replace, StringComparison.Ordinal));
        ScenarioProblem p = Assert.Single(problems);
        Assert.Contains(message, p.Message, StringComparison.Ordinal);
        Assert.True(p.Line > 0 && p.Fix.Length > 0, p.ToString());
    }
}
