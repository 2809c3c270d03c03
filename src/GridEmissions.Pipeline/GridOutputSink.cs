using System.Globalization;
using System.Text;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sectors;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// Streams a projection to disk: one multi-band GeoTIFF per year (a band per sector, then the
/// total), the CF NetCDF cube (all years × sectors + total), and the per-facility table. Only the
/// current year's grids are held in memory.
/// </summary>
public sealed class GridOutputSink : IProjectionSink, IDisposable
{
    private readonly OutputDirectory output;
    private readonly Scenario scenario;
    private readonly GridSpec grid;
    private readonly RegionMask mask;
    private readonly NetCdfCubeWriter cube;
    private readonly SerialWorker cubeWriter;
    private Task? cubeDone;
    private bool disposed;
    private readonly StreamWriter facilities;
    private readonly Dictionary<string, double[]> year = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<int> years;
    private readonly SortedDictionary<string, string> globals;
    private readonly SpatialReference albers;
    private readonly SpatialReference wgs84;
    private readonly CoordinateTransformer toWgs84;
    private readonly List<int> layerYears;
    private readonly List<LocatedFacility> layer = [];
    private readonly FacilityCities? cities;
    private readonly Action<int, IReadOnlyList<RasterBand>>? yearWritten;

    /// <summary>
    /// Opens the outputs. <paramref name="yearWritten"/>, when given, gets each year's bands (sectors, then the total;
    /// the arrays its GeoTIFF holds, not reused) once the year's GeoTIFF is written.
    /// </summary>
    public GridOutputSink(OutputDirectory output, Scenario scenario, RegionMask mask, FacilityCities? cities = null, Action<int, IReadOnlyList<RasterBand>>? yearWritten = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(mask);
        this.yearWritten = yearWritten;
        this.output = output;
        this.scenario = scenario;
        this.mask = mask;
        this.cities = cities;
        grid = mask.Grid;
        years = scenario.Years;
        globals = OutputMetadata.Globals(scenario, grid, "run " + Path.GetFileName(scenario.SourcePath));
        var variables = scenario.Sectors.Select(s => s.Sector.Id).Append("total").ToList();
        var attrs = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (SectorSpec s in scenario.Sectors)
        {
            attrs[s.Sector.Id] = OutputMetadata.EmissionVariable(s.Sector.Id, s.Sector.NameEn);
        }

        attrs["total"] = OutputMetadata.EmissionVariable("total", "all sectors");
        foreach (string id in SignedVariables(scenario))
        {
            variables.Add(id);
            attrs[id] = NetGrids.VariableAttributes(id);
        }

        var fraction = new CfField("region_fraction", mask.RegionFraction.ToArray(), new Dictionary<string, string>
        {
            ["long_name"] = "fraction of the cell's area inside the region (0: no region area; emissions missing there)",
            ["units"] = "1",
            ["grid_mapping"] = CfGrids.GridMappingName,
            ["coordinates"] = "lat lon",
        });
        cube = new NetCdfCubeWriter(output.File($"{scenario.Id}.nc"), CfGrids.Albers(grid, [fraction]), variables, years, globals, attrs, RegionMask.NoData);

        // The cube's slices are compressed and written by a worker thread (netCDF is used by that thread only), while
        // the projection goes on; a quarter of a gigabyte of slices at most waits.
        cubeWriter = new SerialWorker(SerialWorker.Capacity(grid.CellCount * sizeof(double), 256L << 20));
        WriteRegionFraction(output.File(Path.Combine("grids", "region_fraction.tif")), mask, globals);
        facilities = new StreamWriter(output.File("facilities.csv"), false, new UTF8Encoding(false)) { NewLine = "\n" };
        facilities.WriteLine(FacilitiesHeader);
        albers = SpatialReference.ChinaAlbersGrid();
        wgs84 = SpatialReference.Wgs84();
        toWgs84 = CoordinateTransformer.Create(albers, wgs84);
        layerYears = [.. new[] { scenario.StartYear, 2035, 2060 }.Where(years.Contains).Distinct()];
    }

