using System.Globalization;
using System.Text;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>What `gridem export --lonlat` wrote.</summary>
/// <param name="Folder">The new folder.</param>
/// <param name="NetCdf">The lon/lat NetCDF.</param>
/// <param name="Grid">The lon/lat grid.</param>
/// <param name="MaxRelativeError">Largest |export − run| ÷ max(1 t, run) over every year, sector, region and city.</param>
public sealed record LonLatExportResult(string Folder, string NetCdf, LonLatGrid Grid, double MaxRelativeError);

/// <summary>
/// `gridem export RUN_DIR --lonlat RES`: every year and sector (+ total) of a finished run,
/// regridded conservatively (exact overlaps, <see cref="LonLatRegrid"/>) onto a regular WGS84
/// lon/lat grid, as one CF-1.8 NetCDF with each quantity in t yr-1 per cell (<c>&lt;sector&gt;</c>)
/// and as a flux in kg m-2 s-1 (<c>&lt;sector&gt;_flux</c>), <c>cell_area</c>, <c>region_fraction</c>
/// and time bounds; plus <c>conservation.csv</c>: the region's and every city's total in the run
/// and in the export, for every year and sector. A difference above 1e-9 fails the export.
/// </summary>
public static class LonLatExport
{
    /// <summary>Largest allowed relative difference between the export's and the run's totals.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>Default resolution (degrees), EDGAR's.</summary>
    public const double DefaultResolution = 0.1;

    /// <summary>Header of conservation.csv.</summary>
    public const string ConservationHeader = "region,scenario,year,sector,kind,adcode,name_en,run_t,export_t,difference_t,relative_error";

    /// <summary>The default sub-folder name for a resolution, e.g. <c>lonlat-0.1</c>.</summary>
    public static string FolderName(double resolution) => "lonlat-" + Text(resolution);

    /// <summary>The NetCDF's file name, e.g. <c>henan-neutrality_lonlat_0.1.nc</c>.</summary>
    public static string FileName(string scenarioId, double resolution) => $"{scenarioId}_lonlat_{Text(resolution)}.nc";

