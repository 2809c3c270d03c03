using System.Globalization;
using GridEmissions.Core.Proxies.Regridding;

namespace GridEmissions.Gdal;

/// <summary>
/// Reads one band of any GDAL raster (any CRS) as a <see cref="SourceRaster"/> in the grid CRS:
/// values with nodata as NaN, and the cell-corner mesh (each edge cut into <c>densify</c> pieces)
/// transformed into the target CRS. GDAL only reads and transforms; the regridding is Core's.
/// Problems (no CRS, a rotated or missing geotransform, NaN that is not nodata, corners that
/// cannot be transformed) throw <see cref="ProxyRasterException"/> naming the file.
/// </summary>
public static class ProxyRasterReader
{
    /// <summary>Reads <paramref name="band"/> (1-based) of <paramref name="path"/>.</summary>
    public static SourceRaster Read(string path, int band, SpatialReference target, int densify = 4)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!File.Exists(path))
        {
            throw new ProxyRasterException(path, "the proxy raster does not exist", "check the path under `proxies:` (relative to the scenario file).");
        }

        RasterDataset raster;
        try
        {
            raster = RasterDataset.Open(path);
        }
        catch (GdalException e)
        {
            throw new ProxyRasterException(path, "the proxy raster cannot be read: " + e.Message, "give a raster GDAL reads (GeoTIFF, NetCDF…); check it with `gridem inspect FILE`.");
        }

        using (raster)
        {
            if (band < 1 || band > raster.BandCount)
            {
                throw new ProxyRasterException(path, $"has {raster.BandCount} band(s), band {band} was asked for", "name an existing band (numbered from 1).");
            }

            if (raster.CrsWkt.Length == 0)
            {
                throw new ProxyRasterException(path, "has no CRS", "assign one (gdal_edit.py -a_srs EPSG:4326 FILE for lon/lat).");
            }

            double[] gt = raster.GeoTransform;
            if (!raster.HasGeoTransform || gt[2] != 0 || gt[4] != 0)
            {
                throw new ProxyRasterException(path, "has no north-up geotransform", "warp it to a north-up raster (gdalwarp) first.");
            }

            double[] values = raster.ReadBand(band);
            double? nodata = raster.NoData(band);
            for (int i = 0; i < values.Length; i++)
            {
                double v = values[i];
                if (nodata is double nd && (v == nd || (double.IsNaN(nd) && double.IsNaN(v))))
                {
                    values[i] = double.NaN;
                }
                else if (double.IsNaN(v))
                {
                    throw new ProxyRasterException(path, string.Create(CultureInfo.InvariantCulture, $"band {band} holds NaN at column {i % raster.Width}, row {i / raster.Width}, which is not its nodata value"),
                        "set the band's nodata (gdal_edit.py -a_nodata nan FILE) if NaN means 'no data', or fix the value.");
                }
            }

            int columns = raster.Width, rows = raster.Height;
            int nc = (columns * densify) + 1, nr = (rows * densify) + 1;
            var xs = new double[(long)nc * nr];
            var ys = new double[xs.Length];
            for (int r = 0; r < nr; r++)
            {
                for (int c = 0; c < nc; c++)
                {
                    xs[((long)r * nc) + c] = gt[0] + (gt[1] * c / densify);
                    ys[((long)r * nc) + c] = gt[3] + (gt[5] * r / densify);
                }
            }

            try
            {
                using var source = SpatialReference.FromWkt(raster.CrsWkt);
                using var toGrid = CoordinateTransformer.Create(source, target);
                toGrid.Transform(xs, ys);
            }
            catch (GdalException e)
            {
                throw new ProxyRasterException(path, "its cell corners cannot be transformed to the grid CRS: " + e.Message, "check the raster's CRS (gdalinfo FILE); a wrong CRS tag must be fixed with gdal_edit.py -a_srs.");
            }

            return new SourceRaster(path, columns, rows, values, xs, ys, densify);
        }
    }
}
