using System.CommandLine;
using System.Globalization;
using GridEmissions.Pipeline;

namespace GridEmissions.Cli.Commands;

/// <summary>`gridem export RUN_DIR --lonlat RES [--out DIR]`: the run regridded conservatively onto a regular lon/lat grid.</summary>
public static class ExportCommand
{
    /// <summary>The command.</summary>
    public static Command Build()
    {
        var runDir = new Argument<string>("run-dir") { Description = "Output folder of a finished `gridem run`." };
        var lonlat = new Option<string>("--lonlat") { Description = "Cell size of the regular WGS84 lon/lat grid, in degrees (any, e.g. 0.1, 0.25, 0.05).", DefaultValueFactory = _ => "0.1" };
        var output = new Option<string?>("--out") { Description = "New folder to write (must not exist, nor lie inside the run folder); default: the run folder's new sub-folder lonlat-<res> (or lonlat-<res>-2…)." };
        var scenario = new Option<string?>("--scenario") { Description = "Scenario YAML the run was made with (default: the one named in manifest.json)." };
        var cmd = new Command("export", "Regrid every year and sector (+ total) of a finished run conservatively (exact overlaps) onto a regular lon/lat grid: one CF-1.8 NetCDF in t yr-1 per cell and kg m-2 s-1 with cell_area (for CDO, xarray, WRF-Chem/CMAQ preprocessors), and conservation.csv (region and city totals, run vs export).\nExample: gridem export out/henan-neutrality --lonlat 0.1")
        {
            runDir, lonlat, output, scenario,
        };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            string text = p.GetValue(lonlat)!;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double resolution))
            {
                throw new InputError("--lonlat", $"'{text}' is not a number of degrees.", "give the cell size in degrees, e.g. `--lonlat 0.1`.");
            }

            LonLatExportResult r = LonLatExport.Execute(p.GetValue(runDir)!, p.GetValue(scenario), resolution, p.GetValue(output), null);
            Console.WriteLine(FormattableString.Invariant($"{Path.GetFileName(r.NetCdf)}: {r.Grid.Columns} x {r.Grid.Rows} cells of {r.Grid.Resolution}°, totals of the region and every city kept (max relative difference {r.MaxRelativeError:E2}); outputs in {r.Folder}"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
