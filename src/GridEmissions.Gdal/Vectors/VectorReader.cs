using GridEmissions.Gdal.Native;
using NetTopologySuite.IO;

namespace GridEmissions.Gdal;

/// <summary>
/// Reads vector layers through OGR (GeoJSON, GeoPackage, Shapefile, CSV with coordinate
/// columns, and every other vector format GDAL reads) into NetTopologySuite geometries and
/// typed attributes. CSV files get coordinates from columns named lon*/*_lon/lng/longitude/x and
/// lat*/*_lat/latitude/y (e.g. seat_lon/seat_lat), with column types detected; rows without
/// coordinates have no geometry.
/// </summary>
public static class VectorReader
{
    /// <summary>Open options used for .csv files.</summary>
    public static IReadOnlyList<string> CsvOpenOptions { get; } =
    [
        "X_POSSIBLE_NAMES=lon*,*_lon,lng,longitude,x",
        "Y_POSSIBLE_NAMES=lat*,*_lat,latitude,y",
        "KEEP_GEOM_COLUMNS=NO",
        "AUTODETECT_TYPE=YES",
    ];

    /// <summary>Names of the layers in the file, in order.</summary>
    public static IReadOnlyList<string> ListLayers(string path)
    {
        using DatasetHandle dataset = OpenVector(path, VectorReadOptions.Default);
        int count = GdalNative.GDALDatasetGetLayerCount(dataset.Handle);
        return Enumerable.Range(0, count)
            .Select(i => Utf8StringList.ReadOwned(GdalNative.OGR_L_GetName(GdalNative.GDALDatasetGetLayer(dataset.Handle, i))))
            .ToList();
    }

    /// <summary>Reads one layer (the first when <paramref name="layerName"/> is null).</summary>
    public static VectorLayer Read(string path, string? layerName = null, VectorReadOptions? options = null)
    {
        options ??= VectorReadOptions.Default;
        using DatasetHandle dataset = OpenVector(path, options);
        nint layer = FindLayer(dataset, layerName);
        string name = Utf8StringList.ReadOwned(GdalNative.OGR_L_GetName(layer));
        nint layerSrs = GdalNative.OGR_L_GetSpatialRef(layer);
        using SpatialReference? source = layerSrs != 0 ? SpatialReference.CloneOf(layerSrs) : null;
        using CoordinateTransformer? transformer = Transformer(path, name, source, options);

        nint defn = GdalNative.OGR_L_GetLayerDefn(layer);
        int fieldCount = GdalNative.OGR_FD_GetFieldCount(defn);
        var fieldNames = new string[fieldCount];
        var fieldTypes = new int[fieldCount];
        for (int i = 0; i < fieldCount; i++)
        {
            nint field = GdalNative.OGR_FD_GetFieldDefn(defn, i);
            fieldNames[i] = Utf8StringList.ReadOwned(GdalNative.OGR_Fld_GetNameRef(field));
            fieldTypes[i] = GdalNative.OGR_Fld_GetType(field);
        }

        var reader = new WKBReader();
        var features = new List<VectorFeature>();
        GdalNative.OGR_L_ResetReading(layer);
        GdalErrors.Reset();
        for (nint feature = GdalNative.OGR_L_GetNextFeature(layer); feature != 0; feature = GdalNative.OGR_L_GetNextFeature(layer))
        {
            try
            {
                features.Add(ReadFeature(feature, fieldNames, fieldTypes, reader, transformer, path, name));
            }
            finally
            {
                GdalNative.OGR_F_Destroy(feature);
            }
        }

        if (GdalErrors.HasFailure)
        {
            throw GdalException.FromLastError($"reading layer '{name}' of", path);
        }

        string crsWkt = transformer is not null ? options.TargetCrs!.ToWkt() : source?.ToWkt() ?? string.Empty;
        return new VectorLayer(name, crsWkt, fieldNames, features);
    }

    internal static DatasetHandle OpenVector(string path, VectorReadOptions options)
    {
        bool csv = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.StartsWith("CSV:", StringComparison.OrdinalIgnoreCase);
        IEnumerable<string> open = (csv ? CsvOpenOptions : []).Concat(options.OpenOptions);
        return DatasetHandle.Open(path, GdalNative.GDAL_OF_VECTOR | GdalNative.GDAL_OF_READONLY, open);
    }

    private static nint FindLayer(DatasetHandle dataset, string? layerName)
    {
        int count = GdalNative.GDALDatasetGetLayerCount(dataset.Handle);
        if (count == 0)
        {
            throw new GdalException($"'{dataset.Path}' has no vector layers", dataset.Path);
        }

        if (layerName is null)
        {
            return GdalNative.GDALDatasetGetLayer(dataset.Handle, 0);
        }

        nint layer = GdalNative.GDALDatasetGetLayerByName(dataset.Handle, layerName);
        if (layer == 0)
        {
            var names = Enumerable.Range(0, count).Select(i => Utf8StringList.ReadOwned(GdalNative.OGR_L_GetName(GdalNative.GDALDatasetGetLayer(dataset.Handle, i))));
            throw new GdalException($"'{dataset.Path}' has no layer '{layerName}'; its layers are: {string.Join(", ", names)}", dataset.Path);
        }

        return layer;
    }

    private static CoordinateTransformer? Transformer(string path, string layer, SpatialReference? source, VectorReadOptions options)
    {
        if (options.TargetCrs is null)
        {
            return null;
        }

        SpatialReference from = source ?? options.SourceCrsIfMissing
            ?? throw new GdalException(
                $"layer '{layer}' of '{path}' has no CRS, so it cannot be reprojected to '{options.TargetCrs.Name}'; " +
                "add a .prj file or say which CRS its coordinates are in (SourceCrsIfMissing, e.g. EPSG:4326)", path);
        return CoordinateTransformer.Create(from, options.TargetCrs);
    }

    private static VectorFeature ReadFeature(nint feature, string[] fieldNames, int[] fieldTypes, WKBReader reader,
        CoordinateTransformer? transformer, string path, string layer)
    {
        long fid = GdalNative.OGR_F_GetFID(feature);
        nint geometry = GdalNative.OGR_F_GetGeometryRef(feature);
        NetTopologySuite.Geometries.Geometry? nts = null;
        if (geometry != 0)
        {
            if (transformer is not null && GdalNative.OGR_G_Transform(geometry, transformer.Handle) != GdalNative.OGRERR_NONE)
            {
                throw new GdalException(
                    $"feature {fid} of layer '{layer}' in '{path}' could not be reprojected from '{transformer.SourceName}' to '{transformer.TargetName}': {GdalErrors.LastMessage()}", path);
            }

            nts = OgrGeometry.ToNts(geometry, reader);
        }

        var attributes = new Dictionary<string, object?>(fieldNames.Length, StringComparer.Ordinal);
        for (int i = 0; i < fieldNames.Length; i++)
        {
            attributes[fieldNames[i]] = GdalNative.OGR_F_IsFieldSetAndNotNull(feature, i) == 0
                ? null
                : fieldTypes[i] switch
                {
                    GdalNative.OFTInteger or GdalNative.OFTInteger64 => GdalNative.OGR_F_GetFieldAsInteger64(feature, i),
                    GdalNative.OFTReal => GdalNative.OGR_F_GetFieldAsDouble(feature, i),
                    _ => Utf8StringList.ReadOwned(GdalNative.OGR_F_GetFieldAsString(feature, i)),
                };
        }

        return new VectorFeature(fid, nts, attributes);
    }
}
