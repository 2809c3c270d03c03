using GridEmissions.Gdal;

namespace GridEmissions.Report;

/// <summary>
/// A grid resampled onto a Web Mercator (EPSG:3857) image, so the browser needs no CRS support:
/// each output pixel's centre is taken back to lon/lat and then into the grid's CRS (through OSR),
/// and gets the value of the grid cell it falls in (nearest cell, no blending). The pixel → cell
/// lookup is computed once and shared by every year and sector.
/// </summary>
public sealed class MercatorOverlay
{
    private const double EarthRadius = 6378137.0;
    private readonly int[] cellOfPixel;

    private MercatorOverlay(int width, int height, int[] cellOfPixel, double south, double west, double north, double east)
    {
        Width = width;
        Height = height;
        this.cellOfPixel = cellOfPixel;
        South = south;
        West = west;
        North = north;
        East = east;
    }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Latitude of the image's bottom edge.</summary>
    public double South { get; }

    /// <summary>Longitude of the image's left edge.</summary>
    public double West { get; }

    /// <summary>Latitude of the image's top edge.</summary>
    public double North { get; }

    /// <summary>Longitude of the image's right edge.</summary>
    public double East { get; }

    /// <summary>The grid cell (row-major index) shown by pixel (x, y), or -1 outside the grid.</summary>
    public int CellOf(int x, int y) => cellOfPixel[y * Width + x];

    /// <summary>
    /// Builds the lookup for a grid of <paramref name="columns"/> × <paramref name="rows"/> cells with
    /// GDAL geotransform <paramref name="geoTransform"/> in <paramref name="crsWkt"/>; the longer image side has
    /// <paramref name="maxPixels"/> pixels.
    /// </summary>
    public static MercatorOverlay Create(int columns, int rows, double[] geoTransform, string crsWkt, int maxPixels)
    {
        ArgumentNullException.ThrowIfNull(geoTransform);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPixels);
        using SpatialReference grid = SpatialReference.FromWkt(crsWkt);
        using SpatialReference wgs84 = SpatialReference.Wgs84();
        using CoordinateTransformer toLonLat = CoordinateTransformer.Create(grid, wgs84);
        using CoordinateTransformer toGrid = CoordinateTransformer.Create(wgs84, grid);
        double cellX = geoTransform[1], cellY = -geoTransform[5];
        double minX = geoTransform[0], maxY = geoTransform[3];

        // Edges of the grid sampled densely: the lon/lat box of a projected rectangle is not given by its corners.
        const int Steps = 64;
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i <= Steps; i++)
        {
            double fx = minX + columns * cellX * i / Steps, fy = maxY - rows * cellY * i / Steps;
            xs.AddRange([fx, fx, minX, minX + columns * cellX]);
            ys.AddRange([maxY, maxY - rows * cellY, fy, fy]);
        }

        double[] ex = [.. xs], ey = [.. ys];
        toLonLat.Transform(ex, ey);
        double west = ex.Min(), east = ex.Max(), south = ey.Min(), north = ey.Max();
        double mx0 = MercatorX(west), mx1 = MercatorX(east), my0 = MercatorY(south), my1 = MercatorY(north);
        double span = Math.Max(mx1 - mx0, my1 - my0);
        int width = Math.Max(1, (int)Math.Round(maxPixels * (mx1 - mx0) / span));
        int height = Math.Max(1, (int)Math.Round(maxPixels * (my1 - my0) / span));

        var lon = new double[width * height];
        var lat = new double[width * height];
        for (int y = 0; y < height; y++)
        {
            double my = my1 - (y + 0.5) * (my1 - my0) / height;
            double la = LatitudeOf(my);
            for (int x = 0; x < width; x++)
            {
                lon[y * width + x] = LongitudeOf(mx0 + (x + 0.5) * (mx1 - mx0) / width);
                lat[y * width + x] = la;
            }
        }

        toGrid.Transform(lon, lat);
        var cells = new int[width * height];
        for (int i = 0; i < cells.Length; i++)
        {
            double c = Math.Floor((lon[i] - minX) / cellX), r = Math.Floor((maxY - lat[i]) / cellY);
            cells[i] = double.IsFinite(c) && double.IsFinite(r) && c >= 0 && c < columns && r >= 0 && r < rows ? (int)r * columns + (int)c : -1;
        }

        return new MercatorOverlay(width, height, cells, south, west, north, east);
    }

    /// <summary>Web Mercator x (m) of a longitude.</summary>
    public static double MercatorX(double lon) => EarthRadius * lon * Math.PI / 180;

    /// <summary>Web Mercator y (m) of a latitude.</summary>
    public static double MercatorY(double lat) => EarthRadius * Math.Log(Math.Tan(Math.PI / 4 + lat * Math.PI / 360));

    private static double LongitudeOf(double x) => x / EarthRadius * 180 / Math.PI;

    private static double LatitudeOf(double y) => (2 * Math.Atan(Math.Exp(y / EarthRadius)) - Math.PI / 2) * 180 / Math.PI;
}
