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
        yield return "region,scenario,year,gross_mt," + string.Join(",", net.SectorIds.Select(s => s + "_mt")) + ",sink_mt,net_mt,captured_mt,stored_mt,unmet_storage_mt,land_sink_at_class_rates_mt";
        foreach (NetYear y in net.Years)
        {
            string signed = string.Join(",", net.SectorIds.Select(s => y.SignedMt[s].ToString("R", CultureInfo.InvariantCulture)));
            yield return FormattableString.Invariant($"{region},{scenario},{y.Year},{y.GrossMt:R},{signed},{y.SinkMt:R},{y.NetMt:R},{y.CapturedMt:R},{y.StoredMt:R},{y.UnmetMt:R},{-y.RateBasedLandMt:R}");
        }
    }
}
