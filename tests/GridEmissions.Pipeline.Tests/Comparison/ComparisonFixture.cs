using GridEmissions.Pipeline.Comparison;

namespace GridEmissions.Pipeline.Tests.Comparison;

/// <summary>
/// Runs (grids only) henan-reference, henan-neutrality and a plant what-if of henan-neutrality
/// (facility_overrides: the largest power unit retires in 2030) from copies of the
/// scenarios in a temporary <c>scenarios/</c> folder (input paths made absolute), then compares
/// neutrality − reference and what-if − neutrality.
/// </summary>
public sealed class ComparisonFixture : IDisposable
{
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

        foreach (string name in new[] { "henan-reference", "henan-neutrality" })
        {
            ScenarioRun.Execute(Path.Combine(scenarios, name + ".yaml"), Run(name), false);
        }

        // the largest power unit that still operates at its own site in 2031 in the base run
        var (_, rows) = HenanRunFixture.ReadCsv(Path.Combine(Run("henan-neutrality"), "facilities.csv"));
        RetiredUnit = rows.Where(r => r["year"] == "2031" && r["sector"] == "power" && r["status"] == "operating" && !r["facility_id"].Contains(':', StringComparison.Ordinal))
            .OrderByDescending(r => HenanRunFixture.Number(r["emissions_t"])).ThenBy(r => r["facility_id"], StringComparer.Ordinal).First()["facility_id"];
        string whatIf = File.ReadAllText(Path.Combine(scenarios, "henan-neutrality.yaml"))
            .Replace("id: henan-neutrality", "id: henan-plant-whatif", StringComparison.Ordinal)
            .Replace("      merit_order: oldest", $"      merit_order: oldest\n      facility_overrides:\n        - {{id: \"{RetiredUnit}\", from_year: 2030, action: retire, basis: assumption, note: \"what if the largest unit closes in 2030\"}}", StringComparison.Ordinal);
        Assert.Contains("facility_overrides", whatIf, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(scenarios, "henan-plant-whatif.yaml"), whatIf);
        ScenarioRun.Execute(Path.Combine(scenarios, "henan-plant-whatif.yaml"), Run("henan-plant-whatif"), false);

        Policy = RunComparison.Execute(Run("henan-reference"), Run("henan-neutrality"), Path.Combine(Parent, "compare-policy"), false);
        Plant = RunComparison.Execute(Run("henan-neutrality"), Run("henan-plant-whatif"), Path.Combine(Parent, "compare-plant"), false);
    }

    /// <summary>The power unit the what-if retires from 2030: the base run's largest unit operating at its own site in 2031.</summary>
    public string RetiredUnit { get; }

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
