using GridEmissions.Cli.Tests.Commands.BadInputs;

namespace GridEmissions.Cli.Tests.Commands.Faults;

/// <summary>
/// Two runs into one --out: the first is frozen (SIGSTOP) while it holds the lock, so the second meets it
/// however slow the machine is; the second fails with exit 1 naming the lock and the first's PID before it
/// allocates a year or writes a file, and the first, resumed, completes.
/// </summary>
public sealed class ConcurrentRunTests
{
    [Fact]
    public void A_second_run_into_the_same_out_fails_at_once_naming_the_lock_and_the_first_completes()
    {
        using var folder = new CaseFolder();
        var inputs = folder.Snapshot();
        string lockFile = Path.Combine(folder.OutParent, ".run.lock");
        using var first = GridemProcess.StartHeldAt(folder, KillPoint.Year(1, 0), "run", FaultChecks.Scenario(folder), "--out", folder.Out);
        Assert.True(first.Hold(), $"the first run ended before it could be stopped at its first year; {first.Console}");
        try
        {
            using var second = GridemProcess.Start(folder, json: true, "run", FaultChecks.Scenario(folder), "--out", folder.Out);
            int code = second.WaitForExit();
            FaultChecks.Clean(second, "the second run");
            Assert.True(code == 1, $"the second run: expected exit 1, got {code}; {second.Console}");
            // The lock and its holder are named: the PID, host and start time come from the holder file the first run wrote.
            string expected = FormattableString.Invariant($"another gridem run (PID {first.Pid} on {Environment.MachineName}, started ");
            string where = FormattableString.Invariant($") is writing this output directory right now (lock file {lockFile}).");
            Assert.True(second.Lines.Any(l => l.Level == "error" && l.Message.StartsWith(expected, StringComparison.Ordinal) && l.Message.EndsWith(where, StringComparison.Ordinal)), $"the second run does not say '{expected}…{where}'; {second.Console}");
            Assert.DoesNotContain(second.Lines, l => l.Level == "progress");
            Assert.Equal(new[] { FaultChecks.Partial(first.Pid), ".run.lock", ".run.lock.holder" }.Order(StringComparer.Ordinal), FaultChecks.Beside(folder));
        }
        finally
        {
            first.Signal("CONT");
        }

        Assert.True(first.WaitForExit() == 0, $"the first run failed after the second was refused; {first.Console}");
        FaultChecks.Clean(first, "the first run");
        Assert.Equal(["run"], FaultChecks.Beside(folder));
        FaultChecks.Complete(folder.Out, folder);
        Assert.Equal(inputs, folder.Snapshot());
    }
}
