using System.Globalization;
using System.Text;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sectors;
using GridEmissions.Gdal;

namespace GridEmissions.Cli.Pipeline;

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
    private readonly NetCdfCubeWriter cube;
    private readonly StreamWriter facilities;
    private readonly Dictionary<string, double[]> year = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<int> years;
    private readonly SpatialReference albers;
    private readonly SpatialReference wgs84;
    private readonly CoordinateTransformer toWgs84;
    private readonly List<int> layerYears;
    private readonly List<(FacilityYearRecord Record, double Lon, double Lat)> layer = [];

    /// <summary>Opens the outputs.</summary>
    public GridOutputSink(OutputDirectory output, Scenario scenario, GridSpec grid)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(scenario);
        this.output = output;
        this.scenario = scenario;
        this.grid = grid;
        years = scenario.Years;
        var variables = scenario.Sectors.Select(s => s.Sector.Id).Append("total").ToList();
        var attrs = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (SectorSpec s in scenario.Sectors)
        {
            attrs[s.Sector.Id] = new Dictionary<string, string> { ["long_name"] = $"CO2 emissions, {s.Sector.NameEn}", ["units"] = SectorCatalog.RasterUnits, ["sector"] = s.Sector.Id };
        }

        attrs["total"] = new Dictionary<string, string> { ["long_name"] = "CO2 emissions, all sectors", ["units"] = SectorCatalog.RasterUnits, ["sector"] = "total" };
        cube = new NetCdfCubeWriter(output.File($"{scenario.Id}.nc"), grid, variables, years, Metadata(null, null), attrs);
        facilities = new StreamWriter(output.File("facilities.csv"), false, new UTF8Encoding(false)) { NewLine = "\n" };
        facilities.WriteLine(FacilitiesHeader);
        albers = SpatialReference.ChinaAlbersGrid();
        wgs84 = SpatialReference.Wgs84();
        toWgs84 = CoordinateTransformer.Create(albers, wgs84);
        layerYears = [.. new[] { scenario.StartYear, 2035, 2060 }.Where(years.Contains).Distinct()];
    }

    /// <summary>Header of facilities.csv.</summary>
    public const string FacilitiesHeader = "region,scenario,year,sector,facility_id,name,city,lon,lat,status,route,capacity,capacity_unit,utilisation,activity,activity_unit,gross_t,captured_t,emissions_t,cell_id,entry_probability,entry_draw,reason";

    /// <summary>Years with a facility layer (GeoJSON): the base year, 2035 and 2060 when in the run.</summary>
    public IReadOnlyList<int> LayerYears => layerYears;

    /// <summary>Common metadata of every output (units, CRS, scenario, tool version; year and sector when given).</summary>
    public IReadOnlyDictionary<string, string> Metadata(int? forYear, string? sector)
    {
        var m = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = scenario.Title,
            ["scenario"] = scenario.Id,
            ["scenario_variant"] = scenario.Variant,
            ["region"] = scenario.Region,
            ["units"] = SectorCatalog.RasterUnits,
            ["crs"] = ChinaAlbers.Name,
            ["crs_proj4"] = ChinaAlbers.Proj4,
            ["cell_size_m"] = grid.CellSizeMetres.ToString(CultureInfo.InvariantCulture),
            ["source"] = ToolInfo.NameAndVersion,
            ["tool_version"] = ToolInfo.Version,
            ["Conventions"] = "CF-1.8",
            ["institution"] = "GridEmissions (CAEP-CP 3.0 spatial module method)",
        };
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
        year[sector.Id] = cells.ToArray();
        cube.WriteSlice(sector.Id, YearIndex(y), cells);
    }

    /// <inheritdoc />
    public void WriteTotal(int y, ReadOnlySpan<double> cells)
    {
        cube.WriteSlice("total", YearIndex(y), cells);
        var bands = new List<RasterBand>();
        foreach (SectorSpec s in scenario.Sectors)
        {
            bands.Add(new RasterBand(s.Sector.Id, year[s.Sector.Id], BandMetadata(y, s.Sector.Id, s.Sector.NameEn)));
        }

        bands.Add(new RasterBand("total", cells.ToArray(), BandMetadata(y, "total", "All sectors")));
        var meta = new Dictionary<string, string>(Metadata(y, null)) { ["bands"] = string.Join(",", bands.Select(b => b.Name)) };
        GeoTiffWriter.Write(output.File(Path.Combine("grids", FormattableString.Invariant($"emissions_{y}.tif"))), grid, bands, meta, GeoTiffOptions.Default);
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
            facilities.WriteLine(FormattableString.Invariant(
                $"{scenario.Region},{scenario.Id},{r.Year},{r.SectorId},{Csv(r.FacilityId)},{Csv(r.Name)},{Csv(r.City)},{lon:0.######},{lat:0.######},{r.Status},{Csv(r.Route)},{r.Capacity:0.###},{Csv(r.CapacityUnit)},{r.Utilisation:0.######},{r.Activity:R},{r.ActivityUnit},{r.GrossTonnes:R},{r.CapturedTonnes:R},{r.EmissionsTonnes:R},{r.CellId},{Optional(r.EntryProbability)},{Optional(r.EntryDraw)},{Csv(r.Reason)}"));
            if (layerYears.Contains(y) && r.Status != "not-entering")
            {
                layer.Add((r, lon, lat));
            }
        }
    }

    /// <summary>Closes the NetCDF cube and the facility table.</summary>
    public void Complete()
    {
        cube.Commit();
        facilities.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        cube.Dispose();
        facilities.Dispose();
        toWgs84.Dispose();
        wgs84.Dispose();
        albers.Dispose();
    }

    private static string Optional(double v) => double.IsNaN(v) ? string.Empty : v.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Quotes a CSV field when needed.</summary>
    public static string Csv(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    private Dictionary<string, string> BandMetadata(int y, string sector, string name) => new(Metadata(y, sector)) { ["sector_name"] = name };

    private int YearIndex(int y) => y - years[0];
}
