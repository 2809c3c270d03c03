using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Tests.Scenarios;

public sealed class ScenarioFormatDocTests
{
    [Fact]
    public void The_complete_example_in_the_format_document_is_a_valid_scenario()
    {
        string doc = File.ReadAllText(Path.Combine(ScenarioFixtures.RepoRoot, "docs", "scenario-format.md"));
        int section = doc.IndexOf("## Complete example", StringComparison.Ordinal);
        Assert.True(section >= 0, "docs/scenario-format.md has no '## Complete example' section");
        int start = doc.IndexOf("```yaml\n", section, StringComparison.Ordinal) + "```yaml\n".Length;
        int end = doc.IndexOf("```", start, StringComparison.Ordinal);
        string yaml = doc[start..end];

        using var sandbox = new ScenarioSandbox();
        var problems = ScenarioReader.Validate(sandbox.Write("example.yaml", yaml));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        var targets = SectorTargets.Compute(ScenarioReader.Read(sandbox.Write("example.yaml", yaml)));
        Assert.Equal(587.31, targets.TotalMt(2024));
        Assert.Equal(120 * Math.Pow(1 - 0.112, 10), targets.TotalMt(2060), 9);
    }
}
