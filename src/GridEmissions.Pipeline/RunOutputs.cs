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
        ArgumentNullException.ThrowIfNull(result);
        var context = AnalysisContext.ForRun(run, output.Staging);
        var watch = Stopwatch.StartNew();
        void Step(string what) => log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{run.Scenario.Id}: {what} ({watch.Elapsed.TotalSeconds:0.0} s)"));

        // Two lanes that share nothing but read-only inputs (the grids, the region, the facility
        // bookings): the maps on one core, the tables and layers on the other, which then helps with the
        // maps left (the total COGs and the report's overlays were written while the projection ran, see
        // ScenarioRun.Execute). Each file is written by one job only, so the bytes do not depend on which
        // lane runs it; the QGIS styles, which look at every grid and layer, come after both.
        Func<string, string> mapFile = n => output.File(Path.Combine("maps", n));
        var maps = new SharedJobs<IReadOnlyList<string>>(() => [.. RunMaps.Jobs(context, mapFile), .. NetOutputs.MapJobs(context, mapFile)]);
        Task mapLane = Task.Run(maps.Work);
        try
        {
            var totals = ZonalAnalysis.Write(context, n => output.File(Path.Combine("analysis", n)));
            Step("city totals written");
            HotspotAnalysis.Write(context, HotspotOptions.Default(context), n => output.File(Path.Combine("analysis", n)));
            Step("hotspots written");
            RunLayers.Write(context, output.Staging, n => output.File(Path.Combine("layers", n)));
            TransportNetworkLayer.Write(run, n => output.File(Path.Combine("layers", n)));

            Step("layers written");
            RunSummary.Write(context, totals, output.File("patterns.csv"), output.File("summary.md"));
            NetOutputs.Write(context, n => output.File(Path.Combine("analysis", n)), output.File("summary.md"));
            if (run.Scenario.Sinks is not null)
            {
                Step("net city totals written");
            }

            maps.Work();
        }
        catch
        {
            // Let the map lane finish before the failure unwinds (and the staging folder is removed).
            Tasks.WaitQuietly(mapLane);
            throw;
        }

        mapLane.GetAwaiter().GetResult();
        maps.Results();
        Step("maps drawn (gross, net and sinks)");
        QgisStyles.Write(output.Staging, run.Scenario.StartYear);
        Step("QGIS styles written");
        File.AppendAllText(output.File("summary.md"), FleetSummary.Text(result.Notes), new System.Text.UTF8Encoding(false));
    }
}
