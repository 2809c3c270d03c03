using System.Diagnostics;
using GridEmissions.Cli.Tests.Commands.BadInputs;

namespace GridEmissions.Cli.Tests.Commands.Faults;

/// <summary>
/// --out in a read-only place: a read-only tmpfs mounted in the case folder when running as root (chmod does
/// not stop root), a folder chmod 0555 otherwise; skipped with the reason when neither can be made. The run
/// exits 1 naming the folder, with a fix and no stack trace, and writes nothing.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyOutputTests
{
    [SkippableTheory]
    [InlineData("run")]
    [InlineData("sub/run")]
    public void A_read_only_output_location_exits_1_naming_the_folder(string outUnder)
    {
        using var folder = new CaseFolder();
        string ro = folder.PathOf("ro");
        Directory.CreateDirectory(ro);
        using var readOnly = ReadOnlyFolder.Make(ro);
        Skip.If(readOnly.Why is not null, readOnly.Why);
        var inputs = folder.Snapshot();

        string target = Path.Combine(ro, outUnder);
        using var run = GridemProcess.Run(folder, json: false, "run", FaultChecks.Scenario(folder), "--out", target);

        FaultChecks.Clean(run, "read-only --out");
        Assert.True(run.ExitCode == 1, $"read-only --out {outUnder}: expected exit 1, got {run.ExitCode}; {run.Console}");
        string parent = Path.GetDirectoryName(target)!;
        Assert.True(run.Stderr.StartsWith($"error: {parent}: ", StringComparison.Ordinal), $"the message does not name the folder {parent} first; {run.Console}");
        Assert.Contains("Fix: choose an --out in a folder you can write to", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(ro));
        Assert.Equal(inputs, folder.Snapshot());
    }

    /// <summary>A folder made read-only for this process, undone on dispose; <see cref="Why"/> says why it could not be made.</summary>
    private sealed class ReadOnlyFolder : IDisposable
    {
        private readonly string path;
        private readonly bool mounted;
        private readonly UnixFileMode? mode;

        private ReadOnlyFolder(string path, bool mounted, UnixFileMode? mode, string? why)
        {
            this.path = path;
            this.mounted = mounted;
            this.mode = mode;
            Why = why;
        }

        public string? Why { get; }

        public static ReadOnlyFolder Make(string path)
        {
            if (IsRoot())
            {
                var (ok, err) = ExternalTool.Run("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", path);
                return ok ? new ReadOnlyFolder(path, true, null, null)
                    : new ReadOnlyFolder(path, false, null, $"running as root (chmod does not stop root's writes) and cannot mount a read-only tmpfs (needs CAP_SYS_ADMIN): {err.Trim()}");
            }

            UnixFileMode before = File.GetUnixFileMode(path);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            return new ReadOnlyFolder(path, false, before, null);
        }

        public void Dispose()
        {
            if (mounted)
            {
                ExternalTool.Run("umount", path);
            }
            else if (mode is UnixFileMode m)
            {
                File.SetUnixFileMode(path, m);
            }
        }

        /// <summary>The effective user is root (the second field of Uid: in /proc/self/status).</summary>
        private static bool IsRoot() =>
            File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[2] == "0";
    }
}
