using System.CommandLine;
using GridEmissions.Cli.Commands;
using GridEmissions.Pipeline.Tests;

namespace GridEmissions.Cli.Tests.Commands;

public sealed class ExportCommandTests(HenanRunFixture run) : IClassFixture<HenanRunFixture>
{
    private string Scenario => Path.Combine(run.RepoRoot, "scenarios", "henan-neutrality.yaml");

    private static int Invoke(params string[] args) => CommandLine.Build().Parse(args).Invoke();

    [Fact]
    public void Export_has_help_with_an_example()
    {
        Command cmd = CommandLine.Build().Subcommands.Single(c => c.Name == "export");
        Assert.Contains("Example: gridem export", cmd.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_the_lonlat_folder_and_a_second_export_a_new_one()
    {
        Assert.Equal(ExitCodes.Ok, Invoke("export", run.Output, "--lonlat", "0.2", "--scenario", Scenario));
        Assert.True(File.Exists(run.PathOf("lonlat-0.2/henan-neutrality_lonlat_0.2.nc")));
        Assert.True(File.Exists(run.PathOf("lonlat-0.2/conservation.csv")));
        Assert.Equal(ExitCodes.Ok, Invoke("export", run.Output, "--lonlat", "0.2", "--scenario", Scenario));
        Assert.True(File.Exists(run.PathOf("lonlat-0.2-2/henan-neutrality_lonlat_0.2.nc")));
        Assert.Empty(Directory.GetDirectories(run.Output, ".lonlat-*.partial-*"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-0.1")]
    [InlineData("45")]
    public void A_bad_resolution_is_an_input_error_and_writes_nothing(string resolution)
    {
        var before = Directory.GetDirectories(run.Output).Order().ToList();
        Assert.Equal(ExitCodes.InputError, Invoke("export", run.Output, "--lonlat", resolution, "--scenario", Scenario));
        Assert.Equal(before, Directory.GetDirectories(run.Output).Order().ToList());
    }

    [Fact]
    public void An_out_folder_inside_the_run_or_existing_is_refused()
    {
        Assert.Equal(ExitCodes.InputError, Invoke("export", run.Output, "--out", run.PathOf("grids"), "--scenario", Scenario));
        Assert.Equal(ExitCodes.InputError, Invoke("export", run.Output, "--out", run.PathOf("mine"), "--scenario", Scenario));
        Assert.False(Directory.Exists(run.PathOf("mine")));
        Assert.Equal(ExitCodes.InputError, Invoke("export", Path.Combine(run.Parent, "no-such-run"), "--scenario", Scenario));
    }
}
