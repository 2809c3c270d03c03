using System.Globalization;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Scenarios;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// Reads a user's base-year grids (one raster per sector in the folder given as
/// <c>inputs: baseline:</c>, named <c>&lt;sector&gt;.tif</c> or <c>*_&lt;sector&gt;.tif</c>, any GDAL
/// raster format) and checks they fit the scenario grid: CRS, cell size, lattice, extent, and
/// values (no NaN, infinite or negative emissions; nodata counts as zero).
/// </summary>
public static class UserBaseline
{
    private static readonly string[] Extensions = [".tif", ".tiff", ".nc", ".img", ".vrt", ".asc"];

    /// <summary>The baseline grid of each sector found, cut to the scenario grid (t/yr per cell).</summary>
    public static IReadOnlyDictionary<string, double[]> Load(Scenario scenario, GridSpec grid)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(grid);
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        if (!scenario.Inputs.Files.TryGetValue("baseline", out string? folder))
        {
            return result;
        }

        var problems = new List<ScenarioProblem>();
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToArray() : [];
        foreach (SectorSpec s in scenario.Sectors)
        {
            string? file = files.FirstOrDefault(f => Matches(f, s.Sector.Id));
            if (file is null)
            {
                continue;
            }

            try
            {
                using RasterDataset raster = RasterDataset.Open(file);
                var fit = RasterGridCheck.Check(raster, grid);
                if (fit.Count > 0)
                {
                    string cellHint = fit.Any(p => p.Contains("cells are", StringComparison.Ordinal)) && Math.Abs(raster.GeoTransform[1] - grid.CellSizeMetres) > 1e-6
                        ? string.Create(CultureInfo.InvariantCulture, $" Or, if the scenario should use this raster's cells, set grid: cell_size_m: {raster.GeoTransform[1]:0.###} in the scenario.")
                        : string.Empty;
                    problems.AddRange(fit.Select(p => new ScenarioProblem(file, 0, $"the baseline raster does not fit the scenario grid: {p}", "align the raster as suggested above, then run again." + cellHint)));
                    continue;
                }

                result[s.Sector.Id] = Window(raster, grid, file, problems);
            }
            catch (GdalException e)
            {
                problems.Add(new ScenarioProblem(file, 0, "the baseline raster cannot be read: " + e.Message, "give a valid GeoTIFF/NetCDF (check it with `gridem inspect FILE`)."));
            }
        }

        foreach (string f in files.Where(f => !scenario.Sectors.Any(s => Matches(f, s.Sector.Id))))
        {
            problems.Add(new ScenarioProblem(f, 0, $"the baseline folder holds a raster that names no sector of the scenario ({string.Join(", ", scenario.Sectors.Select(s => s.Sector.Id))}), so it would be ignored.",
                "rename it <sector>.tif or <prefix>_<sector>.tif after one of the scenario's sectors, or move it out of the baseline folder."));
        }

        if (problems.Count > 0)
        {
            throw new InputError(problems);
        }

        return result;
    }

    private static bool Matches(string file, string sectorId)
    {
        string stem = Path.GetFileNameWithoutExtension(file);
        return stem == sectorId || stem.EndsWith("_" + sectorId, StringComparison.Ordinal);
    }

    private static double[] Window(RasterDataset raster, GridSpec grid, string file, List<ScenarioProblem> problems)
    {
        double[] gt = raster.GeoTransform;
        int offsetX = (int)Math.Round((grid.MinX - gt[0]) / grid.CellSizeMetres);
        int offsetY = (int)Math.Round((gt[3] - grid.MaxY) / grid.CellSizeMetres);
        double[] band = raster.ReadBand(1);
        double? nodata = raster.NoData(1);
        var cells = new double[grid.CellCount];
        int reported = 0;
        for (int r = 0; r < grid.Rows; r++)
        {
            for (int c = 0; c < grid.Columns; c++)
            {
                double v = band[((r + offsetY) * raster.Width) + c + offsetX];
                if (nodata is double nd && (v == nd || (double.IsNaN(nd) && double.IsNaN(v))))
                {
                    v = 0;
                }

                if (!double.IsFinite(v) || v < 0)
                {
                    if (reported++ < 5)
                    {
                        problems.Add(new ScenarioProblem(file, 0,
                            string.Create(CultureInfo.InvariantCulture, $"band 1 holds {v} at column {c + offsetX}, row {r + offsetY} (cell {grid.CellId(grid.Index(c, r))}): emissions must be finite and non-negative."),
                            "fix the value, or mark it as nodata (gdal_edit.py -a_nodata) if it means 'no data'."));
                    }

                    continue;
                }

                cells[grid.Index(c, r)] = v;
            }
        }

        if (reported > 5)
        {
            problems.Add(new ScenarioProblem(file, 0, $"… and {reported - 5} more invalid cells.", "fix every NaN, infinite or negative value."));
        }

        return cells;
    }
}
