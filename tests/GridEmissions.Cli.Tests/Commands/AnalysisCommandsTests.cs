using System.CommandLine;
using GridEmissions.Cli.Commands;
using GridEmissions.Pipeline.Tests;

namespace GridEmissions.Cli.Tests.Commands;

public sealed class AnalysisCommandsTests(HenanRunFixture run) : IClassFixture<HenanRunFixture>
{
    private string Scenario => Path.Combine(run.RepoRoot, "scenarios", "henan-neutrality.yaml");

    [Theory]
    [InlineData("zonal")]
    [InlineData("hotspots")]
    [InlineData("render")]
    [InlineData("report")]
    public void Each_command_has_help_with_an_example(string name)
    {
        RootCommand root = CommandLine.Build();
        Command cmd = root.Subcommands.Single(c => c.Name == name);
        Assert.Contains("Example: gridem " + name, cmd.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Zonal_recomputes_the_city_totals_of_the_run_byte_for_byte()
    {
        Assert.Equal(ExitCodes.Ok, Invoke("zonal", run.Output, "--scenario", Scenario));
        Assert.Equal(File.ReadAllBytes(run.PathOf("analysis/city_totals.csv")), File.ReadAllBytes(run.PathOf("zonal/city_totals.csv")));
        Assert.Equal(File.ReadAllBytes(run.PathOf("analysis/cities_2060.geojson")), File.ReadAllBytes(run.PathOf("zonal/cities_2060.geojson")));
        Assert.Empty(Directory.GetDirectories(run.Output, ".zonal.partial-*"));
    }

    [Fact]
    public void Zonal_finds_the_recorded_scenario_by_name_and_hash()
    {
        string before = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = run.RepoRoot;
            Assert.Equal(ExitCodes.Ok, Invoke("zonal", run.Output, "--name", "zonal-found"));
            Assert.True(File.Exists(run.PathOf("zonal-found/city_totals.csv")));
        }
        finally
        {
            Environment.CurrentDirectory = before;
        }
    }

    [Fact]
    public void Zonal_refuses_a_different_scenario()
    {
        Assert.Equal(ExitCodes.InputError, Invoke("zonal", run.Output, "--scenario", Path.Combine(run.RepoRoot, "scenarios", "henan-reference.yaml"), "--name", "zonal-wrong"));
        Assert.False(Directory.Exists(run.PathOf("zonal-wrong")));
    }

    [Fact]
    public void Hotspots_use_the_chosen_years_sector_and_distance_weights()
    {
        Assert.Equal(ExitCodes.Ok, Invoke("hotspots", run.Output, "--scenario", Scenario, "--years", "2024,2060", "--sector", "total", "--weights", "distance:25000"));
        var (header, rows) = HenanRunFixture.ReadCsv(run.PathOf("hotspots/hotspot_summary.csv"));
        Assert.Equal(File.ReadLines(run.PathOf("analysis/hotspot_summary.csv")).First(), header);
        Assert.Equal(["2024", "2060"], rows.Select(r => r["year"]));
        Assert.All(rows, r => Assert.Equal("total", r["sector"]));
        Assert.All(rows, r => Assert.Equal("distance:25000", r["weights"]));
        Assert.True(File.Exists(run.PathOf("hotspots/hotspot_zones_2060.geojson")));
        Assert.False(File.Exists(run.PathOf("hotspots/hotspot_zones_2035.geojson")));
        Assert.True(File.Exists(run.PathOf("hotspots/trajectories.csv")));
    }

    [Fact]
    public void Hotspots_with_queen_weights_repeat_the_run_analysis()
    {
        Assert.Equal(ExitCodes.Ok, Invoke("hotspots", run.Output, "--scenario", Scenario, "--sector", "all", "--name", "hotspots-all"));
        foreach (string f in new[] { "hotspot_zones.csv", "hotspot_summary.csv", "trajectories.csv", "top_cells.csv", "hotspot_zones_2024.geojson" })
        {
            Assert.Equal(File.ReadAllBytes(run.PathOf("analysis/" + f)), File.ReadAllBytes(run.PathOf("hotspots-all/" + f)));
        }
    }

    [Theory]
    [InlineData("--years", "1990")]
    [InlineData("--sector", "nuclear")]
    [InlineData("--weights", "rook")]
    [InlineData("--weights", "distance:-5")]
    public void Hotspots_reject_bad_options_and_write_nothing(string option, string value)
    {
        Assert.Equal(ExitCodes.InputError, Invoke("hotspots", run.Output, "--scenario", Scenario, option, value, "--name", "hotspots-bad"));
        Assert.False(Directory.Exists(run.PathOf("hotspots-bad")));
        Assert.Empty(Directory.GetDirectories(run.Output, ".hotspots-bad.partial-*"));
    }

    [Fact]
    public void Render_redraws_every_map_of_the_run()
    {
        Assert.Equal(ExitCodes.Ok, Invoke("render", run.Output, "--scenario", Scenario));
        var expected = Directory.GetFiles(run.PathOf("maps")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var got = Directory.GetFiles(run.PathOf("render")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, got);
        Assert.Equal(File.ReadAllBytes(run.PathOf("maps/pathway.svg")), File.ReadAllBytes(run.PathOf("render/pathway.svg")));
    }

    [Fact]
    public void Report_writes_new_sub_folders_and_never_replaces_the_runs_own_report()
    {
        string own = FileSha(run.PathOf("report.html"));
        Assert.Equal(ExitCodes.Ok, Invoke("report", run.Output));
        Assert.Equal(ExitCodes.Ok, Invoke("report", run.Output));
        Assert.Equal(own, FileSha(run.PathOf("report.html")));
        Assert.Equal(own, FileSha(run.PathOf("report/report.html")));
        Assert.Equal(own, FileSha(run.PathOf("report-2/report.html")));
        Assert.Equal(ExitCodes.InputError, Invoke("report", run.Output, "--name", "report"));
        Assert.Equal(ExitCodes.InputError, Invoke("report", run.Output, "--name", "report.html"));
        Assert.Equal(own, FileSha(run.PathOf("report.html")));
        Assert.Empty(Directory.GetDirectories(run.Output, ".report*.partial-*"));
    }

    [Theory]
    [InlineData("hotspots", "maps")]
    [InlineData("hotspots", "analysis")]
    [InlineData("zonal", "grids")]
    [InlineData("render", "report.html")]
    [InlineData("zonal", "../outside")]
    [InlineData("render", "/tmp/gridem-outside")]
    [InlineData("hotspots", ".hidden")]
    public void Analysis_commands_refuse_a_name_that_is_the_runs_own_output_or_leaves_the_run_folder(string command, string name)
    {
        string[] before = Directory.GetFileSystemEntries(run.Output, "*", SearchOption.AllDirectories).Select(f => f + " " + (File.Exists(f) ? FileSha(f) : "dir")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ExitCodes.InputError, Invoke(command, run.Output, "--scenario", Scenario, "--name", name));
        string[] after = Directory.GetFileSystemEntries(run.Output, "*", SearchOption.AllDirectories).Select(f => f + " " + (File.Exists(f) ? FileSha(f) : "dir")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(before, after);
        Assert.False(Directory.Exists(Path.Combine(run.Parent, "outside")));
        Assert.False(Directory.Exists("/tmp/gridem-outside"));
    }

    [Fact]
    public void Commands_refuse_a_folder_that_is_not_a_run()
    {
        Assert.Equal(ExitCodes.InputError, Invoke("render", run.PathOf("grids")));
        Assert.Equal(ExitCodes.InputError, Invoke("zonal", Path.Combine(run.Parent, "missing")));
    }

    private static string FileSha(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    private static int Invoke(params string[] args) => CommandLine.Build().Parse(args).Invoke();
}
