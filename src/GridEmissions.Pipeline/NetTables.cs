using System.Globalization;

namespace GridEmissions.Pipeline;

/// <summary>
/// The tables of a run with sinks: <c>net_totals.csv</c> (year × gross, each signed sector, sinks, net,
/// captured, stored and unmet, Mt), <c>storage.csv</c> (site × year injected and cumulative, plus unmet
/// demand rows) and <c>storage_flows.csv</c> (source → site deliveries and unmet quantities with their reason).
/// </summary>
public static class NetTables
{
    /// <summary>File name of the yearly totals.</summary>
    public const string TotalsFile = "net_totals.csv";

    /// <summary>Writes the three tables into the staging folder.</summary>
    public static void Write(PreparedRun run, NetOutputSink net, OutputDirectory output)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(output);
        string region = run.Scenario.Region, id = run.Scenario.Id;
        RunManifest.WriteLines(output.File(TotalsFile), TotalLines(region, id, net));
        RunManifest.WriteLines(output.File("storage.csv"), net.StorageLines(region, id));
        RunManifest.WriteLines(output.File("storage_flows.csv"), net.FlowLines(region, id));
    }

    private static IEnumerable<string> TotalLines(string region, string scenario, NetOutputSink net)
    {
        // Fixed columns whatever the scenario holds (a signed sector it lacks is 0), sector `total`: tables of runs concatenate.
        yield return "region,scenario,year,sector,gross_mt,land_sink_mt,removals_mt,sink_mt,net_mt,captured_mt,stored_mt,unmet_storage_mt,land_sink_at_class_rates_mt";
        foreach (NetYear y in net.Years)
        {
            double land = y.SignedMt.GetValueOrDefault(Core.Sinks.SinkSpec.LandSector), removals = y.SignedMt.GetValueOrDefault(Core.Sinks.SinkSpec.RemovalSector);
            yield return FormattableString.Invariant($"{region},{scenario},{y.Year},total,{y.GrossMt:R},{land:R},{removals:R},{y.SinkMt:R},{y.NetMt:R},{y.CapturedMt:R},{y.StoredMt:R},{y.UnmetMt:R},{-y.RateBasedLandMt:R}");
        }
    }
}
