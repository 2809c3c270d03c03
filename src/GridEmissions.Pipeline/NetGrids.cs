using System.Globalization;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Sinks;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// The signed grids of a run with sinks: <c>grids/net_&lt;year&gt;.tif</c> holds one band per signed sector
/// (land_sink, removals; cells ≤ 0), their sum <c>sink</c> and <c>net</c> = gross total + sink; the NetCDF
/// cube has the same variables. The gross grids (<c>emissions_&lt;year&gt;.tif</c>) are unchanged.
/// </summary>
public static class NetGrids
{
    /// <summary>Name of the sum of the signed sectors.</summary>
    public const string Sink = "sink";

    /// <summary>Name of gross + sink.</summary>
    public const string Net = "net";

    /// <summary>The sign convention written into the metadata.</summary>
    public const string SignConvention = "emissions positive, uptake and removals negative (t CO2 per cell per year); net = gross total + sink";

    /// <summary>Human name of a signed variable.</summary>
    public static string Name(string id) => id switch
    {
        SinkSpec.LandSector => "land sink (forest, other vegetation, cropland)",
        SinkSpec.RemovalSector => "removals at sites (BECCS)",
        Sink => "all sinks and removals",
        Net => "net emissions (gross minus sinks and removals)",
        _ => id,
    };

    /// <summary>CF attributes of a signed NetCDF variable.</summary>
    public static IReadOnlyDictionary<string, string> VariableAttributes(string id)
    {
        var a = OutputMetadata.EmissionVariable(id, Name(id));
        a["long_name"] = id == Net ? "net CO2 emissions per grid cell (gross emissions plus sinks and removals)" : $"CO2 uptake per grid cell, {Name(id)} (negative: taken up)";
        a["comment"] = $"{SignConvention}; calendar year given by time_bnds; missing: the cell has no area inside the region";
        return a;
    }

    /// <summary>GeoTIFF band metadata of a signed variable.</summary>
    public static Dictionary<string, string> Band(IReadOnlyDictionary<string, string> globals, int year, string id)
    {
        var m = OutputMetadata.Band(globals, year, id, Name(id));
        m["long_name"] = VariableAttributes(id)["long_name"];
        m["sign_convention"] = SignConvention;
        return m;
    }

    /// <summary>The path of a year's signed grids inside a run folder.</summary>
    public static string PathIn(string runFolder, int year) =>
        Path.Combine(runFolder, "grids", string.Create(CultureInfo.InvariantCulture, $"net_{year}.tif"));

    /// <summary>Reads a year's signed grids (band name → cells; nodata read as 0).</summary>
    public static IReadOnlyDictionary<string, double[]> Read(string runFolder, GridSpec grid, int year)
    {
        ArgumentNullException.ThrowIfNull(grid);
        string path = PathIn(runFolder, year);
        if (!File.Exists(path))
        {
            throw new InputError(path, $"the signed grid of {year} is missing.", "point at a complete `gridem run` output folder of a scenario with `sinks:`.");
        }

        using RasterDataset ds = RasterDataset.Open(path);
        if (ds.Width != grid.Columns || ds.Height != grid.Rows)
        {
            throw new InputError(path, $"the raster is {ds.Width} x {ds.Height} cells but the scenario's grid is {grid.Columns} x {grid.Rows}.", "use the scenario the run was made with.");
        }

        var bands = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (int b = 1; b <= ds.BandCount; b++)
        {
            double[] values = ds.ReadBand(b);
            if (ds.NoData(b) is double noData)
            {
                RegionMask.ZeroNoData(values, noData);
            }

            bands[ds.BandDescription(b)] = values;
        }

        return bands;
    }
}
