using GridEmissions.Pipeline.Comparison;

namespace GridEmissions.Pipeline.Tests.Comparison;

/// <summary>
/// Runs (grids only) henan-reference, henan-neutrality and a plant what-if of henan-neutrality
/// (facility_overrides: a coal unit retires in 2030, another gets CCUS in 2035) from copies of the
/// scenarios in a temporary <c>scenarios/</c> folder (input paths made absolute), then compares
/// neutrality − reference and what-if − neutrality.
/// </summary>
public sealed class ComparisonFixture : IDisposable
{
    /// <summary>The coal unit the what-if retires in 2030 (Qinbei Phase III Unit 5, the example of docs/scenario-format.md).</summary>
    public const string RetiredUnit = "G100000104485";

    /// <summary>Runs and compares.</summary>
    public ComparisonFixture()
    {
        string repo = HenanRunFixture.FindRepoRoot();
        Parent = Path.Combine(Path.GetTempPath(), "gridem-compare-tests-" + Guid.NewGuid().ToString("N"));
        string scenarios = Path.Combine(Parent, "scenarios");
        Directory.CreateDirectory(scenarios);
        foreach (string name in new[] { "henan-reference", "henan-neutrality" })
        {
            File.WriteAllText(Path.Combine(scenarios, name + ".yaml"), Absolute(File.ReadAllText(Path.Combine(repo, "scenarios", name + ".yaml")), repo));
        }

        string whatIf = File.ReadAllText(Path.Combine(scenarios, "henan-neutrality.yaml"))
            .Replace("id: henan-neutrality", "id: henan-plant-whatif", StringComparison.Ordinal)
            .Replace("      merit_order: oldest", $"      merit_order: oldest\n      facility_overrides:\n        - {{id: \"{RetiredUnit}\", from_year: 2030, action: retire, basis: assumption, note: \"what if Qinbei Phase III Unit 5 closes in 2030\"}}\n        - {{id: \"G100000104452\", from_year: 2035, action: ccus, capture_rate: 0.9, basis: assumption, note: \"what if Huaneng Luoyang Unit 1 gets CCUS\"}}", StringComparison.Ordinal);
        Assert.Contains("facility_overrides", whatIf, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(scenarios, "henan-plant-whatif.yaml"), whatIf);
        foreach (string name in new[] { "henan-reference", "henan-neutrality", "henan-plant-whatif" })
        {
            ScenarioRun.Execute(Path.Combine(scenarios, name + ".yaml"), Run(name), false);
        }

        Policy = RunComparison.Execute(Run("henan-reference"), Run("henan-neutrality"), Path.Combine(Parent, "compare-policy"), false);
        Plant = RunComparison.Execute(Run("henan-neutrality"), Run("henan-plant-whatif"), Path.Combine(Parent, "compare-plant"), false);
    }

    /// <summary>Temporary folder.</summary>
    public string Parent { get; }

    /// <summary>henan-neutrality − henan-reference.</summary>
    public ComparisonResult Policy { get; }

    /// <summary>henan-plant-whatif − henan-neutrality.</summary>
    public ComparisonResult Plant { get; }

    /// <summary>The run folder of a scenario.</summary>
    public string Run(string name) => Path.Combine(Parent, "runs", name);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Parent))
        {
            Directory.Delete(Parent, true);
        }
    }

    private static string Absolute(string text, string repo) => text
        .Replace(": ../", ": " + repo + "/", StringComparison.Ordinal);
}
