namespace GridEmissions.Pipeline.Tests.Export;

/// <summary>Runs every `$ ` command of docs/use-the-outputs.md on the shipped Henan run and its lon/lat export.</summary>
[Collection(HenanRunCollection.Name)]
public sealed class UseTheOutputsDocTests(HenanRunFixture run)
{
    [Fact]
    public void Every_documented_command_runs_on_a_real_run()
    {
        if (!Directory.Exists(run.PathOf("lonlat-0.1")))
        {
            LonLatExport.Execute(run.Output, Path.Combine(run.RepoRoot, "scenarios", "henan-neutrality.yaml"), 0.1, null, null);
        }

        string scratch = Path.Combine(run.Parent, "doc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        string[] commands = [.. File.ReadAllLines(RepoPaths.Under("docs", "use-the-outputs.md")).Where(l => l.StartsWith("$ ", StringComparison.Ordinal)).Select(l => l[2..])];
        Assert.True(commands.Length >= 10, $"{commands.Length} commands");
        Assert.Contains(commands, c => c.Contains("remapcon", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("qgis.core", StringComparison.Ordinal));
        foreach (string command in commands)
        {
            // Scratch files first: the run folder itself lies under the temp folder.
            string line = command.Replace("/tmp/", scratch + "/", StringComparison.Ordinal).Replace("out/henan-neutrality", run.Output, StringComparison.Ordinal);
            var (code, stdout, stderr) = HenanRunFixture.Tool("bash", "-c", $"cd '{scratch}' && PATH=/usr/bin:/bin:$PATH && {line}"); // Debian's python3 with xarray, pandas and PyQGIS
            Assert.True(code == 0, $"`{command}` failed (exit {code}): {stderr} {stdout}");
            Assert.DoesNotContain("Traceback", stderr, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(scratch, "henan_total_flux_05.nc")), "the documented CDO command wrote its output");
    }
}
