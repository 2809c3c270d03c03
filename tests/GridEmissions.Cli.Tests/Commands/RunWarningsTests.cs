using System.Text.Json.Nodes;
using GridEmissions.Cli.Tests.Commands.BadInputs;
using GridEmissions.Cli.Tests.Commands.Faults;

namespace GridEmissions.Cli.Tests.Commands;

/// <summary>
/// A suspicious but legal input (Zhengzhou given a 0.1° square inside Kaifeng: an overlap of about 1.6 % of
/// Kaifeng, under the 5 % that makes it an error) is a warning on the console — also with --quiet, and as a
/// level "warning" line with --log-json — and at the top of the run's run-log.txt, by the file's name.
/// </summary>
public sealed class RunWarningsTests
{
    private const string Overlap = "cities 410100 and 410200 overlap by about ";

    [Fact]
    public void A_warning_about_the_inputs_is_printed_and_written_to_the_run_log()
    {
        using var folder = new CaseFolder();
        folder.Json("boundaries/cities.geojson", d => AddSquare(CaseFolder.City(d, "410100"), 114.30, 34.75));

        using var validate = GridemProcess.Run(folder, json: true, "validate", FaultChecks.Scenario(folder));
        Assert.True(validate.ExitCode == 0, $"validate failed; {validate.Console}");
        Assert.Contains(validate.Lines, l => l.Level == "warning" && l.Message.StartsWith("warning: " + folder.PathOf("boundaries/cities.geojson") + ": " + Overlap, StringComparison.Ordinal));

        using var run = GridemProcess.Run(folder, json: false, "run", FaultChecks.Scenario(folder), "--out", folder.Out);
        FaultChecks.Clean(run, "run with a warning");
        Assert.True(run.ExitCode == 0, $"the run failed; {run.Console}");
        string console = run.Stderr.Split('\n').Single(l => l.Contains(Overlap, StringComparison.Ordinal));
        Assert.StartsWith("warning: " + folder.PathOf("boundaries/cities.geojson") + ": " + Overlap, console, StringComparison.Ordinal);

        string[] log = File.ReadAllLines(Path.Combine(folder.Out, "run-log.txt"));
        Assert.Equal(console.Replace(folder.PathOf("boundaries/cities.geojson"), "cities.geojson", StringComparison.Ordinal), log[0]);
        Assert.Single(log, l => l.StartsWith("warning: ", StringComparison.Ordinal));
    }

    /// <summary>Adds a 0.1° x 0.1° square part at (<paramref name="lon"/>, <paramref name="lat"/>) to a city's outline.</summary>
    private static void AddSquare(JsonNode city, double lon, double lat)
    {
        JsonNode g = city["geometry"]!;
        JsonNode part = JsonNode.Parse(FormattableString.Invariant($"[[[{lon},{lat}],[{lon + 0.1},{lat}],[{lon + 0.1},{lat + 0.1}],[{lon},{lat + 0.1}],[{lon},{lat}]]]"))!;
        if ((string?)g["type"] == "Polygon")
        {
            city["geometry"] = new JsonObject { ["type"] = "MultiPolygon", ["coordinates"] = new JsonArray(JsonNode.Parse(g["coordinates"]!.ToJsonString()), part) };
        }
        else
        {
            g["coordinates"]!.AsArray().Add(part);
        }
    }
}