    /// <summary>Common metadata of every output of the run (ACDD, attributions, CRS, scenario, tool version; see <see cref="OutputMetadata.Globals"/>).</summary>
    public IReadOnlyDictionary<string, string> Globals => globals;

    /// <summary>Header of facilities.csv.</summary>
    public const string FacilitiesHeader = "region,scenario,year,sector,facility_id,name,city_adcode,city,lon,lat,status,route,capacity,capacity_unit,utilisation,activity,activity_unit,gross_t,captured_t,emissions_t,cell_id,entry_probability,entry_draw,reason";

    /// <summary>Years with a facility layer (GeoJSON): the base year, 2035 and 2060 when in the run.</summary>
    public IReadOnlyList<int> LayerYears => layerYears;

    /// <summary>The run's common metadata with the year and sector when given.</summary>
    public IReadOnlyDictionary<string, string> Metadata(int? forYear, string? sector)
    {
        var m = new SortedDictionary<string, string>(globals, StringComparer.Ordinal);
        if (forYear is int y)
        {
            m["year"] = y.ToString(CultureInfo.InvariantCulture);
        }

        if (sector is not null)
        {
            m["sector"] = sector;
        }

        return m;
    }

    /// <inheritdoc />
    public void WriteSector(int y, Sector sector, ReadOnlySpan<double> cells)
    {
        ArgumentNullException.ThrowIfNull(sector);
        double[] masked = mask.Apply(cells, FormattableString.Invariant($"{sector.Id} {y}"));
        year[sector.Id] = masked;
        int t = YearIndex(y);
        cubeWriter.Post(() => cube.WriteSlice(sector.Id, t, masked));
    }

    /// <inheritdoc />
    public void WriteTotal(int y, ReadOnlySpan<double> cells)
    {
        double[] total = mask.Apply(cells, FormattableString.Invariant($"total {y}"));
        int t = YearIndex(y);
        cubeWriter.Post(() => cube.WriteSlice("total", t, total));
        var bands = new List<RasterBand>();
        foreach (SectorSpec s in scenario.Sectors)
        {
            bands.Add(new RasterBand(s.Sector.Id, year[s.Sector.Id], OutputMetadata.Band(globals, y, s.Sector.Id, s.Sector.NameEn), OutputMetadata.Units));
        }

        bands.Add(new RasterBand("total", total, OutputMetadata.Band(globals, y, "total", "All sectors"), OutputMetadata.Units));
        var meta = new Dictionary<string, string>(globals)
        {
            ["bands"] = string.Join(",", bands.Select(b => b.Name)),
            ["year"] = y.ToString(CultureInfo.InvariantCulture),
            ["units"] = SectorCatalog.RasterUnits,
            ["nodata"] = RegionMask.NoData.ToString(CultureInfo.InvariantCulture),
        };
        GeoTiffWriter.Write(output.File(Path.Combine("grids", FormattableString.Invariant($"emissions_{y}.tif"))), grid, bands, meta, GeoTiffOptions.Default with { NoData = RegionMask.NoData });
        yearWritten?.Invoke(y, bands);
        year.Clear();
        if (layerYears.Contains(y))
        {
            FacilityLayer.Write(output.File(FormattableString.Invariant($"facilities_{y}.geojson")), scenario.Region, scenario.Id, y, layer);
            layer.Clear();
        }
    }

    /// <inheritdoc />
    public void WriteFacilities(int y, IReadOnlyList<FacilityYearRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (FacilityYearRecord r in records)
        {
            (double lon, double lat) = toWgs84.Transform(r.X, r.Y);
            (string adcode, string city) = cities?.Of(r.X, r.Y) ?? (string.Empty, string.Empty);
            facilities.WriteLine(FormattableString.Invariant(
                $"{scenario.Region},{scenario.Id},{r.Year},{r.SectorId},{Csv(r.FacilityId)},{Csv(r.Name)},{adcode},{Csv(city)},{lon:0.######},{lat:0.######},{r.Status},{Csv(r.Route)},{r.Capacity:0.###},{Csv(r.CapacityUnit)},{r.Utilisation:0.######},{r.Activity:R},{r.ActivityUnit},{r.GrossTonnes:R},{r.CapturedTonnes:R},{r.EmissionsTonnes:R},{r.CellId},{Optional(r.EntryProbability)},{Optional(r.EntryDraw)},{Csv(r.Reason)}"));
            if (layerYears.Contains(y) && r.Status != "not-entering")
            {
                layer.Add(new LocatedFacility(r, lon, lat, adcode, city));
            }
        }
    }

