using System.Globalization;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sectors;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// The discovery and provenance metadata every grid output carries (NetCDF global attributes,
/// GeoTIFF dataset metadata): ACDD-1.3 title/summary/keywords/licence/source/references, the
/// input attributions, scenario, region, CRS, extent and tool version. One owner, so the
/// NetCDF, the GeoTIFFs and the lon/lat export say the same.
/// </summary>
public static class OutputMetadata
{
    /// <summary>UDUNITS-2 units of an emission grid value: tonnes (of CO2, see <see cref="Species"/>) per year, per cell.</summary>
    public const string Units = "t yr-1";

    /// <summary>UDUNITS-2 units of an emission flux.</summary>
    public const string FluxUnits = "kg m-2 s-1";

    /// <summary>The emitted species (the <c>species</c> attribute).</summary>
    public const string Species = "CO2";

    /// <summary>Method reference.</summary>
    public const string References =
        "Method: spatial module of CAEP-CP 3.0 (Chinese Academy of Environmental Planning): point-, line- and area-source evolution models reallocating sectoral targets to a 10 km grid. " +
        "Scenario numbers: the scenario file's comments name the study, data or assumption behind each. Inputs: DATA_SOURCES.md of GridEmissions.";

    /// <summary>The global metadata of a scenario's grid outputs on <paramref name="grid"/>.</summary>
    public static SortedDictionary<string, string> Globals(Scenario scenario, GridSpec grid, string command)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(grid);
        var inputs = InputAttributions.Of(scenario);
        var (lonMin, lonMax, latMin, latMax) = LonLatExtent(grid);
        var globals = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = scenario.Title,
            ["summary"] = $"Gridded fossil CO2 emissions of {scenario.Region}, {scenario.StartYear}-{scenario.EndYear}, by sector and in total, under scenario '{scenario.Id}': each calendar year's sectoral targets allocated to {grid.CellSizeMetres / 1000:0.###} km cells of the China Albers equal-area grid, conserving every target exactly. Cells without region area are missing (_FillValue / nodata).",
            ["keywords"] = "CO2, carbon dioxide, emissions, fossil fuel, gridded, inventory, projection, carbon neutrality, " + scenario.Region,
            ["Conventions"] = "CF-1.8, ACDD-1.3",
            ["institution"] = "GridEmissions (CAEP-CP 3.0 spatial module method)",
            ["source"] = ToolInfo.NameAndVersion + " (GDAL " + GdalLibrary.Version + ")",
            ["references"] = References,
            ["license"] = InputAttributions.Licence(inputs),
            ["attribution"] = string.Join(" | ", inputs.Select(i => i.ToString())),
            ["history"] = "gridem " + command,
            ["product_version"] = ToolInfo.Version,
            ["creator_name"] = "GridEmissions",
            ["scenario"] = scenario.Id,
            ["scenario_variant"] = scenario.Variant,
            ["region"] = scenario.Region,
            ["species"] = Species,
            ["crs"] = ChinaAlbers.Name,
            ["crs_proj4"] = ChinaAlbers.Proj4,
            ["cell_size_m"] = grid.CellSizeMetres.ToString(CultureInfo.InvariantCulture),
            ["tool_version"] = ToolInfo.Version,
            ["geospatial_lat_min"] = Degrees(latMin),
            ["geospatial_lat_max"] = Degrees(latMax),
            ["geospatial_lon_min"] = Degrees(lonMin),
            ["geospatial_lon_max"] = Degrees(lonMax),
            ["geospatial_lat_units"] = "degrees_north",
            ["geospatial_lon_units"] = "degrees_east",
            ["time_coverage_start"] = FormattableString.Invariant($"{scenario.StartYear}-01-01"),
            ["time_coverage_end"] = FormattableString.Invariant($"{scenario.EndYear + 1}-01-01"),
            ["time_coverage_resolution"] = "P1Y",
        };
        if (scenario.OffGrid is { } offGrid)
        {
            globals["off_grid"] = $"the grids hold the region's total minus a part counted in it but placed on no cell ({offGrid.Reason}): targets.csv and audit.csv, rows off_grid, give it for every year";
        }

        return globals;
    }

    /// <summary>The attributes of one emission variable (t yr-1 per cell) of a sector id or "total".</summary>
    public static Dictionary<string, string> EmissionVariable(string sectorId, string sectorName) => new(StringComparer.Ordinal)
    {
        ["long_name"] = $"CO2 emissions per grid cell, {sectorName}",
        ["units"] = Units,
        ["species"] = Species,
        ["sector"] = sectorId,
        ["cell_methods"] = "area: sum time: sum",
        ["comment"] = "mass of CO2 emitted in the cell during the calendar year given by time_bnds (tonnes per year); missing: the cell has no area inside the region",
    };

    /// <summary>The attributes of one flux variable (kg m-2 s-1) of a sector id or "total".</summary>
    public static Dictionary<string, string> FluxVariable(string sectorId, string sectorName) => new(StringComparer.Ordinal)
    {
        ["long_name"] = $"CO2 emission flux, {sectorName}",
        ["units"] = FluxUnits,
        ["species"] = Species,
        ["sector"] = sectorId,
        ["cell_methods"] = "area: mean time: mean",
        ["comment"] = "the calendar year's emissions of the cell divided by its cell_area and by the seconds of that year",
    };

    /// <summary>The metadata of one GeoTIFF band: the globals plus year, sector and the CF variable attributes.</summary>
    public static Dictionary<string, string> Band(IReadOnlyDictionary<string, string> globals, int year, string sectorId, string sectorName)
    {
        ArgumentNullException.ThrowIfNull(globals);
        var m = new Dictionary<string, string>(globals, StringComparer.Ordinal);
        foreach (var (k, v) in EmissionVariable(sectorId, sectorName))
        {
            m[k] = v;
        }

        m["units"] = SectorCatalog.RasterUnits;
        m["units_udunits"] = Units;
        m["year"] = year.ToString(CultureInfo.InvariantCulture);
        m["sector_name"] = sectorName;
        m["description"] = $"{sectorName}, {year}: {m["long_name"]} ({SectorCatalog.RasterUnits}); nodata {RegionMask.NoData.ToString(CultureInfo.InvariantCulture)} = no region area";
        return m;
    }

    private static string Degrees(double v) => Math.Round(v, 6).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Lon/lat bounding box of the grid (its edges densified, through OSR).</summary>
    public static (double LonMin, double LonMax, double LatMin, double LatMax) LonLatExtent(GridSpec grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var xs = new List<double>();
        var ys = new List<double>();
        for (int c = 0; c <= grid.Columns; c++)
        {
            double x = grid.MinX + c * grid.CellSizeMetres;
            xs.Add(x); ys.Add(grid.MinY);
            xs.Add(x); ys.Add(grid.MaxY);
        }

        for (int r = 0; r <= grid.Rows; r++)
        {
            double y = grid.MaxY - r * grid.CellSizeMetres;
            xs.Add(grid.MinX); ys.Add(y);
            xs.Add(grid.MaxX); ys.Add(y);
        }

        double[] lon = [.. xs], lat = [.. ys];
        using var albers = SpatialReference.ChinaAlbersGrid();
        using var wgs84 = SpatialReference.Wgs84();
        using var toWgs84 = CoordinateTransformer.Create(albers, wgs84);
        toWgs84.Transform(lon, lat);
        return (lon.Min(), lon.Max(), lat.Min(), lat.Max());
    }
}
