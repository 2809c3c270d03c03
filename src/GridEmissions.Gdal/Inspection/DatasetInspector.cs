using System.Globalization;
using System.Text;
using GridEmissions.Gdal.Native;

namespace GridEmissions.Gdal;

/// <summary>
/// A readable, multi-line description of any file GDAL opens, for <c>gridem inspect FILE</c>:
/// rasters (driver, size, CRS, cell size, extent, per-band type, nodata, sum/min/max of valid
/// cells and metadata, subdatasets) and vectors (layers, feature counts, geometry types, CRS,
/// fields). A file can be both (e.g. a GeoPackage).
/// </summary>
public static class DatasetInspector
{
    /// <summary>Describes the file; throws <see cref="GdalException"/> naming it when GDAL cannot open it.</summary>
    public static string Describe(string path)
    {
        var handle = DatasetHandle.Open(path, GdalNative.GDAL_OF_RASTER | GdalNative.GDAL_OF_VECTOR | GdalNative.GDAL_OF_READONLY);
        using var raster = new RasterDataset(handle);
        var text = new StringBuilder();
        Line(text, $"File: {path}");
        Line(text, $"Driver: {raster.DriverName}");
        int layers = GdalNative.GDALDatasetGetLayerCount(handle.Handle);
        IReadOnlyList<RasterSubDataset> subDatasets = raster.SubDatasets;
        if (raster.BandCount > 0 || subDatasets.Count > 0 || layers == 0)
        {
            DescribeRaster(text, raster, subDatasets);
        }

        if (layers > 0)
        {
            DescribeVector(text, handle, layers);
        }

        return text.ToString();
    }

    private static void DescribeRaster(StringBuilder text, RasterDataset raster, IReadOnlyList<RasterSubDataset> subDatasets)
    {
        if (raster.BandCount > 0)
        {
            Line(text, $"Raster: {raster.Width} x {raster.Height} cells, {raster.BandCount} band(s)");
            Line(text, $"CRS: {CrsName(raster.CrsWkt)}");
            if (raster.HasGeoTransform)
            {
                double[] gt = raster.GeoTransform;
                double maxX = gt[0] + raster.Width * gt[1], minY = gt[3] + raster.Height * gt[5];
                Line(text, $"Cell size: {N(gt[1])} x {N(-gt[5])}{(gt[2] != 0 || gt[4] != 0 ? " (rotated)" : string.Empty)}");
                Line(text, $"Extent: x {N(gt[0])} .. {N(maxX)}, y {N(Math.Min(minY, gt[3]))} .. {N(Math.Max(minY, gt[3]))}");
            }
            else
            {
                Line(text, "Georeferencing: none");
            }
        }

        Metadata(text, "Metadata", raster.Metadata(), "  ");
        for (int b = 1; b <= raster.BandCount; b++)
        {
            DescribeBand(text, raster, b);
        }

        if (subDatasets.Count > 0)
        {
            Line(text, $"Subdatasets ({subDatasets.Count}):");
            foreach (RasterSubDataset sub in subDatasets)
            {
                Line(text, $"  {sub.Name}  {sub.Description}");
            }
        }
    }

    private static void DescribeBand(StringBuilder text, RasterDataset raster, int band)
    {
        string description = raster.BandDescription(band);
        double? noData = raster.NoData(band);
        Line(text, $"Band {band}{(description.Length > 0 ? $" \"{description}\"" : string.Empty)}: {raster.BandDataType(band)}, nodata {(noData is double nd ? N(nd) : "none")}");
        double[] values = raster.ReadBand(band);
        long valid = 0;
        var sum = default(GridEmissions.Core.Allocation.PreciseAccumulator);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (double.IsNaN(v) || (noData is double n && (v == n || (double.IsNaN(n) && double.IsNaN(v)))))
            {
                continue;
            }

            valid++;
            sum.Add(v);
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        Line(text, valid == 0
            ? $"  valid cells: 0 of {values.Length}"
            : $"  valid cells: {valid} of {values.Length}; sum {N(sum.Value)}; min {N(min)}; max {N(max)}");
        Metadata(text, "  Metadata", raster.BandMetadata(band), "    ");
    }

    private static void DescribeVector(StringBuilder text, DatasetHandle handle, int layers)
    {
        Line(text, $"Vector: {layers} layer(s)");
        for (int i = 0; i < layers; i++)
        {
            nint layer = GdalNative.GDALDatasetGetLayer(handle.Handle, i);
            string name = Utf8StringList.ReadOwned(GdalNative.OGR_L_GetName(layer));
            long count = GdalNative.OGR_L_GetFeatureCount(layer, 1);
            string geometry = Utf8StringList.ReadOwned(GdalNative.OGRGeometryTypeToName(GdalNative.OGR_L_GetGeomType(layer)));
            nint srs = GdalNative.OGR_L_GetSpatialRef(layer);
            string crs = srs == 0 ? "none" : Utf8StringList.ReadOwned(GdalNative.OSRGetName(srs));
            Line(text, $"Layer \"{name}\": {count} feature(s), geometry {geometry}, CRS {crs}");
            nint defn = GdalNative.OGR_L_GetLayerDefn(layer);
            int fields = GdalNative.OGR_FD_GetFieldCount(defn);
            var list = new List<string>(fields);
            for (int f = 0; f < fields; f++)
            {
                nint field = GdalNative.OGR_FD_GetFieldDefn(defn, f);
                list.Add($"{Utf8StringList.ReadOwned(GdalNative.OGR_Fld_GetNameRef(field))} ({Utf8StringList.ReadOwned(GdalNative.OGR_GetFieldTypeName(GdalNative.OGR_Fld_GetType(field)))})");
            }

            Line(text, $"  Fields: {(list.Count == 0 ? "none" : string.Join(", ", list))}");
        }
    }

    private static string CrsName(string wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt))
        {
            return "none";
        }

        using var srs = SpatialReference.FromWkt(wkt);
        return srs.Name;
    }

    private static void Metadata(StringBuilder text, string title, IReadOnlyDictionary<string, string> items, string indent)
    {
        if (items.Count == 0)
        {
            return;
        }

        Line(text, $"{title}:");
        foreach (var (key, value) in items)
        {
            Line(text, $"{indent}{key}={(value.Length > 200 ? value[..200] + "..." : value)}");
        }
    }

    private static string N(double v) => v.ToString("G10", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
