namespace GridEmissions.Pipeline.Tests;

/// <summary>Runs the vendored CF conventions checker (tools/cf-checker/cfchecks.sh) and its udunits2 units check the way users check files.</summary>
public static class CfChecker
{
    private static string Script => RepoPaths.Under("tools", "cf-checker", "cfchecks.sh");

    /// <summary>Asserts the checker finds 0 errors and 0 warnings in <paramref name="path"/> against CF-1.8.</summary>
    public static void AssertPasses(string path)
    {
        var (code, stdout, stderr) = HenanRunFixture.Tool("bash", Script, "-v", "1.8", path);
        Assert.True(code == 0 && stdout.Contains("ERRORS detected: 0", StringComparison.Ordinal),
            $"CF checker on {Path.GetFileName(path)} (exit {code}; `bash tools/install-native.sh --with-test-tools` installs its dependencies):\n{Issues(stdout)}\n{stderr}");
        Assert.Contains("WARNINGS given: 0", stdout, StringComparison.Ordinal);
    }

    /// <summary>The units strings udunits2 (through the checker's cfunits) rejects.</summary>
    public static IReadOnlyList<string> InvalidUnits(IEnumerable<string> units)
    {
        var (code, stdout, stderr) = HenanRunFixture.Tool("bash", [Script, "--units", .. units]);
        Assert.True(code is 0 or 1, "the units check failed: " + stderr);
        return [.. stdout.Split('\n').Where(l => l.Length > 0)];
    }

    private static string Issues(string report) =>
        string.Join("\n", report.Split('\n').Where(l => l.StartsWith("ERROR", StringComparison.Ordinal) || l.StartsWith("WARN", StringComparison.Ordinal) || l.StartsWith("Checking variable", StringComparison.Ordinal)).Take(60));
}
