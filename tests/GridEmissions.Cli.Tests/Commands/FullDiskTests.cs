using System.Diagnostics;
using System.Security.Cryptography;

namespace GridEmissions.Cli.Tests.Commands;

/// <summary>
/// A run onto a full disk: a small tmpfs mounted as --out's parent (needs root and mount rights;
/// skipped with the reason otherwise). The run is a child process, so a signal death would show
/// as its exit code rather than take the test host down. Each size fills the disk at another stage.
/// </summary>
public sealed class FullDiskTests
{
    [SkippableTheory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void A_full_disk_fails_with_a_message_and_leaves_nothing(int megabytes)
    {
        string mount = Path.Combine(Path.GetTempPath(), "gridem-fulldisk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(mount);
        var (mounted, why) = ExternalTool.Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", mount);
        if (!mounted)
        {
            Directory.Delete(mount);
        }

        Skip.If(!mounted, $"cannot mount a small tmpfs (needs root and CAP_SYS_ADMIN): {why.Trim()}");

        try
        {
            string scenario = RepoPaths.Under("scenarios", "henan-neutrality.yaml");
            string before = InputsHash();
            var (code, stderr) = Gridem("run", scenario, "--out", Path.Combine(mount, "run"));
            Assert.True(code is 1 or 2, $"{megabytes} MB: expected exit 1 or 2, got {code} (a signal death is 128 + the signal); stderr:\n{stderr}");
            Assert.Contains("disk is full", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(mount));
            Assert.Equal(before, InputsHash());
        }
        finally
        {
            ExternalTool.Run("umount", mount);
            Directory.Delete(mount);
        }
    }

    private static string InputsHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string dir in new[] { "scenarios", "boundaries", "sources", "proxies" })
        {
            foreach (string f in Directory.GetFiles(RepoPaths.Under(dir), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                sha.AppendData(File.ReadAllBytes(f));
            }
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static (int Code, string Stderr) Gridem(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "gridem.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, "--quiet", .. args]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err.Result);
    }
}
