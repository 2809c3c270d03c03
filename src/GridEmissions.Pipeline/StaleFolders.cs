using System.Diagnostics;
using System.Globalization;

namespace GridEmissions.Pipeline;

/// <summary>
/// Removes what killed runs left beside an output folder: <c>.NAME.partial-PID</c> staging folders,
/// and <c>.NAME.old-PID</c> folders of a replacement (<c>--force</c>) that was cut off — put back
/// when the target is missing, deleted when the new target is in place. Only folders whose PID is
/// no longer a running process are touched, in the folder of the output being written (for any
/// output name there), and lock files nobody holds any more are removed with their holder files, as are
/// holder files left half-written by a dead process and holder files whose lock file is gone.
/// </summary>
internal static class StaleFolders
{
    public static void Clean(string parent)
    {
        foreach (string dir in Directory.EnumerateDirectories(parent, ".*.*-*"))
        {
            string entry = Path.GetFileName(dir);
            int mark = Math.Max(entry.LastIndexOf(".partial-", StringComparison.Ordinal), entry.LastIndexOf(".old-", StringComparison.Ordinal));
            if (mark <= 1)
            {
                continue;
            }

            string name = entry[1..mark];
            string target = Path.Combine(parent, name);
            string suffix = entry[(mark + 1)..];
            bool partial = suffix.StartsWith("partial-", StringComparison.Ordinal);
            bool old = suffix.StartsWith("old-", StringComparison.Ordinal);
            if (!(partial || old) || !int.TryParse(suffix[(suffix.IndexOf('-', StringComparison.Ordinal) + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                || pid == Environment.ProcessId || IsRunning(pid))
            {
                continue;
            }

            if (old && !Directory.Exists(target))
            {
                Directory.Move(dir, target);
            }
            else
            {
                Directory.Delete(dir, true);
            }
        }
    }

    /// <summary>Removes <c>.NAME.lock</c> files whose holder is gone (the OS released their lock), and stale holder files.</summary>
    public static void CleanLocks(string parent, string keep)
    {
        foreach (string file in Directory.EnumerateFiles(parent, ".*.lock"))
        {
            if (file == keep)
            {
                continue;
            }

            try
            {
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    System.IO.File.Delete(file + LockHolder.Suffix);
                    System.IO.File.Delete(file);
                }
            }
            catch (IOException)
            {
                // held by a running gridem: leave it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        CleanHolders(parent);
    }

    /// <summary>True when <paramref name="pid"/> is a running process.</summary>
    internal static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Removes <c>.NAME.lock.holder.tmp-PID</c> files of dead processes, and <c>.NAME.lock.holder</c> files whose lock
    /// file is gone and whose process is not running (a holder file is written only while its lock file exists).
    /// </summary>
    private static void CleanHolders(string parent)
    {
        foreach (string file in Directory.EnumerateFiles(parent, ".*.lock.holder*"))
        {
            string entry = Path.GetFileName(file);
            int mark = entry.LastIndexOf(LockHolder.TemporarySuffix, StringComparison.Ordinal);
            bool stale;
            if (mark > 0)
            {
                stale = int.TryParse(entry[(mark + LockHolder.TemporarySuffix.Length)..], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                    && pid != Environment.ProcessId && !IsRunning(pid);
            }
            else
            {
                string lockFile = file[..^LockHolder.Suffix.Length];
                stale = entry.EndsWith(LockHolder.Suffix, StringComparison.Ordinal) && !System.IO.File.Exists(lockFile)
                    && LockHolder.Read(lockFile)?.IsAlive() != true;
            }

            if (!stale)
            {
                continue;
            }

            try
            {
                System.IO.File.Delete(file);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
