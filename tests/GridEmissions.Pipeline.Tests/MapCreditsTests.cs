using GridEmissions.Core.Scenarios;

namespace GridEmissions.Pipeline.Tests;

public class MapCreditsTests
{
    [Theory]
    [InlineData("henan-neutrality.yaml")]
    [InlineData("yrd-neutrality.yaml")]
    public void The_map_footer_credits_every_licensed_source_of_the_run_and_its_real_cell_size(string file)
    {
        Scenario scenario = ScenarioReader.Read(RepoPaths.Under("scenarios", file));
        string line = MapCredits.Line(scenario, 10_000);
        Assert.Contains("Global Energy Monitor (CC BY 4.0)", line, StringComparison.Ordinal);
        Assert.Contains("WorldPop (CC BY 4.0)", line, StringComparison.Ordinal);
        Assert.Contains("MODIS", line, StringComparison.Ordinal);
        Assert.Contains("Apache ECharts", line, StringComparison.Ordinal);
        Assert.EndsWith("China Albers equal-area, 10 km cells", line, StringComparison.Ordinal);
        Assert.Equal(line.Split("; ").Length, line.Split("; ").Distinct(StringComparer.Ordinal).Count());
        Assert.EndsWith("2.5 km cells", MapCredits.Line(scenario, 2_500), StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_input_is_credited_by_its_role_and_file()
    {
        Scenario scenario = ScenarioReader.Read(RepoPaths.Under("scenarios", "henan-neutrality.yaml"));
        var files = new Dictionary<string, string>(scenario.Inputs.Files, StringComparer.Ordinal) { ["population_grid"] = "/data/my_population_1km.tif" };
        string line = MapCredits.Line(scenario with { Inputs = scenario.Inputs with { Files = files } }, 1_000);
        Assert.Contains("population_grid: my_population_1km.tif", line, StringComparison.Ordinal);
        Assert.DoesNotContain("WorldPop", line, StringComparison.Ordinal);
    }
}
