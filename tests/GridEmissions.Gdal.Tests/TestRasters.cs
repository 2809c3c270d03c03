using GridEmissions.Gdal.Native;

namespace GridEmissions.Gdal.Tests;

/// <summary>Writes arbitrary (off-grid) GeoTIFFs through the adapter's internals, for tests of checks.</summary>
public static class TestRasters
{
    public static unsafe void Write(string path, int width, int height, double[] geoTransform, string crsWkt)
    {
        ArgumentNullException.ThrowIfNull(geoTransform);
        using var dataset = DatasetHandle.Create("GTiff", path, width, height, 1, GdalNative.GDT_Float64);
        fixed (double* gt = geoTransform)
        {
            GdalNative.GDALSetGeoTransform(dataset.Handle, gt);
        }

        if (crsWkt.Length > 0)
        {
            GdalNative.GDALSetProjection(dataset.Handle, crsWkt);
        }

        dataset.Close();
    }
}
