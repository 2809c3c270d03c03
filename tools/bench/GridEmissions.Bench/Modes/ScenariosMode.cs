using GridEmissions.Bench.Harness;
using GridEmissions.Pipeline;
using static GridEmissions.Bench.Harness.MarkdownTable;

namespace GridEmissions.Bench.Modes;

/// <summary>
/// `scenarios`: every shipped scenario end to end through <see cref="ScenarioRun.Execute"/> (read,
/// validate, coverage, models, projection, yearly GeoTIFFs, NetCDF cube, facility table, audit,
/// manifest) into a temporary folder, each run in its own process; then, once per scenario, the
/// whole `gridem run` command (which adds city totals, hotspots, trajectories and maps).
/// </summary>
public static class ScenariosMode
{
    /// <summary>Parent: runs the children and prints the tables.</summary>
    public static void Run(BenchOptions options)
    {
        var table = new MarkdownTable("scenario", "cells", "sectors × years", "runs", "wall s (median)", "wall s (min)", "peak RSS MiB", "peak managed MiB", "allocated MiB", "gen2 GCs");
        var cli = new MarkdownTable("scenario", "`gridem run` wall s", "peak RSS MiB (VmHWM)");
        string gridem = Path.Combine(AppContext.BaseDirectory, "gridem.dll");
        foreach (string file in RepoPaths.Scenarios)
        {
            string path = RepoPaths.Of("scenarios", file);
            var runs = Enumerable.Range(0, options.Repeat).Select(_ => ChildProcess.Run("child-scenario", path)).ToList();
            var wall = runs.Select(r => r.WallSeconds).Order().ToList();
            Measurement m = runs[0];
            table.Add(file, F(m.Figure("cells"), "#,0"), $"{m.Figure("sectors")} × {m.Figure("years")}", runs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                F(wall[wall.Count / 2]), F(wall[0]), F(runs.Max(r => r.PeakWorkingSetMiB), "0"), F(runs.Max(r => r.PeakManagedHeapMiB), "0"), F(m.AllocatedMiB, "0"), F(m.Gen2Collections, "0"));
            Console.Error.WriteLine($"{file}: {wall[wall.Count / 2]:0.00} s");

            if (File.Exists(gridem))
            {
                string outDir = RepoPaths.TempFolder("cli");
                try
                {
                    Measurement c = ChildProcess.RunExternal(file, "dotnet", [gridem, "run", path, "--out", outDir, "--force"]);
                    cli.Add(file, F(c.WallSeconds), F(c.PeakWorkingSetMiB, "0"));
                }
                finally
                {
                    DeleteQuietly(outDir);
                }
            }
        }

        Console.WriteLine("### Scenarios: ScenarioRun.Execute end to end (one process per run)\n");
        Console.WriteLine(table);
        Console.WriteLine("### Scenarios: the whole `gridem run` command (one process each, peak polled from /proc)\n");
        Console.WriteLine(cli);
    }

    /// <summary>Child: one scenario end to end into a temporary folder (deleted after the measurement).</summary>
    public static void Child(string scenarioPath)
    {
        string outDir = RepoPaths.TempFolder("scenario");
        try
        {
            Measurement m = Measure.Run(Path.GetFileName(scenarioPath), _ =>
            {
                var (run, result) = ScenarioRun.Execute(scenarioPath, outDir, force: true);
                return new Dictionary<string, double>
                {
                    ["cells"] = run.Region.Grid.CellCount,
                    ["sectors"] = run.Scenario.Sectors.Count,
                    ["years"] = run.Scenario.Years.Count,
                    ["audit_rows"] = result.Audit.Count,
                };
            });
            ChildProcess.Report(m);
        }
        finally
        {
            DeleteQuietly(outDir);
        }
    }

    /// <summary>Deletes a temporary folder if it exists.</summary>
    public static void DeleteQuietly(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, true);
        }
    }
}
