using GridEmissions.Cli.Tests.Commands.BadInputs;

namespace GridEmissions.Cli.Tests.Commands.Faults;

/// <summary>
/// An input edited while a run works on it (after it was read, while the years are written): the run cannot
/// record the data it used under the file's new hash, so it fails with exit 1 naming the file once every output
/// is written, and commits nothing; the other inputs are unchanged.
/// </summary>
public sealed class InputEditedTests
{
    [Theory]
    [InlineData("boundaries/cities.geojson")]
    [InlineData("scenarios/henan-neutrality.yaml")]
    public void An_input_edited_during_a_run_fails_it_naming_the_file_and_nothing_is_committed(string edited)
    {
        using var folder = new CaseFolder();
        var inputs = folder.Snapshot();
        using var run = GridemProcess.Start(folder, json: true, "run", FaultChecks.Scenario(folder), "--out", folder.Out);
        run.Reach(KillPoint.Year(5, 0));
        File.AppendAllText(folder.PathOf(edited), "\n");
        int code = run.WaitForExit();

        FaultChecks.Clean(run, $"{edited} edited");
        Assert.True(code == 1, $"{edited} edited during the run: expected exit 1, got {code}; {run.Console}");
        Assert.True(
            run.Lines.Any(l => l.Level == "error" && l.Message.Contains("changed while gridem was reading it", StringComparison.Ordinal)) && run.Stderr.Contains(folder.PathOf(edited), StringComparison.Ordinal),
            $"no error naming {folder.PathOf(edited)} as changed; {run.Console}");
        Assert.Empty(FaultChecks.Beside(folder));

        var after = folder.Snapshot();
        string key = edited.Replace('/', Path.DirectorySeparatorChar);
        Assert.NotEqual(inputs[key], after[key]);
        after[key] = inputs[key];
        Assert.Equal(inputs, after);
    }
}
