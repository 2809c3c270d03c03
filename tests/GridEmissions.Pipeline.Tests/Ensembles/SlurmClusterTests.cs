using System.Diagnostics;
using System.Globalization;
using GridEmissions.Pipeline.Ensembles;
using Xunit.Abstractions;

namespace GridEmissions.Pipeline.Tests.Ensembles;

/// <summary>
/// Starts a real single-node Slurm cluster (Debian slurm-wlm + munge: munged, slurmctld and slurmd
/// on this host with a generated slurm.conf and random ports, state in a temporary folder), submits
/// an 8-member ensemble as a job array, waits for it, merges, and checks that members and statistics
/// are byte-identical to the same ensemble run locally; then stops the daemons. Needs root (the
/// daemons run as root here); as another user it reports why it does not run.
/// </summary>
public sealed class SlurmClusterTests(ITestOutputHelper output)
{
    private const int Members = 8;

    [Fact]
    public void An_ensemble_run_as_a_Slurm_job_array_merges_to_the_same_bytes_as_the_local_ensemble()
    {
        if (Environment.UserName != "root")
        {
            output.WriteLine("not run: the test starts munged, slurmctld and slurmd itself, which needs root (run the suite as root, as CI does).");
            return;
        }

        foreach (string tool in new[] { "/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch" })
        {
            Assert.True(File.Exists(tool), $"{tool} is missing: install the test tools with `bash tools/install-native.sh --with-test-tools` (Debian slurm-wlm and munge).");
        }

        string repo = HenanRunFixture.FindRepoRoot();
        string gridem = Path.Combine(repo, "src", "GridEmissions.Cli", "bin", "Release", "net10.0", "gridem.dll");
        Assert.True(File.Exists(gridem), $"{gridem} is missing: build the solution (`dotnet build GridEmissions.sln -c Release`).");
        string scenario = Path.Combine(repo, "scenarios", "henan-neutrality.yaml");
        string root = Path.Combine(Path.GetTempPath(), "gridem-slurm-tests-" + Guid.NewGuid().ToString("N"));
        using var cluster = new LocalSlurmCluster(Path.Combine(root, "cluster"));
        try
        {
            var watch = Stopwatch.StartNew();
            EnsembleRun.Local(scenario, Members, Path.Combine(root, "local"), false);
            output.WriteLine($"local ensemble: {watch.Elapsed.TotalSeconds:0} s");
            string script = EnsembleRun.Slurm(scenario, Members, Path.Combine(root, "slurm"), false, new SlurmResources(1024, "00:30:00"), $"{Environment.ProcessPath ?? "dotnet"} {gridem}");
            Assert.Contains($"#SBATCH --array=1-{Members}", File.ReadAllText(script), StringComparison.Ordinal);
            watch.Restart();
            var (code, stdout, stderr) = cluster.Run("/usr/bin/sbatch", "--wait", script);
            output.WriteLine($"sbatch --wait: exit {code} after {watch.Elapsed.TotalSeconds:0} s; {stdout.Trim()} {stderr.Trim()}");
            Assert.True(code == 0, $"the job array failed (exit {code}): {stderr}\n{Logs(Path.Combine(root, "slurm", "slurm", "logs"))}");
            var folder = EnsembleFolder.Open(Path.Combine(root, "slurm"));
            Assert.All(Enumerable.Range(1, Members), m => Assert.True(folder.IsComplete(m), $"member {m} did not finish"));
            EnsembleMerge.Merge(folder);
            foreach (string part in new[] { "members", "statistics" })
            {
                string a = Path.Combine(root, "local", part), b = Path.Combine(root, "slurm", part);
                string[] files = [.. Directory.GetFiles(a, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a, f)).Order(StringComparer.Ordinal)];
                Assert.Equal(files, Directory.GetFiles(b, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(b, f)).Order(StringComparer.Ordinal));
                Assert.True(files.Length > (part == "members" ? Members * 37 : 10), $"{part}: {files.Length} files");
                foreach (string f in files)
                {
                    Assert.True(File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))), $"{part}/{f} differs between the local and the Slurm ensemble");
                }
            }
        }
        finally
        {
            cluster.Dispose();
            if (Directory.Exists(root))
            {
                Directory.Delete(root, true);
            }
        }
    }

    private static string Logs(string dir) =>
        Directory.Exists(dir) ? string.Join("\n", Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(f => Path.GetFileName(f) + ": " + File.ReadAllText(f))) : "(no logs)";
}