    /// <summary>
    /// Exports <paramref name="runDir"/>: into <paramref name="outDir"/> (a new folder, never
    /// inside the run's inputs) when given, else into the run folder's new sub-folder
    /// <paramref name="name"/> (default <see cref="FolderName"/>; an existing one is never replaced).
    /// </summary>
    public static LonLatExportResult Execute(string runDir, string? scenarioPath, double resolution, string? outDir, string? name)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDir);
        if (!(resolution > 0 && resolution <= 10) || !double.IsFinite(resolution))
        {
            throw new InputError("--lonlat", FormattableString.Invariant($"{resolution} is not a usable resolution."), "give the cell size in degrees, in (0, 10], e.g. `--lonlat 0.1`.");
        }

        AnalysisContext context = RunFolder.Load(runDir, scenarioPath);
        string command = FormattableString.Invariant($"export {Path.GetFileName(Path.GetFullPath(runDir).TrimEnd(Path.DirectorySeparatorChar))} --lonlat {Text(resolution)}");
        LonLatExportResult? result = null;
        if (outDir is not null)
        {
            using var output = new OutputDirectory(outDir, false, [runDir]);
            result = Write(context, resolution, output.File, command);
            result = result with { Folder = output.Target, NetCdf = Path.Combine(output.Target, FileName(context.Scenario.Id, resolution)) };
            output.Commit();
            return result;
        }

        string target = RunFolder.WriteSubfolder(runDir, name ?? FolderName(resolution), name is not null, file => result = Write(context, resolution, file, command));
        return result! with { Folder = target, NetCdf = Path.Combine(target, FileName(context.Scenario.Id, resolution)) };
    }

    /// <summary>Writes the NetCDF and conservation.csv through <paramref name="file"/>; the result's Folder is empty (the caller knows it).</summary>
    public static LonLatExportResult Write(AnalysisContext context, double resolution, Func<string, string> file, string command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(file);
        RegionMask mask = context.Region.Mask;
        LonLatRegrid regrid = LonLatRegrid.Build(mask, resolution);
        LonLatGrid g = regrid.Target;
        var scenario = context.Scenario;
        var bands = context.Grids.SectorsAndTotal;
        var variables = new List<string>();
        var attrs = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (string band in bands)
        {
            string sectorName = context.SectorName(band);
            variables.Add(band);
            variables.Add(band + "_flux");
            attrs[band] = OutputMetadata.EmissionVariable(band, sectorName);
            attrs[band + "_flux"] = OutputMetadata.FluxVariable(band, sectorName);
        }

        var fraction = new CfField("region_fraction", regrid.RegionFraction, new Dictionary<string, string>
        {
            ["long_name"] = "area-weighted mean, over the lon/lat cell, of the run cells' fraction inside the region (0: no region area; emissions missing there)",
            ["units"] = "1",
            ["grid_mapping"] = CfGrids.GridMappingName,
        });
        var horizontal = CfGrids.LonLat(g.Latitudes(), g.LatitudeBounds(), g.Longitudes(), g.LongitudeBounds(), regrid.CellArea, [fraction]);
        string ncName = FileName(scenario.Id, resolution);
        string ncPath = file(ncName);
        var conservation = new StringBuilder(ConservationHeader + "\n");
        double worst = 0;
        var cityFractions = CityFractions(context);
        using (var cube = new NetCdfCubeWriter(ncPath, horizontal, variables, scenario.Years, Globals(context, g, command), attrs, RegionMask.NoData))
        {
            for (int t = 0; t < scenario.Years.Count; t++)
            {
                int year = scenario.Years[t];
                YearGrid grid = context.Grids.Read(year);
                double seconds = (new DateOnly(year + 1, 1, 1).DayNumber - new DateOnly(year, 1, 1).DayNumber) * 86400.0;
                foreach (string band in bands)
                {
                    double[] values = grid.Bands[band];
                    double[] tonnes = regrid.Matrix.Apply(values);
                    double[] flux = new double[tonnes.Length];
                    for (int j = 0; j < tonnes.Length; j++)
                    {
                        if (regrid.RegionFraction[j] > 0)
                        {
                            flux[j] = tonnes[j] * 1000 / regrid.CellArea[j] / seconds;
                        }
                        else if (tonnes[j] != 0)
                        {
                            throw new InvalidOperationException(FormattableString.Invariant($"{band} {year}: lon/lat cell {j} received {tonnes[j]:R} t but overlaps no region cell"));
                        }
                        else
                        {
                            tonnes[j] = flux[j] = RegionMask.NoData;
                        }
                    }

                    cube.WriteSlice(band, t, tonnes);
                    cube.WriteSlice(band + "_flux", t, flux);
                    worst = Math.Max(worst, Row(conservation, context, year, band, "region", "", "", Sum(values), SumValid(tonnes)));
                    for (int c = 0; c < cityFractions.Count; c++)
                    {
                        double[] share = new double[values.Length];
                        double run = 0;
                        foreach (var (cell, f) in cityFractions[c])
                        {
                            share[cell] = values[cell] * f;
                            run += share[cell];
                        }

                        var city = context.Region.Attribution.Cities[c];
                        worst = Math.Max(worst, Row(conservation, context, year, band, "city", city.Key, city.NameEn, run, Sum(regrid.Matrix.Apply(share))));
                    }
                }
            }

            if (worst > Tolerance)
            {
                throw new InvalidOperationException(FormattableString.Invariant($"the lon/lat export does not conserve mass: largest relative difference {worst:E2} > {Tolerance:E0} (see the rows of conservation.csv)"));
            }

            cube.Commit();
        }

        File.WriteAllText(file("conservation.csv"), conservation.ToString(), new UTF8Encoding(false));
        return new LonLatExportResult(string.Empty, ncPath, g, worst);
    }

    private static List<List<(int Cell, double Fraction)>> CityFractions(AnalysisContext context)
    {
        var coverage = context.Region.Attribution;
        var lists = coverage.Cities.Select(_ => new List<(int, double)>()).ToList();
        foreach (var e in coverage.Entries)
        {
            lists[e.CityIndex].Add((e.CellIndex, e.Fraction));
        }

        return lists;
    }

    private static double Row(StringBuilder sb, AnalysisContext context, int year, string sector, string kind, string adcode, string name, double run, double export)
    {
        double diff = export - run, rel = Math.Abs(diff) / Math.Max(1, Math.Abs(run));
        sb.Append(FormattableString.Invariant($"{context.Scenario.Region},{context.Scenario.Id},{year},{sector},{kind},{adcode},{GridOutputSink.Csv(name)},{run:R},{export:R},{diff:R},{rel:R}\n"));
        return rel;
    }

    private static double Sum(double[] values)
    {
        double s = 0;
        foreach (double v in values)
        {
            s += v;
        }

        return s;
    }

    private static double SumValid(double[] values)
    {
        double s = 0;
        foreach (double v in values)
        {
            if (v != RegionMask.NoData)
            {
                s += v;
            }
        }

        return s;
    }

    private static SortedDictionary<string, string> Globals(AnalysisContext context, LonLatGrid g, string command)
    {
        var scenario = context.Scenario;
        GridSpec run = context.Region.Grid;
        var m = OutputMetadata.Globals(scenario, run, command);
        string res = Text(g.Resolution);
        m["title"] = $"{scenario.Title} (regular {res}° lon/lat grid)";
        m["summary"] = $"Gridded fossil CO2 emissions of {scenario.Region}, {scenario.StartYear}-{scenario.EndYear}, by sector and in total, under scenario '{scenario.Id}', on a regular {res}° WGS84 longitude/latitude grid: " +
            $"the run's {run.CellSizeMetres / 1000:0.###} km China Albers equal-area grid regridded conservatively by exact cell overlaps. Each quantity is given as tonnes per cell and year (<sector>) and as a flux in kg m-2 s-1 (<sector>_flux = tonnes x 1000 / cell_area / seconds of the year). Cells without region area are missing (_FillValue).";
        m["crs"] = "WGS 84 (EPSG:4326)";
        m["crs_proj4"] = "+proj=longlat +datum=WGS84 +no_defs";
        m.Remove("cell_size_m");
        m["geospatial_lon_min"] = Degrees(g.LonEdge(0));
        m["geospatial_lon_max"] = Degrees(g.LonEdge(g.Columns));
        m["geospatial_lat_min"] = Degrees(g.LatEdge(0));
        m["geospatial_lat_max"] = Degrees(g.LatEdge(g.Rows));
        m["geospatial_lon_resolution"] = res + " degree";
        m["geospatial_lat_resolution"] = res + " degree";
        m["source_grid"] = FormattableString.Invariant($"{ChinaAlbers.Name}, {run.CellSizeMetres} m cells, {run.Columns} x {run.Rows}");
        m["regrid_method"] = FormattableString.Invariant($"conservative, exact overlap areas in the equal-area source CRS (lon/lat cell edges densified {LonLatRegrid.DensifyFor(g.Resolution)}x); totals of the region and of every city kept to {Tolerance:E0} (conservation.csv)");
        return m;
    }

    private static string Degrees(double v) => Math.Round(v, 9).ToString("R", CultureInfo.InvariantCulture);

    private static string Text(double resolution) => resolution.ToString("0.#########", CultureInfo.InvariantCulture);
}
