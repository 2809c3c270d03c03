using GridEmissions.Pipeline;

namespace GridEmissions.Pipeline.Tests;

/// <summary>Runs the shipped scenarios once (and the Henan one twice, for determinism) into a temp folder shared by the tests.</summary>
public sealed class ShippedRuns : IDisposable
{
    public ShippedRuns()
    {
        Folder = Path.Combine(Path.GetTempPath(), "gridem-tests-" + Guid.NewGuid().ToString("N"));
        Henan = Path.Combine(Folder, "henan");
        HenanAgain = Path.Combine(Folder, "henan-again");
        Yrd = Path.Combine(Folder, "yrd");
        Baseline = Path.Combine(Folder, "baseline");
        ScenarioRun.Execute(RepoPaths.Under("scenarios", "henan-neutrality.yaml"), Henan, false, null, RunOutputs.Write);
        ScenarioRun.Execute(RepoPaths.Under("scenarios", "henan-neutrality.yaml"), HenanAgain, false, null, RunOutputs.Write);
        ScenarioRun.Execute(RepoPaths.Under("scenarios", "yrd-neutrality.yaml"), Yrd, false, null, RunOutputs.Write);
        BaselineBuild.Execute([RepoPaths.Under("scenarios", "henan-neutrality.yaml"), RepoPaths.Under("scenarios", "yrd-neutrality.yaml")], Baseline, false);
    }

    public string Folder { get; }

    public string Henan { get; }

    public string HenanAgain { get; }

    public string Yrd { get; }

    public string Baseline { get; }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, true);
        }
    }
}
