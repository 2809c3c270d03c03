namespace GridEmissions.Gdal.Native;

/// <summary>Writes a metadata dictionary onto a GDAL major object (dataset or band), in ordinal key order.</summary>
internal static class MetadataWriter
{
    public static void Write(nint majorObject, IReadOnlyDictionary<string, string>? metadata, string what)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var (key, value) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            GdalErrors.Reset();
            if (GdalNative.GDALSetMetadataItem(majorObject, key, value, null) != GdalNative.CE_None)
            {
                throw GdalException.FromLastError($"setting metadata '{key}' on", what);
            }
        }
    }
}