/// <summary>munged, slurmctld and slurmd on this host with their configuration and state in one folder; stopped (by their pid files) on dispose.</summary>
public sealed class LocalSlurmCluster : IDisposable
{
    private readonly string dir;
    private bool stopped;

    /// <summary>Writes the munge key and slurm.conf and starts the daemons; waits until the node is idle.</summary>
    public LocalSlurmCluster(string dir)
    {
        this.dir = dir;
        foreach (string d in new[] { "state", "spool", "log", "munge" })
        {
            Directory.CreateDirectory(Path.Combine(dir, d));
        }

        string key = Path.Combine(dir, "munge", "munge.key");
        File.WriteAllBytes(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead);
        }

        string host = HenanRunFixture.Tool("hostname", "-s").Stdout.Trim();
        int port = 20000 + System.Security.Cryptography.RandomNumberGenerator.GetInt32(20000);
        File.WriteAllText(Conf, string.Join("\n",
        [
            "ClusterName=gridemtest",
            $"SlurmctldHost={host}",
            string.Create(CultureInfo.InvariantCulture, $"SlurmctldPort={port}"),
            string.Create(CultureInfo.InvariantCulture, $"SlurmdPort={port + 1}"),
            "AuthType=auth/munge",
            $"AuthInfo=socket={Socket}",
            "CredType=cred/munge",
            "SlurmUser=root",
            "SlurmdUser=root",
            $"StateSaveLocation={Path.Combine(dir, "state")}",
            $"SlurmdSpoolDir={Path.Combine(dir, "spool")}",
            $"SlurmctldPidFile={Path.Combine(dir, "slurmctld.pid")}",
            $"SlurmdPidFile={Path.Combine(dir, "slurmd.pid")}",
            $"SlurmctldLogFile={Path.Combine(dir, "log", "slurmctld.log")}",
            $"SlurmdLogFile={Path.Combine(dir, "log", "slurmd.log")}",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_CPU",
            "SchedulerType=sched/backfill",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "MpiDefault=none",
            "ReturnToService=2",
            $"NodeName={host} CPUs={Environment.ProcessorCount} RealMemory=8000 State=UNKNOWN",
            $"PartitionName=test Nodes={host} Default=YES MaxTime=INFINITE State=UP",
            string.Empty,
        ]));
        Check(Run("/usr/sbin/munged", "--force", $"--key-file={key}", $"--socket={Socket}", $"--pid-file={Path.Combine(dir, "munge", "munged.pid")}", $"--log-file={Path.Combine(dir, "munge", "munged.log")}", $"--seed-file={Path.Combine(dir, "munge", "seed")}"), "munged");
        Check(Run("/usr/sbin/slurmctld"), "slurmctld");
        Check(Run("/usr/sbin/slurmd"), "slurmd");
        for (int i = 0; i < 60; i++)
        {
            if (Run("/usr/bin/sinfo", "-h", "-o", "%t").Stdout.Trim() == "idle")
            {
                return;
            }

            Thread.Sleep(500);
        }

        throw new InvalidOperationException("the Slurm node did not become idle: " + File.ReadAllText(Path.Combine(dir, "log", "slurmctld.log")));
    }

    private string Conf => Path.Combine(dir, "slurm.conf");

    private string Socket => Path.Combine(dir, "munge", "munge.socket");

    /// <summary>Runs a Slurm client or daemon with this cluster's configuration.</summary>
    public (int Code, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["SLURM_CONF"] = Conf;
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr);
    }

    /// <summary>Stops slurmd, slurmctld and munged (SIGTERM to the pids in their pid files).</summary>
    public void Dispose()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        foreach (string pidFile in new[] { "slurmd.pid", "slurmctld.pid", Path.Combine("munge", "munged.pid") })
        {
            string path = Path.Combine(dir, pidFile);
            if (File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int pid))
            {
                try
                {
                    using var p = Process.GetProcessById(pid);
                    p.Kill();
                    p.WaitForExit(10_000);
                }
                catch (ArgumentException)
                {
                    // already gone
                }
            }
        }
    }

    private static void Check((int Code, string Stdout, string Stderr) r, string what)
    {
        if (r.Code != 0)
        {
            throw new InvalidOperationException($"{what} did not start (exit {r.Code}): {r.Stderr}");
        }
    }
}
