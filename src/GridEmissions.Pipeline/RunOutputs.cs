using System.Diagnostics;
using System.Globalization;
using GridEmissions.Core.Projection;

namespace GridEmissions.Pipeline;

/// <summary>
/// The analysis, GeoJSON, maps and summary of `gridem run`, written into the staging folder before
/// the manifest and the commit (the <c>extra</c> step of <see cref="ScenarioRun.Execute"/>).
/// </summary>
public static class RunOutputs
{
    /// <summary>The <c>extra</c> callback without logging.</summary>
    public static void Write(PreparedRun run, OutputDirectory output, ProjectionResult result) => Write(run, output, result, null);

    /// <summary>Writes <c>analysis/</c>, <c>maps/</c> and <c>summary.md</c> into <paramref name="output"/>'s staging folder.</summary>
    public static void Write(PreparedRun run, OutputDirectory output, ProjectionResult result, Action<string>? log)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        var context = AnalysisContext.ForRun(run, output.Staging);
        var watch = Stopwatch.StartNew();
        void Step(string what) => log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{run.Scenario.Id}: {what} ({watch.Elapsed.TotalSeconds:0.0} s)"));
        var totals = ZonalAnalysis.Write(context, n => output.File(Path.Combine("analysis", n)));
        Step("city totals written");
        HotspotAnalysis.Write(context, HotspotOptions.Default(context), n => output.File(Path.Combine("analysis", n)));
        Step("hotspots written");
        RunMaps.Write(context, n => output.File(Path.Combine("maps", n)));
        Step("maps drawn");
        RunLayers.Write(context, output.Staging, n => output.File(Path.Combine("layers", n)));
        Step("layers written");
        TotalCogs.Write(context, n => output.File(Path.Combine("grids", n)));
        QgisStyles.Write(output.Staging, run.Scenario.StartYear);
        Step("total COGs and QGIS styles written");
        RunSummary.Write(context, totals, output.File("patterns.csv"), output.File("summary.md"));
        NetOutputs.Write(context, n => output.File(Path.Combine("analysis", n)), n => output.File(Path.Combine("maps", n)), output.File("summary.md"));
        if (run.Scenario.Sinks is not null)
        {
            Step("net city totals, net and sink maps written");
        }
        ArgumentNullException.ThrowIfNull(result);
        File.AppendAllText(output.File("summary.md"), FleetSummary.Text(result.Notes), new System.Text.UTF8Encoding(false));
    }
}
