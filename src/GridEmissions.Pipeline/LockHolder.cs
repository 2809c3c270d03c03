using System.Diagnostics;
using System.Globalization;

namespace GridEmissions.Pipeline;

/// <summary>
/// Who holds an output lock: the sidecar file <c>.NAME.lock.holder</c> the lock's holder writes once it has the lock
/// (PID, host, process start time). A run refused by the lock reads it to name the holder: the lock file itself cannot
/// be opened by another process while it is held (.NET holds <c>FileShare.None</c> files with flock on Linux and a
/// sharing lock on Windows). The file is written under a temporary name and renamed into place, so a reader never
/// sees half of it; one left by a killed run is harmless, as a reader believes it only while its process still runs.
/// </summary>
internal sealed record LockHolder(int Pid, string Host, DateTime? StartedUtc)
{
    /// <summary>The suffix of the holder file after the lock file's name.</summary>
    public const string Suffix = ".holder";

    /// <summary>The suffix of a holder file being written (followed by the writer's PID).</summary>
    public const string TemporarySuffix = ".holder.tmp-";

    /// <summary>The current process.</summary>
    public static LockHolder Current() => new(Environment.ProcessId, Environment.MachineName, StartTimeUtc(Environment.ProcessId));

    /// <summary>Writes this holder beside <paramref name="lockPath"/>, atomically (a temporary file renamed into place).</summary>
    public void Write(string lockPath)
    {
        string final = lockPath + Suffix;
        string temporary = lockPath + TemporarySuffix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var text = new System.Text.StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"pid={Pid}\n")
            .Append(CultureInfo.InvariantCulture, $"host={Host}\n");
        if (StartedUtc is DateTime started)
        {
            text.Append(CultureInfo.InvariantCulture, $"started={started:yyyy-MM-ddTHH:mm:ssZ}\n");
        }

        System.IO.File.WriteAllText(temporary, text.ToString());
        System.IO.File.Move(temporary, final, overwrite: true);
    }

    /// <summary>The holder recorded beside <paramref name="lockPath"/>, or null when there is none or it cannot be read.</summary>
    public static LockHolder? Read(string lockPath)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(lockPath + Suffix);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var fields = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .GroupBy(kv => kv[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("pid", out string? pidText) || !int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid <= 0)
        {
            return null;
        }

        DateTime? started = fields.TryGetValue("started", out string? s)
            && DateTime.TryParseExact(s, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime t)
            ? t : null;
        return new LockHolder(pid, fields.GetValueOrDefault("host") ?? string.Empty, started);
    }

    /// <summary>
    /// True unless the holder is known to be gone: on this host, its PID runs no process, or runs one started at
    /// another time (the PID was reused). A holder on another host (a shared disk) cannot be checked and is believed.
    /// </summary>
    public bool IsAlive()
    {
        if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal))
        {
            return true;
        }

        if (!StaleFolders.IsRunning(Pid))
        {
            return false;
        }

        return StartedUtc is not DateTime recorded || StartTimeUtc(Pid) is not DateTime actual || Math.Abs((actual - recorded).TotalSeconds) < 2;
    }

    /// <summary>How the holder is named in a message: <c>PID 1234 on host, started 2026-12-03T07:40:00Z</c>.</summary>
    public string Describe()
    {
        string where = Host.Length > 0 ? $" on {Host}" : string.Empty;
        string when = StartedUtc is DateTime t ? string.Create(CultureInfo.InvariantCulture, $", started {t:yyyy-MM-ddTHH:mm:ssZ}") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"PID {Pid}{where}{when}");
    }

    private static DateTime? StartTimeUtc(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return p.StartTime.ToUniversalTime();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
