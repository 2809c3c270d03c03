using GridEmissions.Cli.Tests.Commands.BadInputs;

namespace GridEmissions.Cli.Tests.Commands.Faults;

/// <summary>
/// SIGTERM and SIGINT in the middle of a run (while the years are written, and while the maps are drawn): exit
/// 143 / 130 with a message, the temporary folder and the lock removed, nothing at --out, inputs unchanged. The run
/// is stopped at the point before the signal is sent, so the signal cannot arrive after the run has finished.
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

    /// <summary>Runs that finished between writing the point's line and being stopped, before the test gives up.</summary>
    private const int Attempts = 3;

    /// <summary>
    /// Runs the scenario, holds it (SIGSTOP) at <paramref name="point"/> with its temporary folder still there,
    /// sends the signal to the stopped run and resumes it, so the signal lands at that point however loaded the
    /// machine is. A run that got past its commit before the stop could land is run again (at most
    /// <see cref="Attempts"/> times); the assertions on the signalled run are the same.
    /// </summary>
    private static void Stop(string signal, int expected, string name, KillPoint point)
    {
        var missed = new List<string>();
        while (true)
        {
            using var folder = new CaseFolder();
            var inputs = folder.Snapshot();
            using var run = GridemProcess.StartHeldAt(folder, point, "run", FaultChecks.Scenario(folder), "--out", folder.Out);
            bool held = run.Hold();
            if (!held || !FaultChecks.Beside(folder).Contains(FaultChecks.Partial(run.Pid)))
            {
                run.Signal("CONT", mayBeGone: true);
                missed.Add(FormattableString.Invariant($"attempt {missed.Count + 1}: exit {run.WaitForExit()}, beside --out: {string.Join(", ", FaultChecks.Beside(folder))}"));
                Assert.True(missed.Count < Attempts, $"SIG{signal} at {point}: the run got past its commit before it could be stopped there, {Attempts} times: {string.Join("; ", missed)}");
                continue;
            }

            Assert.True(run.IsStopped, $"SIG{signal} at {point}: the run is not stopped at its point; {run.Console}");
            run.Signal(signal);
            run.Signal("CONT");
            int code = run.WaitForExit();

            FaultChecks.Clean(run, $"SIG{signal} at {point}", signalledCode: expected);
            Assert.True(code == expected, $"SIG{signal} at {point}: expected exit {expected}, got {code}; {run.Console}");
            string message = $"stopped by {name}: nothing was written to {folder.Out} (the unfinished temporary folder was removed); exit code {expected}.";
            Assert.True(run.Lines.Any(l => l.Level == "error" && l.Message == message), $"SIG{signal}: no line '{message}'; {run.Console}");
            Assert.Empty(FaultChecks.Beside(folder));
            Assert.Equal(inputs, folder.Snapshot());
            return;
        }
    }
}
