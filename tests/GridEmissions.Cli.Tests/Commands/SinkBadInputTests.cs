using System.Diagnostics;

namespace GridEmissions.Cli.Tests.Commands;

/// <summary>
/// Bad `sinks:` and `off_grid:` inputs (the accounts beside the gridded sectors) fed to `gridem run` (the shipped
/// scenarios with one mistake): a clear error naming the scenario line and a fix, exit code 1, the same exit from
/// `validate`, and no output folder (nor any partial folder) left behind.
/// </summary>
public sealed class SinkBadInputTests : IDisposable
{
    private static readonly System.Text.RegularExpressions.Regex StackFrame = new(@"^\s+at \S+\(", System.Text.RegularExpressions.RegexOptions.Multiline);

    private readonly string work = Path.Combine(Path.GetTempPath(), "gridem-sink-bad-" + Guid.NewGuid().ToString("N"));

    public SinkBadInputTests() => Directory.CreateDirectory(work);

    public static TheoryData<string, string, string, string, string[]> Cases => new()
    {
        { "positive sink target", "yrd-neutrality.yaml", "value_mt: -30, basis: study", "value_mt: 30, basis: study", ["yrd-neutrality.yaml:", "zero or negative", "negative number"] },
        { "storage site outside the region", "henan-neutrality.yaml", "lon: 115.10, lat: 35.75", "lon: 35.75, lat: 15.10", ["henan-neutrality.yaml:", "Zhongyuan oilfield", "outside region 'Henan'", "not swapped"] },
        { "negative storage capacity", "yrd-neutrality.yaml", "capacity_mt: 7420", "capacity_mt: -7420", ["yrd-neutrality.yaml:", "capacity", "cannot be negative"] },
        { "removal site outside the region", "yrd-neutrality.yaml", "lon: 120.16, lat: 33.35", "lon: 113.6, lat: 34.7", ["yrd-neutrality.yaml:", "Yancheng BECCS", "outside region 'YRD'"] },
        { "off-grid part above the total", "yrd-neutrality.yaml", "value_mt: 310.7, basis: study", "value_mt: 3107, basis: study",
            ["yrd-neutrality.yaml:", "'off_grid.target_mt' gives 3107 Mt in 2024, above the regional total of 2390 Mt", "lower 'off_grid.target_mt' in 2024"] },
        { "negative off-grid part", "yrd-neutrality.yaml", "value_mt: 310.7, basis: study", "value_mt: -310.7, basis: study",
            ["yrd-neutrality.yaml:", "is -310.7, negative: an off-grid part cannot be below zero", "write a value of zero or more"] },
        { "off-grid part with a spatial key", "yrd-neutrality.yaml", OffGridReason, "  proxy: population\n" + OffGridReason,
            ["yrd-neutrality.yaml:", "'off_grid.proxy' places emissions on the grid", "remove 'proxy' from 'off_grid'", "add them to a sector's baseline_mt"] },
        { "off-grid part with facilities", "yrd-neutrality.yaml", OffGridReason, "  facilities: [coal_units]\n" + OffGridReason,
            ["yrd-neutrality.yaml:", "'off_grid.facilities' places emissions on the grid", "remove 'facilities' from 'off_grid'"] },
        { "baselines that ignore the off-grid part", "yrd-neutrality.yaml", "value: 156.17, basis: data", "value: 466.87, basis: data",
            ["yrd-neutrality.yaml:", "minus the off-grid part is 2390 − 310.7 = 2079.3 Mt", "or the off-grid part"] },
    };

    private const string OffGridReason = "  reason: \"indirect emissions of imported electricity";

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_sink_input_gives_a_clear_error_exit_code_1_and_no_partial_outputs(string what, string file, string find, string replace, string[] expected)
    {
        string text = File.ReadAllText(RepoPaths.Under("scenarios", file));
        Assert.Contains(find, text, StringComparison.Ordinal);
        string scenario = Path.Combine(work, file);
        File.WriteAllText(scenario, text.Replace(find, replace, StringComparison.Ordinal).Replace(": ../", ": " + RepoPaths.Root + "/", StringComparison.Ordinal));
        string output = Path.Combine(work, "out", "run");
        var (code, stderr, stdout) = Gridem("run", scenario, "--out", output);
        Assert.True(code == 1, $"{what}: expected exit code 1, got {code}; stderr: {stderr}");
        Assert.DoesNotMatch(StackFrame, stderr);
        Assert.DoesNotMatch(StackFrame, stdout);
        var (validateCode, validateErr, validateOut) = Gridem("validate", scenario);
        Assert.True(validateCode == code, $"{what}: validate exits {validateCode} but run exits {code}; validate stderr: {validateErr}");
        Assert.DoesNotMatch(StackFrame, validateErr);
        Assert.DoesNotMatch(StackFrame, validateOut);
        foreach (string e in expected)
        {
            Assert.Contains(e, stderr, StringComparison.Ordinal);
        }

        string outDir = Path.Combine(work, "out");
        Assert.True(!Directory.Exists(outDir) || Directory.GetFileSystemEntries(outDir).Length == 0, $"{what}: partial outputs left");
    }

    public void Dispose()
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, true);
        }
    }

    private static (int Code, string Stderr, string Stdout) Gridem(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "gridem.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err, stdout.GetAwaiter().GetResult());
    }
}
