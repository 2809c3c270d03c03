using System.Globalization;
using GridEmissions.Gdal.Native;
using NetTopologySuite.IO;

namespace GridEmissions.Gdal;

/// <summary>
/// Writes one vector layer: "GeoJSON" through <see cref="GeoJsonWriter"/> (NetTopologySuite, RFC 7946:
/// WGS84 lon/lat, right-hand rule, reprojected from the layer CRS); through OGR "GPKG", "CSV" (points as X/Y columns, other
/// geometries as WKT; no CRS) or "ESRI Shapefile" (UTF-8). The output is written in a temporary
/// folder and moved into place when complete; the same features give the same bytes.
/// Feature ids are assigned by the driver.
/// </summary>
public static class VectorWriter
{
    /// <summary>Fixed timestamp GeoPackage records as the last change, so outputs are byte-identical.</summary>
    public const string FixedTimestamp = "2000-01-01T00:00:00.000Z";

    /// <summary>Writes <paramref name="features"/> as a new file at <paramref name="path"/>, replacing any existing one.</summary>
    public static void Write(string path, string driver, VectorLayerSpec spec, IEnumerable<VectorFeature> features)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(driver);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(features);
        if (driver == "GeoJSON")
        {
            GeoJsonWriter.Write(path, spec, features);
            return;
        }

        GdalLibrary.EnsureInitialized();

        using SpatialReference? crs = string.IsNullOrWhiteSpace(spec.CrsWkt) ? null : SpatialReference.FromUserInput(spec.CrsWkt);
        using var output = new AtomicOutput(path);
        GdalNative.CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", FixedTimestamp);
        try
        {
            using var dataset = DatasetHandle.Create(driver, output.TempPath, 0, 0, 0, GdalNative.GDT_Unknown);
            WriteLayer(dataset, driver, spec, crs, features, path);
            dataset.Close();
        }
        finally
        {
            GdalNative.CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", null);
        }

        output.Commit();
    }

    private static void WriteLayer(DatasetHandle dataset, string driver, VectorLayerSpec spec, SpatialReference? crs,
        IEnumerable<VectorFeature> features, string path)
    {
        using var layerOptions = new Utf8StringList(LayerOptions(driver, spec).Concat(spec.LayerCreationOptions));
        GdalErrors.Reset();
        nint layer = GdalNative.GDALDatasetCreateLayer(dataset.Handle, spec.Name, crs?.Handle ?? 0, (int)spec.GeometryType, layerOptions.Pointer);
        if (layer == 0)
        {
            throw GdalException.FromLastError($"creating layer '{spec.Name}' in", path);
        }

        foreach (VectorFieldSpec field in spec.Fields)
        {
            nint defn = GdalNative.OGR_Fld_Create(field.Name, field.Type switch
            {
                VectorFieldType.Integer64 => GdalNative.OFTInteger64,
                VectorFieldType.Real => GdalNative.OFTReal,
                _ => GdalNative.OFTString,
            });
            int err = GdalNative.OGR_L_CreateField(layer, defn, 1);
            GdalNative.OGR_Fld_Destroy(defn);
            if (err != GdalNative.OGRERR_NONE)
            {
                throw GdalException.FromLastError($"creating field '{field.Name}' in", path);
            }
        }

        bool transaction = GdalNative.GDALDatasetStartTransaction(dataset.Handle, 0) == GdalNative.OGRERR_NONE;
        var writer = new WKBWriter();
        nint layerDefn = GdalNative.OGR_L_GetLayerDefn(layer);
        long count = 0;
        foreach (VectorFeature feature in features)
        {
            ArgumentNullException.ThrowIfNull(feature, nameof(features));
            WriteFeature(layer, layerDefn, spec, feature, writer, path, count++);
        }

        if (transaction && GdalNative.GDALDatasetCommitTransaction(dataset.Handle) != GdalNative.OGRERR_NONE)
        {
            throw GdalException.FromLastError("committing features to", path);
        }
    }

    private static void WriteFeature(nint layer, nint layerDefn, VectorLayerSpec spec, VectorFeature feature, WKBWriter writer, string path, long index)
    {
        nint f = GdalNative.OGR_F_Create(layerDefn);
        try
        {
            for (int i = 0; i < spec.Fields.Count; i++)
            {
                object? value = feature.Attributes.GetValueOrDefault(spec.Fields[i].Name);
                switch (value)
                {
                    case null:
                        GdalNative.OGR_F_SetFieldNull(f, i);
                        break;
                    case long or int or short or byte or uint:
                        GdalNative.OGR_F_SetFieldInteger64(f, i, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                        break;
                    case double or float or decimal:
                        GdalNative.OGR_F_SetFieldDouble(f, i, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                        break;
                    default:
                        GdalNative.OGR_F_SetFieldString(f, i, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                        break;
                }
            }

            if (feature.Geometry is not null)
            {
                nint g = OgrGeometry.FromNts(feature.Geometry, writer);
                int err = GdalNative.OGR_F_SetGeometry(f, g); // copies
                GdalNative.OGR_G_DestroyGeometry(g);
                if (err != GdalNative.OGRERR_NONE)
                {
                    throw GdalException.FromLastError($"setting the geometry of feature {index} (a {feature.Geometry.GeometryType}) in", path);
                }
            }

            GdalErrors.Reset();
            if (GdalNative.OGR_L_CreateFeature(layer, f) != GdalNative.OGRERR_NONE)
            {
                throw GdalException.FromLastError($"writing feature {index} to", path);
            }
        }
        finally
        {
            GdalNative.OGR_F_Destroy(f);
        }
    }

    private static IEnumerable<string> LayerOptions(string driver, VectorLayerSpec spec) => driver switch
    {
        "CSV" =>
        [
            spec.GeometryType == VectorGeometryType.Point ? "GEOMETRY=AS_XY" : "GEOMETRY=AS_WKT",
            "LINEFORMAT=LF",
        ],
        "ESRI Shapefile" => ["ENCODING=UTF-8"],
        _ => [],
    };
}
