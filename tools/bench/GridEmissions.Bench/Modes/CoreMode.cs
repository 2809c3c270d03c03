using System.Diagnostics;
using GridEmissions.Bench.Harness;
using GridEmissions.Pipeline;
using static GridEmissions.Bench.Harness.MarkdownTable;

using DiscardSink = GridEmissions.Bench.Harness.DiscardSink;

namespace GridEmissions.Bench.Modes;

/// <summary>
/// `core`: the model core alone — every year × sector evolved, capped, harmonised, audited and
/// pattern-checked by <see cref="Core.Projection.ProjectionRunner"/> into a sink that discards —
/// for Henan and the YRD. Inputs are read and models built first (timed apart as "prepare").
/// </summary>
public static class CoreMode
{
    private static readonly string[] Cases = ["henan-neutrality.yaml", "yrd-neutrality.yaml"];

    /// <summary>Parent: runs the children and prints the table.</summary>
    public static void Run(BenchOptions options)
    {
        var table = new MarkdownTable("scenario", "cells", "sectors × years", "runs", "prepare s", "cold prepare+core s", "core wall s (median)", "core wall s (min)", "cells×sectors×years per s", "allocated MiB (core)", "peak RSS MiB");
        foreach (string file in Cases)
        {
            var runs = Enumerable.Range(0, options.Repeat).Select(_ => ChildProcess.Run("child-core", RepoPaths.Of("scenarios", file))).ToList();
            var wall = runs.Select(r => r.WallSeconds).Order().ToList();
            Measurement m = runs[0];
            double work = m.Figure("cells") * m.Figure("sectors") * m.Figure("years");
            double median = wall[wall.Count / 2];
            table.Add(file, F(m.Figure("cells"), "#,0"), $"{m.Figure("sectors")} × {m.Figure("years")}", runs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                F(runs.Select(r => r.Figure("prepare_s")).Order().ElementAt(runs.Count / 2)), F(runs.Select(r => r.Figure("cold_s")).Order().ElementAt(runs.Count / 2)), F(median, "0.000"), F(wall[0], "0.000"), F(work / median, "#,0"), F(m.AllocatedMiB, "0"), F(runs.Max(r => r.PeakWorkingSetMiB), "0"));
            Console.Error.WriteLine($"{file}: core {median:0.000} s");
        }

        Console.WriteLine("### Core: ProjectionRunner into a discarding sink (no I/O)\n");
        Console.WriteLine(table);
    }

    /// <summary>Child: one cold run (JIT warm-up, reported as cold_s), then prepare again (reported as prepare_s) and the measured projection into a discarding sink.</summary>
    public static void Child(string scenarioPath)
    {
        var coldWatch = Stopwatch.StartNew();
        ScenarioRun.Prepare(scenarioPath).Runner.Run(new DiscardSink());
        coldWatch.Stop();
        var prepareWatch = Stopwatch.StartNew();
        PreparedRun run = ScenarioRun.Prepare(scenarioPath);
        prepareWatch.Stop();
        var sink = new DiscardSink();
        Measurement m = Measure.Run(Path.GetFileName(scenarioPath), _ =>
        {
            run.Runner.Run(sink);
            return new Dictionary<string, double>
            {
                ["cells"] = run.Region.Grid.CellCount,
                ["sectors"] = run.Scenario.Sectors.Count,
                ["years"] = run.Scenario.Years.Count,
                ["prepare_s"] = prepareWatch.Elapsed.TotalSeconds,
                ["cold_s"] = coldWatch.Elapsed.TotalSeconds,
                ["sector_grids"] = sink.SectorGrids,
                ["facility_records"] = sink.FacilityRecords,
            };
        });
        ChildProcess.Report(m);
    }
}