    /// <summary>
    /// Writes a year's signed sectors (cells ≤ 0), their sum (<c>sink</c>) and the net grid (gross total + sink) to the
    /// NetCDF cube and to <c>grids/net_&lt;year&gt;.tif</c>.
    /// </summary>
    public void WriteSigned(int y, IReadOnlyDictionary<string, double[]> sectors, double[] sink, double[] net)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        var bands = new List<RasterBand>();
        foreach (var (id, cells) in sectors.Append(new(NetGrids.Sink, sink)).Append(new(NetGrids.Net, net)))
        {
            double[] masked = mask.Apply(cells, FormattableString.Invariant($"{id} {y}"));
            int t = YearIndex(y);
            string variable = id;
            cubeWriter.Post(() => cube.WriteSlice(variable, t, masked));
            bands.Add(new RasterBand(id, masked, NetGrids.Band(globals, y, id), OutputMetadata.Units));
        }

        var meta = new Dictionary<string, string>(globals)
        {
            ["bands"] = string.Join(",", bands.Select(b => b.Name)),
            ["year"] = y.ToString(CultureInfo.InvariantCulture),
            ["units"] = SectorCatalog.RasterUnits,
            ["nodata"] = RegionMask.NoData.ToString(CultureInfo.InvariantCulture),
            ["sign_convention"] = NetGrids.SignConvention,
        };
        GeoTiffWriter.Write(output.File(Path.Combine("grids", FormattableString.Invariant($"net_{y}.tif"))), grid, bands, meta, GeoTiffOptions.Default with { NoData = RegionMask.NoData });
    }

    private static IEnumerable<string> SignedVariables(Scenario scenario) =>
        scenario.Sinks is { } sinks ? [.. sinks.SectorIds, NetGrids.Sink, NetGrids.Net] : [];

    /// <summary>
    /// Closes the facility table, and the NetCDF cube once its queued slices are written: that goes on in the
    /// background; <see cref="WaitForCube"/> waits for it (and rethrows its failure).
    /// </summary>
    public void Complete()
    {
        facilities.Flush();
        cubeWriter.Post(cube.Commit);
        cubeDone = cubeWriter.Drain();
    }

    /// <summary>Waits until the NetCDF cube is committed (after <see cref="Complete"/>); rethrows a failure of its writing.</summary>
    public void WaitForCube()
    {
        (cubeDone ?? throw new InvalidOperationException("the sink was not completed")).GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            (cubeDone ?? cubeWriter.Drain()).Wait();
        }
        catch (AggregateException)
        {
            // a failure of the cube was reported by WaitForCube or by the write that met it; the file is deleted below
        }

        cube.Dispose();
        facilities.Dispose();
        toWgs84.Dispose();
        wgs84.Dispose();
        albers.Dispose();
    }

    /// <summary>
    /// Writes the single-band <c>region_fraction</c> GeoTIFF: each cell's area fraction inside the
    /// region (0..1; 0 = the cell is nodata in the emission grids).
    /// </summary>
    public static void WriteRegionFraction(string path, RegionMask mask, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(metadata);
        var meta = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in metadata)
        {
            meta[k] = v;
        }

        meta["units"] = "1";
        meta["long_name"] = "fraction of the cell's area inside the region (0: outside, nodata in the emission grids)";
        meta["description"] = meta["long_name"];
        GeoTiffWriter.Write(path, mask.Grid, [new RasterBand("region_fraction", mask.RegionFraction.ToArray(), meta, "1")], meta, GeoTiffOptions.Default);
    }

    private static string Optional(double v) => double.IsNaN(v) ? string.Empty : v.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Quotes a CSV field when needed.</summary>
    public static string Csv(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    private int YearIndex(int y) => y - years[0];
}
