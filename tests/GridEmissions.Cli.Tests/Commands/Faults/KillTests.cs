using GridEmissions.Cli.Tests.Commands.BadInputs;

namespace GridEmissions.Cli.Tests.Commands.Faults;

/// <summary>
/// kill -9 at five seeded points of a run (points of its own progress, so the test does not depend on the
/// machine's speed): first into a new --out, then (with --force) over a complete run. After every kill the
/// inputs are unchanged, nothing outside the parent of --out changed, no folder at --out looks complete unless
/// it is (the previous run, byte for byte), and the next run cleans the dead process's <c>.run.partial-PID</c>.
/// </summary>
public sealed class KillTests
{
    private const int Seed = 20261202;

    [Fact]
    public void Runs_killed_at_seeded_points_leave_no_complete_looking_folder_and_the_next_run_cleans_up()
    {
        IReadOnlyList<KillPoint> points = KillPoint.Draw(Seed);
        using var folder = new CaseFolder();
        var inputs = folder.Snapshot();
        var dead = new List<int>();

        // Into a new --out: nothing may appear there.
        foreach (KillPoint point in points.Take(2))
        {
            int pid = KillAt(folder, point, force: false, dead);
            Assert.False(Directory.Exists(folder.Out), $"{point}: a folder appeared at --out after kill -9");
            Assert.Contains(FaultChecks.Partial(pid), FaultChecks.Beside(folder));
            Assert.Equal(inputs, folder.Snapshot());
        }

        string reference = CompleteRun(folder, force: false, dead, inputs);

        // Over a complete run (--force): it stays as it was (a finished replacement is byte-identical: same inputs).
        foreach (KillPoint point in points.Skip(2))
        {
            int pid = KillAt(folder, point, force: true, dead);
            if (Directory.Exists(folder.Out))
            {
                Assert.Equal(reference, FaultChecks.Complete(folder.Out, folder));
            }
            else
            {
                // Killed between the two renames of the replacement: the old run waits beside, for the next run to put back.
                string old = Path.Combine(folder.OutParent, FaultChecks.Old(pid));
                Assert.True(Directory.Exists(old), $"{point}: the previous run is gone from --out and not kept beside it: {string.Join(", ", FaultChecks.Beside(folder))}");
                Assert.Equal(reference, FaultChecks.Complete(old, folder));
            }

            Assert.Equal(inputs, folder.Snapshot());
        }

        Assert.Equal(reference, CompleteRun(folder, force: true, dead, inputs));
    }

    /// <summary>Starts a run, kills it with SIGKILL at <paramref name="point"/>; asserts the earlier dead runs' partial folders are gone.</summary>
    private static int KillAt(CaseFolder folder, KillPoint point, bool force, List<int> dead)
    {
        using var run = GridemProcess.Start(folder, json: true, ["run", FaultChecks.Scenario(folder), "--out", folder.Out, .. force ? new[] { "--force" } : []]);
        run.Reach(point);
        Thread.Sleep(point.DelayMs);
        run.Kill9();
        int code = run.WaitForExit();
        FaultChecks.Clean(run, point.Description, signalledCode: 137);
        Assert.True(code == 137 || (force && code == 0), $"{point}: expected death by SIGKILL (137), got {code}; {run.Console}");
        string[] beside = FaultChecks.Beside(folder);
        foreach (int pid in dead)
        {
            Assert.DoesNotContain(FaultChecks.Partial(pid), beside);
        }

        dead.Add(run.Pid);
        return run.Pid;
    }

    /// <summary>Runs to the end: exit 0, the dead runs' folders and lock cleaned, a complete folder at --out; its fingerprint.</summary>
    private static string CompleteRun(CaseFolder folder, bool force, List<int> dead, SortedDictionary<string, string> inputs)
    {
        using var run = GridemProcess.Run(folder, json: false, ["run", FaultChecks.Scenario(folder), "--out", folder.Out, .. force ? new[] { "--force" } : []]);
        FaultChecks.Clean(run, "the run after the kills");
        Assert.True(run.ExitCode == 0, $"the run after kill -9 of {string.Join(", ", dead)} failed; {run.Console}");
        Assert.Equal(["run"], FaultChecks.Beside(folder));
        Assert.Equal(inputs, folder.Snapshot());
        return FaultChecks.Complete(folder.Out, folder);
    }
}
