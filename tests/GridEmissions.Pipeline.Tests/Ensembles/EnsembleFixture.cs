using GridEmissions.Pipeline.Ensembles;

namespace GridEmissions.Pipeline.Tests.Ensembles;

/// <summary>A 4-member ensemble of the shipped Henan neutrality scenario (its uncertainty block) in a temporary folder.</summary>
public sealed class EnsembleFixture : IDisposable
{
    /// <summary>Members in the fixture's ensemble.</summary>
    public const int Members = 4;

    /// <summary>Runs the ensemble.</summary>
    public EnsembleFixture()
    {
        Scenario = Path.Combine(HenanRunFixture.FindRepoRoot(), "scenarios", "henan-neutrality.yaml");
        Parent = Path.Combine(Path.GetTempPath(), "gridem-ensemble-tests-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Parent, "ensemble");
        Summary = EnsembleRun.Local(Scenario, Members, Root, false);
        Folder = EnsembleFolder.Open(Root);
    }

    /// <summary>The scenario.</summary>
    public string Scenario { get; }

    /// <summary>Temporary parent folder.</summary>
    public string Parent { get; }

    /// <summary>The ensemble folder.</summary>
    public string Root { get; }

    /// <summary>The ensemble.</summary>
    public EnsembleFolder Folder { get; }

    /// <summary>What the merge returned.</summary>
    public EnsembleSummary Summary { get; }

    /// <summary>The statistics folder.</summary>
    public string Statistics => Path.Combine(Root, "statistics");

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Parent))
        {
            Directory.Delete(Parent, true);
        }
    }
}
