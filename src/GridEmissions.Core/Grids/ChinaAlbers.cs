namespace GridEmissions.Core.Grids;

/// <summary>
/// The China Albers equal-area conic CRS every GridEmissions grid lives on: WGS84 datum,
/// standard parallels 25°N and 47°N, central meridian 105°E, latitude of origin 0°, no false
/// easting/northing, metres. Equal-area, so a 10 km cell is 100 km² everywhere and area
/// fractions used for city totals are exact. The one owner of the CRS definition.
/// </summary>
public static class ChinaAlbers
{
    /// <summary>Short name used in metadata and messages.</summary>
    public const string Name = "China Albers Equal Area (WGS84; 25N/47N; 105E)";

    /// <summary>PROJ string of the grid CRS.</summary>
    public const string Proj4 =
        "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs";

    /// <summary>WKT1 (GDAL flavour) of the grid CRS.</summary>
    public const string Wkt =
        "PROJCS[\"China_Albers_Equal_Area\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\"," +
        "SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]," +
        "AUTHORITY[\"EPSG\",\"4326\"]],PROJECTION[\"Albers_Conic_Equal_Area\"]," +
        "PARAMETER[\"latitude_of_center\",0],PARAMETER[\"longitude_of_center\",105]," +
        "PARAMETER[\"standard_parallel_1\",25],PARAMETER[\"standard_parallel_2\",47]," +
        "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0]," +
        "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH]]";
}
