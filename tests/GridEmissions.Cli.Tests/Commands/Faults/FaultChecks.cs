using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using GridEmissions.Cli.Tests.Commands.BadInputs;

namespace GridEmissions.Cli.Tests.Commands.Faults;

/// <summary>What every fault case asserts: no stack trace, no death by a signal the test did not send, what is left beside <c>--out</c>, and complete folders.</summary>
public static partial class FaultChecks
{
    /// <summary>The scenario the fault cases run (the shipped Henan neutrality scenario, in the case folder's copy).</summary>
    public static string Scenario(CaseFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return folder.PathOf("scenarios/henan-neutrality.yaml");
    }

    /// <summary>No stack frame on either stream, and an exit code that is not a death by a signal (unless the test sent it).</summary>
    public static void Clean(GridemProcess p, string what, int? signalledCode = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        Assert.False(StackFrame().IsMatch(p.Stderr) || StackFrame().IsMatch(p.Stdout), $"{what}: a stack trace on the console; {p.Console}");
        int code = p.ExitCode;
        Assert.True(code < 128 || code == signalledCode, $"{what}: died by signal {code - 128} (exit {code}); {p.Console}");
    }

    /// <summary>The names in --out's parent folder, sorted.</summary>
    public static string[] Beside(CaseFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return Directory.GetFileSystemEntries(folder.OutParent).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal).ToArray();
    }

    public static string Partial(int pid) => FormattableString.Invariant($".run.partial-{pid}");

    public static string Old(int pid) => FormattableString.Invariant($".run.old-{pid}");

    /// <summary>
    /// Asserts <paramref name="dir"/> is a complete run: its manifest lists exactly the files there with their
    /// SHA-256, and every input hash it records is the hash of an input file of the case as it is now.
    /// Returns the folder's fingerprint (every file with its hash) to compare runs.
    /// </summary>
    public static string Complete(string dir, CaseFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string manifestPath = Path.Combine(dir, "manifest.json");
        Assert.True(File.Exists(manifestPath), $"{dir} has no manifest.json: it is not a complete run");
        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var listed = manifest.RootElement.GetProperty("outputs").EnumerateArray()
            .ToDictionary(o => o.GetProperty("file").GetString()!, o => o.GetProperty("sha256").GetString()!, StringComparer.Ordinal);
        var present = Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Where(f => f != "manifest.json").Order(StringComparer.Ordinal).ToList();
        Assert.True(present.SequenceEqual(listed.Keys.Order(StringComparer.Ordinal)),
            $"{dir}: files and manifest differ: missing {string.Join(", ", listed.Keys.Except(present))}; unlisted {string.Join(", ", present.Except(listed.Keys))}");
        foreach (string f in present)
        {
            Assert.True(Sha(Path.Combine(dir, f)) == listed[f], $"{dir}/{f}: its SHA-256 is not the manifest's (a half-written file)");
        }

        var inputHashes = folder.Snapshot().Values.Select(h => h.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (JsonElement input in manifest.RootElement.GetProperty("inputs").EnumerateArray())
        {
            string sha = input.GetProperty("sha256").GetString()!;
            Assert.True(sha == "missing" || inputHashes.Contains(sha), $"{dir}: the manifest records input {input.GetProperty("role").GetString()} with SHA-256 {sha}, which no input file has");
        }

        return string.Join("\n", present.Append("manifest.json").Select(f => f + " " + Sha(Path.Combine(dir, f))));
    }

    public static string Sha(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
