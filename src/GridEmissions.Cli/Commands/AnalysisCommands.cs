using System.CommandLine;
using System.Globalization;
using GridEmissions.Pipeline;

namespace GridEmissions.Cli.Commands;

/// <summary>`gridem zonal`, `gridem hotspots` and `gridem render`: recompute from a finished run folder into a new sub-folder.</summary>
public static class AnalysisCommands
{
    /// <summary>`gridem zonal RUN_DIR`.</summary>
    public static Command Zonal()
    {
        var (runDir, scenario, name) = Common("zonal");
        var cmd = new Command("zonal", "City totals of every year and sector (+ total) with the outside remainder, from a finished run's grids: city_totals.csv and cities_<year>.geojson (EPSG:4326) in RUN_DIR/zonal/.\nExample: gridem zonal out/henan-neutrality")
        {
            runDir, scenario, name,
        };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            AnalysisContext context = RunFolder.Load(p.GetValue(runDir)!, p.GetValue(scenario));
            string target = RunFolder.WriteSubfolder(p.GetValue(runDir)!, p.GetValue(name)!, p.GetResult(name) is { Implicit: false }, file => ZonalAnalysis.Write(context, file));
            Console.WriteLine($"{context.Scenario.Id}: city totals of {context.Scenario.Years.Count} years x {context.Grids.Sectors.Count} sectors + total reconciled with the grids; outputs in {target}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>`gridem hotspots RUN_DIR [--years] [--sector] [--weights]`.</summary>
    public static Command Hotspots()
    {
        var (runDir, scenario, name) = Common("hotspots");
        var years = new Option<string?>("--years") { Description = "Comma-separated years (default: the base year, 2035 and the end year)." };
        var sector = new Option<string>("--sector") { Description = "Comma-separated sector ids, `total`, or `all` (every sector and the total).", DefaultValueFactory = _ => "total" };
        var weights = new Option<string>("--weights") { Description = "Gi* neighbours: `queen` (the cell and its 8 neighbours) or `distance:<metres>` (cell centres within the band).", DefaultValueFactory = _ => "queen" };
        var cmd = new Command("hotspots", "Emission classes, concentration (top cells, top 1 %/10 % share, Gini), Getis-Ord Gi* hot/cold spots (FDR-adjusted), zones and trajectories from a finished run's grids, into RUN_DIR/hotspots/.\nExample: gridem hotspots out/henan-neutrality --years 2024,2035,2060 --sector total --weights distance:25000")
        {
            runDir, scenario, name, years, sector, weights,
        };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            AnalysisContext context = RunFolder.Load(p.GetValue(runDir)!, p.GetValue(scenario));
            var (kind, band) = HotspotOptions.ParseWeights(p.GetValue(weights)!);
            string sectors = p.GetValue(sector)!;
            var options = new HotspotOptions(
                p.GetValue(years) is { Length: > 0 } y ? ParseYears(y) : context.KeyYears,
                string.Equals(sectors, "all", StringComparison.OrdinalIgnoreCase) ? context.Grids.SectorsAndTotal : [.. sectors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                kind,
                band);
            string target = RunFolder.WriteSubfolder(p.GetValue(runDir)!, p.GetValue(name)!, p.GetResult(name) is { Implicit: false }, file => HotspotAnalysis.Write(context, options, file));
            Console.WriteLine($"{context.Scenario.Id}: hotspots of {string.Join(", ", options.Years)} for {string.Join(", ", options.Sectors)}; outputs in {target}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>`gridem render RUN_DIR`.</summary>
    public static Command Render()
    {
        var (runDir, scenario, name) = Common("render");
        var cmd = new Command("render", "Re-draw the maps and the pathway chart of a finished run (PNG; pathway and base-year grid map also SVG and PDF) into RUN_DIR/render/.\nExample: gridem render out/henan-neutrality")
        {
            runDir, scenario, name,
        };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            AnalysisContext context = RunFolder.Load(p.GetValue(runDir)!, p.GetValue(scenario));
            IReadOnlyList<string> files = [];
            string target = RunFolder.WriteSubfolder(p.GetValue(runDir)!, p.GetValue(name)!, p.GetResult(name) is { Implicit: false }, file => files = [.. RunMaps.Write(context, file), .. NetOutputs.Maps(context, file)]);
            Console.WriteLine($"{context.Scenario.Id}: {files.Count} maps drawn; outputs in {target}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>`gridem report RUN_DIR`: the interactive report.html of a finished run, in a new sub-folder (the run's own report.html is never replaced).</summary>
    public static Command Report()
    {
        var (runDir, _, name) = Common("report");
        var cmd = new Command("report", "Write a new RUN_DIR/report/report.html: one self-contained offline page (map of the grid for any year and sector, city totals, hotspot zones, facilities, pathway, sortable city ranking, audit, inputs). `gridem run` writes RUN_DIR/report.html itself, which this never replaces.\nExample: gridem report out/henan-neutrality")
        {
            runDir, name,
        };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            string dir = p.GetValue(runDir)!;
            foreach (string needed in new[] { "manifest.json", "audit.csv", Path.Combine("analysis", "city_totals.csv") })
            {
                if (!File.Exists(Path.Combine(dir, needed)))
                {
                    throw new InputError(Path.Combine(dir, needed), "the run folder has no " + needed + ".", "give the output folder of a finished `gridem run` (with its analysis/).");
                }
            }

            string path = string.Empty;
            string target = RunFolder.WriteSubfolder(dir, p.GetValue(name)!, p.GetResult(name) is { Implicit: false }, file => path = GridEmissions.Report.ReportWriter.Write(dir, file(GridEmissions.Report.ReportWriter.FileName)));
            string written = Path.Combine(target, Path.GetFileName(path));
            Console.WriteLine($"report written: {written} ({new FileInfo(written).Length / 1e6:0.0} MB)");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static List<int> ParseYears(string text)
    {
        var years = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int y))
            {
                throw new InputError("--years", $"'{part}' is not a year.", "give comma-separated years, e.g. `--years 2024,2035,2060`.");
            }

            years.Add(y);
        }

        return [.. years.Distinct().Order()];
    }

    private static (Argument<string> RunDir, Option<string?> Scenario, Option<string> Name) Common(string defaultName) =>
    (
        new Argument<string>("run-dir") { Description = "Output folder of a finished `gridem run`." },
        new Option<string?>("--scenario") { Description = "Scenario YAML the run was made with (default: the one named in manifest.json, found by name and SHA-256 in ./scenarios or above the run folder)." },
        new Option<string>("--name") { Description = $"New sub-folder of the run folder to write (written atomically; an existing folder is never replaced; default {defaultName}, or {defaultName}-2, -3… when taken).", DefaultValueFactory = _ => defaultName }
    );
}
