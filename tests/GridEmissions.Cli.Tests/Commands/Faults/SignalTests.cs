using GridEmissions.Cli.Tests.Commands.BadInputs;

namespace GridEmissions.Cli.Tests.Commands.Faults;

/// <summary>
/// SIGTERM and SIGINT in the middle of a run (while the years are written, and while the maps are drawn): exit
/// 143 / 130 with a message, the temporary folder and the lock removed, nothing at --out, inputs unchanged.
/// </summary>
public sealed class SignalTests
{
    [Fact]
    public void SIGTERM_while_the_years_are_written_exits_143_with_a_message_and_removes_the_temporary_folder() =>
        Stop("TERM", 143, "SIGTERM", KillPoint.Year(12, 0));

    [Fact]
    public void SIGINT_while_the_maps_are_drawn_exits_130_with_a_message_and_removes_the_temporary_folder() =>
        Stop("INT", 130, "SIGINT (Ctrl-C)", KillPoint.Step("hotspots written", 0));

    [Fact]
    public void SIGTERM_while_the_report_is_written_exits_143_with_a_message_and_removes_the_temporary_folder() =>
        Stop("TERM", 143, "SIGTERM", KillPoint.Step("QGIS styles written", 0));

    private static void Stop(string signal, int expected, string name, KillPoint point)
    {
        using var folder = new CaseFolder();
        var inputs = folder.Snapshot();
        using var run = GridemProcess.Start(folder, json: true, "run", FaultChecks.Scenario(folder), "--out", folder.Out);
        run.Reach(point);
        Assert.Contains(FaultChecks.Partial(run.Pid), FaultChecks.Beside(folder));
        run.Signal(signal);
        int code = run.WaitForExit();

        FaultChecks.Clean(run, $"SIG{signal} at {point}", signalledCode: expected);
        Assert.True(code == expected, $"SIG{signal} at {point}: expected exit {expected}, got {code}; {run.Console}");
        string message = $"stopped by {name}: nothing was written to {folder.Out} (the unfinished temporary folder was removed); exit code {expected}.";
        Assert.True(run.Lines.Any(l => l.Level == "error" && l.Message == message), $"SIG{signal}: no line '{message}'; {run.Console}");
        Assert.Empty(FaultChecks.Beside(folder));
        Assert.Equal(inputs, folder.Snapshot());
    }
}
