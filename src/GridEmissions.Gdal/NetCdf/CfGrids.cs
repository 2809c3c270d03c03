using GridEmissions.Core.Grids;

namespace GridEmissions.Gdal;

/// <summary>The CF horizontal layouts GridEmissions writes: its China Albers grids (projected x/y with 2-D lat/lon) and regular lon/lat grids.</summary>
public static class CfGrids
{
    /// <summary>Name of the grid-mapping variable every data variable refers to.</summary>
    public const string GridMappingName = "crs";

    /// <summary>
    /// A China Albers grid: x/y cell-centre coordinates in metres (y descending), the
    /// albers_conical_equal_area grid mapping with its WKT, 2-D <c>lat</c>/<c>lon</c> of every
    /// cell centre (WGS84, through OSR), <c>cell_area</c> (m², exact: the CRS is equal-area), and
    /// the given extra fields.
    /// </summary>
    public static CfHorizontalGrid Albers(GridSpec grid, IReadOnlyList<CfField>? extraFields = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        double size = grid.CellSizeMetres;
        double[] ys = [.. Enumerable.Range(0, grid.Rows).Select(r => grid.MaxY - (r + 0.5) * size)];
        double[] xs = [.. Enumerable.Range(0, grid.Columns).Select(c => grid.MinX + (c + 0.5) * size)];
        var lon = new double[grid.CellCount];
        var lat = new double[grid.CellCount];
        for (int i = 0; i < grid.CellCount; i++)
        {
            lon[i] = xs[grid.ColumnOf(i)];
            lat[i] = ys[grid.RowOf(i)];
        }

        using (var albers = SpatialReference.ChinaAlbersGrid())
        using (var wgs84 = SpatialReference.Wgs84())
        using (var toWgs84 = CoordinateTransformer.Create(albers, wgs84))
        {
            toWgs84.Transform(lon, lat);
        }

        var mapping = new CfGridMapping(GridMappingName,
            new Dictionary<string, string>
            {
                ["grid_mapping_name"] = "albers_conical_equal_area",
                ["long_name"] = ChinaAlbers.Name,
                ["crs_wkt"] = ChinaAlbers.Wkt,
                ["spatial_ref"] = ChinaAlbers.Wkt,
            },
            new Dictionary<string, double[]>
            {
                ["standard_parallel"] = [25, 47],
                ["longitude_of_central_meridian"] = [105],
                ["latitude_of_projection_origin"] = [0],
                ["false_easting"] = [0],
                ["false_northing"] = [0],
                ["semi_major_axis"] = [6378137],
                ["inverse_flattening"] = [298.257223563],
                ["longitude_of_prime_meridian"] = [0],
            });
        var fields = new List<CfField>
        {
            new("lat", lat, new Dictionary<string, string> { ["standard_name"] = "latitude", ["long_name"] = "latitude of cell centre", ["units"] = "degrees_north" }),
            new("lon", lon, new Dictionary<string, string> { ["standard_name"] = "longitude", ["long_name"] = "longitude of cell centre", ["units"] = "degrees_east" }),
            CellArea(Enumerable.Repeat(size * size, grid.CellCount).ToArray(), "area of the grid cell (exact: the China Albers CRS is equal-area on the WGS84 ellipsoid)", GridMappingName),
        };
        fields.AddRange(extraFields ?? []);
        return new CfHorizontalGrid(
            new CfAxis("y", ys, new Dictionary<string, string> { ["standard_name"] = "projection_y_coordinate", ["long_name"] = "y coordinate of cell centre", ["units"] = "m", ["axis"] = "Y" }),
            new CfAxis("x", xs, new Dictionary<string, string> { ["standard_name"] = "projection_x_coordinate", ["long_name"] = "x coordinate of cell centre", ["units"] = "m", ["axis"] = "X" }),
            mapping, fields, "lat lon", "area: cell_area");
    }

    /// <summary>
    /// A regular WGS84 lon/lat grid: <c>lat</c>/<c>lon</c> cell-centre axes with bounds, the
    /// latitude_longitude grid mapping, and <c>cell_area</c> (m², on the ellipsoid).
    /// </summary>
    /// <param name="latitudes">Cell-centre latitudes, row 0 first.</param>
    /// <param name="latitudeBounds">Lower and upper bound of every row (2 per row).</param>
    /// <param name="longitudes">Cell-centre longitudes, west to east.</param>
    /// <param name="longitudeBounds">West and east bound of every column (2 per column).</param>
    /// <param name="cellAreaSquareMetres">Area of every cell, row-major.</param>
    /// <param name="extraFields">More static fields.</param>
    public static CfHorizontalGrid LonLat(double[] latitudes, double[] latitudeBounds, double[] longitudes, double[] longitudeBounds, double[] cellAreaSquareMetres, IReadOnlyList<CfField>? extraFields = null)
    {
        ArgumentNullException.ThrowIfNull(latitudes);
        ArgumentNullException.ThrowIfNull(longitudes);
        ArgumentNullException.ThrowIfNull(cellAreaSquareMetres);
        using var wgs84 = SpatialReference.Wgs84();
        var mapping = new CfGridMapping(GridMappingName,
            new Dictionary<string, string> { ["grid_mapping_name"] = "latitude_longitude", ["long_name"] = "WGS 84 (EPSG:4326)", ["crs_wkt"] = wgs84.ToWkt(), ["spatial_ref"] = wgs84.ToWkt() },
            new Dictionary<string, double[]> { ["semi_major_axis"] = [6378137], ["inverse_flattening"] = [298.257223563], ["longitude_of_prime_meridian"] = [0] });
        var fields = new List<CfField> { CellArea(cellAreaSquareMetres, "area of the grid cell on the WGS84 ellipsoid", null) };
        fields.AddRange(extraFields ?? []);
        return new CfHorizontalGrid(
            new CfAxis("lat", latitudes, new Dictionary<string, string> { ["standard_name"] = "latitude", ["long_name"] = "latitude of cell centre", ["units"] = "degrees_north", ["axis"] = "Y" }, latitudeBounds),
            new CfAxis("lon", longitudes, new Dictionary<string, string> { ["standard_name"] = "longitude", ["long_name"] = "longitude of cell centre", ["units"] = "degrees_east", ["axis"] = "X" }, longitudeBounds),
            mapping, fields, null, "area: cell_area");
    }

    private static CfField CellArea(double[] values, string longName, string? gridMapping)
    {
        var attributes = new Dictionary<string, string> { ["standard_name"] = "cell_area", ["long_name"] = longName, ["units"] = "m2" };
        if (gridMapping is not null)
        {
            attributes["grid_mapping"] = gridMapping;
            attributes["coordinates"] = "lat lon";
        }

        return new CfField("cell_area", values, attributes);
    }
}
