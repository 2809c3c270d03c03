using System.Diagnostics;
using System.Globalization;

namespace GridEmissions.Pipeline.Tests;

/// <summary>The holder file beside an output lock: written by the run that has the lock, believed only while its process runs.</summary>
public sealed class LockHolderTests : IDisposable
{
    private readonly string parent = Directory.CreateTempSubdirectory("gridem-lock-").FullName;

    public void Dispose() => Directory.Delete(parent, true);

    [Fact]
    public void A_run_refused_by_the_lock_names_the_holder_and_the_holder_file_goes_with_the_lock()
    {
        string lockFile = Path.Combine(parent, ".run.lock");
        using (OutputLock.Acquire(parent, "run"))
        {
            Assert.True(File.Exists(lockFile + LockHolder.Suffix), "no holder file beside the held lock");
            var e = Assert.Throws<InputError>(() => OutputLock.Acquire(parent, "run"));
            string expected = string.Create(CultureInfo.InvariantCulture, $"another gridem run (PID {Environment.ProcessId} on {Environment.MachineName}, started ");
            string message = Assert.Single(e.Problems).Message;
            Assert.StartsWith(expected, message, StringComparison.Ordinal);
            Assert.EndsWith($") is writing this output directory right now (lock file {lockFile}).", message, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFileSystemEntries(parent));
    }

    [Fact]
    public void The_holder_file_round_trips_and_is_written_without_a_temporary_file_left()
    {
        string lockFile = Path.Combine(parent, ".run.lock");
        LockHolder me = LockHolder.Current();
        me.Write(lockFile);
        Assert.Equal([".run.lock.holder"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
        LockHolder? read = LockHolder.Read(lockFile);
        Assert.NotNull(read);
        Assert.Equal(me.Pid, read.Pid);
        Assert.Equal(me.Host, read.Host);
        Assert.NotNull(read.StartedUtc);
        Assert.True(Math.Abs((me.StartedUtc!.Value - read.StartedUtc.Value).TotalSeconds) < 1, $"start time {me.StartedUtc:o} read back as {read.StartedUtc:o}");
        Assert.True(read.IsAlive(), "the current process's holder record is not believed");
    }

    [Fact]
    public void A_holder_of_a_dead_process_or_a_reused_pid_is_not_believed()
    {
        int dead = DeadPid();
        Assert.False(new LockHolder(dead, Environment.MachineName, DateTime.UtcNow).IsAlive(), $"PID {dead} has exited");
        Assert.False(new LockHolder(Environment.ProcessId, Environment.MachineName, LockHolder.Current().StartedUtc!.Value.AddHours(-1)).IsAlive(), "a PID whose process started at another time (reused)");
        Assert.True(new LockHolder(dead, "another-host-" + Environment.MachineName, null).IsAlive(), "a holder on another host cannot be checked and is believed");
    }

    [Fact]
    public void A_stale_holder_file_is_not_named_when_another_process_holds_the_lock()
    {
        string lockFile = Path.Combine(parent, ".run.lock");
        new LockHolder(DeadPid(), Environment.MachineName, DateTime.UtcNow).Write(lockFile);
        using var other = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var e = Assert.Throws<InputError>(() => OutputLock.Acquire(parent, "run"));
        Assert.StartsWith("another gridem run is writing this output directory right now", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stale_locks_and_holder_files_of_dead_processes_are_cleaned_and_live_ones_kept()
    {
        int dead = DeadPid();
        string Entry(string name) => Path.Combine(parent, name);
        File.WriteAllText(Entry(".old.lock"), "1\n");
        new LockHolder(dead, Environment.MachineName, DateTime.UtcNow).Write(Entry(".old.lock"));
        new LockHolder(dead, Environment.MachineName, DateTime.UtcNow).Write(Entry(".orphan.lock"));
        File.WriteAllText(Entry(".cut.lock.holder.tmp-" + dead.ToString(CultureInfo.InvariantCulture)), "pid=");
        File.WriteAllText(Entry(".live.lock.holder.tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture)), "pid=");
        using var held = new FileStream(Entry(".held.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        LockHolder.Current().Write(Entry(".held.lock"));
        using (OutputLock.Acquire(parent, "run"))
        {
            StaleFolders.CleanLocks(parent, Entry(".run.lock"));
            string[] left = Directory.GetFileSystemEntries(parent).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal([".held.lock", ".held.lock.holder", ".live.lock.holder.tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture), ".run.lock", ".run.lock.holder"], left);
        }
    }

    private static int DeadPid()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }
}
