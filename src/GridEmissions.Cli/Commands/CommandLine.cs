using System.CommandLine;
using GridEmissions.Pipeline;

namespace GridEmissions.Cli.Commands;

/// <summary>Builds the `gridem` command tree.</summary>
public static class CommandLine
{
    /// <summary>The root command with every sub-command.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "GridEmissions: CO2 emissions on a 10 km grid, year by year, under a region's pathway to carbon neutrality.\n" +
            "Exit codes: 0 ok, 1 input error (message says what and how to fix), 2 internal error.\n" +
            "Example: gridem run scenarios/henan-neutrality.yaml --out out/henan-neutrality");
        root.Options.Add(GlobalOptions.Quiet);
        root.Options.Add(GlobalOptions.LogJson);
        root.Subcommands.Add(DemoCommand.Build());
        root.Subcommands.Add(RunCommand());
        root.Subcommands.Add(BaselineCommand());
        root.Subcommands.Add(InspectCommand());
        root.Subcommands.Add(ValidateCommand());
        root.Subcommands.Add(AnalysisCommands.Zonal());
        root.Subcommands.Add(AnalysisCommands.Hotspots());
        root.Subcommands.Add(AnalysisCommands.Render());
        root.Subcommands.Add(AnalysisCommands.Report());
        root.Subcommands.Add(ExportCommand.Build());
        root.Subcommands.Add(CompareCommand.Build());
        root.Subcommands.Add(EnsembleCommand.Build());
        return root;
    }

    private static Command RunCommand()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file." };
        var output = new Option<string>("--out") { Description = "Output folder (must not exist unless --force).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing output folder once the new run is complete." };
        var cmd = new Command("run", "Project a scenario year by year: GeoTIFF per year, CF NetCDF, facility table, audit, manifest.\nExample: gridem run scenarios/henan-neutrality.yaml --out out/henan-neutrality")
        {
            scenario, output, force,
        };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            ConsoleReporter reporter = GlobalOptions.Reporter(p);
            string path = p.GetValue(scenario)!;
            var (run, result) = reporter.Run(Path.GetFileNameWithoutExtension(path), () => ScenarioRun.Execute(path, p.GetValue(output)!, p.GetValue(force), reporter.Info, (r, o, x) => RunOutputs.Write(r, o, x, reporter.Info), reporter.Year, reporter.Warning));
            Console.WriteLine($"{run.Scenario.Id}: {result.Audit.Count} allocations conserved (max relative error {result.Audit.Max(a => a.RelativeError):E2}); outputs in {Path.GetFullPath(p.GetValue(output)!)}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command BaselineCommand()
    {
        var scenarios = new Argument<string[]>("scenarios") { Description = "Scenario files whose base year to build (default: the shipped Henan and YRD scenarios).", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "out/baseline" };
        var force = new Option<bool>("--force") { Description = "Replace an existing output folder." };
        var cmd = new Command("baseline", "Build the 2024 baseline raster of every sector (t CO2/yr per 10 km cell) from the real data.\nExample: gridem baseline --out out/baseline")
        {
            scenarios, output, force,
        };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            string[] paths = p.GetValue(scenarios) is { Length: > 0 } given ? given : [Path.Combine("scenarios", "henan-neutrality.yaml"), Path.Combine("scenarios", "yrd-neutrality.yaml")];
            ConsoleReporter reporter = GlobalOptions.Reporter(p);
            foreach (string line in reporter.Run("baselines", () => BaselineBuild.Execute(paths, p.GetValue(output)!, p.GetValue(force))))
            {
                Console.WriteLine(line);
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command InspectCommand()
    {
        var file = new Argument<string>("file") { Description = "Any raster or vector file GDAL reads (GeoTIFF, NetCDF, GeoJSON, GeoPackage, Shapefile, CSV)." };
        var cmd = new Command("inspect", "Print what a raster or vector file holds: size, CRS, cell size, bands/layers, sums.\nExample: gridem inspect my_chred_10km.tif") { file };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            string path = p.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new InputError(path, "the file does not exist.", "check the path.");
            }

            Console.WriteLine(Gdal.DatasetInspector.Describe(path));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command ValidateCommand()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file." };
        var cmd = new Command("validate", "Check a scenario and all its inputs with every check `run` makes (the allocations are computed, nothing is written).\nExample: gridem validate scenarios/yrd-neutrality.yaml") { scenario };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            ConsoleReporter reporter = GlobalOptions.Reporter(p);
            PreparedRun run = ScenarioRun.Prepare(p.GetValue(scenario)!);
            foreach (Core.Scenarios.ScenarioProblem w in run.Region.Warnings)
            {
                reporter.Warning(RunLog.Console(w));
            }

            var result = ScenarioRun.Project(run, new DryRunSink());
            Console.WriteLine($"{run.Scenario.Id}: valid — {run.Region.Cities.Count} cities, grid {run.Region.Grid.Columns} x {run.Region.Grid.Rows} cells, {run.Scenario.Sectors.Count} sectors, {run.Scenario.StartYear}-{run.Scenario.EndYear}; all {result.Audit.Count} allocations conserve (dry run, nothing written).");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
