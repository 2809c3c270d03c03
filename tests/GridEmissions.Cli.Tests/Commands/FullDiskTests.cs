using System.Diagnostics;
using System.Security.Cryptography;

namespace GridEmissions.Cli.Tests.Commands;

/// <summary>
/// A run onto a full disk: a small tmpfs mounted as --out's parent (needs root and mount rights;
/// skipped with the reason otherwise). The run is a child process, so a signal death would show
/// as its exit code rather than take the test host down. Each size fills the disk at another stage (of a
/// ~29 MB run: the tables, the GeoJSON and GeoPackage layers, the maps' SVG/PDF, the COGs, the report); every
/// one must exit 1 saying the disk is full, with no stack trace on either stream.
/// </summary>
public sealed class FullDiskTests
{
    [SkippableTheory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(12)]
    [InlineData(16)]
    [InlineData(19)]
    [InlineData(21)]
    [InlineData(24)]
    [InlineData(27)]
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
            var (code, stderr, stdout) = Gridem("run", scenario, "--out", Path.Combine(mount, "run"));
            // A full disk is the user's environment, not a bug: exit 1 (README), never 2 nor a signal death (128 + the signal).
            Assert.True(code == 1, $"{megabytes} MB: expected exit 1, got {code}; stderr:\n{stderr}");
            Assert.Contains("disk is full", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(mount));
            Assert.Equal(before, InputsHash());
        }
        finally
        {
            ExternalTool.Run("umount", mount);
            Directory.Delete(mount);
        }
    }

    /// <summary>
    /// The SVG and PDF maps onto a full disk: a managed <see cref="IOException"/> (which the run reports as a full disk),
    /// never a write error thrown inside Skia's native stream callback, which aborts the process; no file is left.
    /// </summary>
    [SkippableTheory]
    [InlineData("map.svg")]
    [InlineData("map.pdf")]
    public void A_vector_map_onto_a_full_disk_throws_an_io_error_and_leaves_nothing(string name)
    {
        string mount = Path.Combine(Path.GetTempPath(), "gridem-fullcanvas-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(mount);
        var (mounted, why) = ExternalTool.Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount);
        if (!mounted)
        {
            Directory.Delete(mount);
        }

        Skip.If(!mounted, $"cannot mount a small tmpfs (needs root and CAP_SYS_ADMIN): {why.Trim()}");
        try
        {
            string fill = Path.Combine(mount, "fill");
            Assert.Throws<IOException>(() =>
            {
                using var f = new FileStream(fill, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
                for (int i = 0; i < 1024; i++)
                {
                    f.Write(new byte[4096]);
                }
            });
            string path = Path.Combine(mount, name);
            Assert.Throws<IOException>(() =>
            {
                using var canvas = GridEmissions.Rendering.Canvas.CreateFile(path, new GridEmissions.Rendering.PageSize(400, 300), 72);
                canvas.Clear(GridEmissions.Rendering.Rgba.White);
                for (int i = 0; i < 2000; i++)
                {
                    canvas.Rectangle(i % 400, i % 300, 3, 3);
                    canvas.Fill();
                }

                canvas.Complete();
            });
            Assert.Equal(["fill"], Directory.GetFileSystemEntries(mount).Select(Path.GetFileName));
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

    private static (int Code, string Stderr, string Stdout) Gridem(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "gridem.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, "--quiet", .. args]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err.Result, stdout);
    }
}
