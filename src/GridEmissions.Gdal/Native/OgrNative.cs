using System.Runtime.InteropServices;

namespace GridEmissions.Gdal.Native;

/// <summary>OGR layers, features, fields and geometries.</summary>
internal static unsafe partial class GdalNative
{
    internal const int OFTInteger = 0;
    internal const int OFTReal = 2;
    internal const int OFTString = 4;
    internal const int OFTInteger64 = 12;
    internal const int WkbNdr = 1;

    [LibraryImport(Lib)]
    internal static partial int GDALDatasetGetLayerCount(nint dataset);

    [LibraryImport(Lib)]
    internal static partial nint GDALDatasetGetLayer(nint dataset, int index);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALDatasetGetLayerByName(nint dataset, string name);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALDatasetCreateLayer(nint dataset, string name, nint srs, int geometryType, nint options);

    [LibraryImport(Lib)]
    internal static partial int GDALDatasetStartTransaction(nint dataset, int force);

    [LibraryImport(Lib)]
    internal static partial int GDALDatasetCommitTransaction(nint dataset);

    [LibraryImport(Lib)]
    internal static partial nint OGR_L_GetName(nint layer);

    [LibraryImport(Lib)]
    internal static partial nint OGR_L_GetSpatialRef(nint layer);

    [LibraryImport(Lib)]
    internal static partial nint OGR_L_GetLayerDefn(nint layer);

    [LibraryImport(Lib)]
    internal static partial int OGR_L_GetGeomType(nint layer);

    [LibraryImport(Lib)]
    internal static partial long OGR_L_GetFeatureCount(nint layer, int force);

    [LibraryImport(Lib)]
    internal static partial void OGR_L_ResetReading(nint layer);

    [LibraryImport(Lib)]
    internal static partial nint OGR_L_GetNextFeature(nint layer);

    [LibraryImport(Lib)]
    internal static partial int OGR_L_CreateField(nint layer, nint fieldDefn, int approxOk);

    [LibraryImport(Lib)]
    internal static partial int OGR_L_CreateFeature(nint layer, nint feature);

    [LibraryImport(Lib)]
    internal static partial int OGR_FD_GetFieldCount(nint featureDefn);

    [LibraryImport(Lib)]
    internal static partial nint OGR_FD_GetFieldDefn(nint featureDefn, int index);

    [LibraryImport(Lib)]
    internal static partial nint OGR_Fld_GetNameRef(nint fieldDefn);

    [LibraryImport(Lib)]
    internal static partial int OGR_Fld_GetType(nint fieldDefn);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint OGR_Fld_Create(string name, int type);

    [LibraryImport(Lib)]
    internal static partial void OGR_Fld_Destroy(nint fieldDefn);

    [LibraryImport(Lib)]
    internal static partial nint OGRGeometryTypeToName(int type);

    [LibraryImport(Lib)]
    internal static partial nint OGR_GetFieldTypeName(int type);

    [LibraryImport(Lib)]
    internal static partial nint OGR_F_Create(nint featureDefn);

    [LibraryImport(Lib)]
    internal static partial void OGR_F_Destroy(nint feature);

    [LibraryImport(Lib)]
    internal static partial long OGR_F_GetFID(nint feature);

    [LibraryImport(Lib)]
    internal static partial nint OGR_F_GetGeometryRef(nint feature);

    [LibraryImport(Lib)]
    internal static partial int OGR_F_SetGeometry(nint feature, nint geometry);

    [LibraryImport(Lib)]
    internal static partial int OGR_F_IsFieldSetAndNotNull(nint feature, int index);

    [LibraryImport(Lib)]
    internal static partial long OGR_F_GetFieldAsInteger64(nint feature, int index);

    [LibraryImport(Lib)]
    internal static partial double OGR_F_GetFieldAsDouble(nint feature, int index);

    [LibraryImport(Lib)]
    internal static partial nint OGR_F_GetFieldAsString(nint feature, int index);

    [LibraryImport(Lib)]
    internal static partial void OGR_F_SetFieldInteger64(nint feature, int index, long value);

    [LibraryImport(Lib)]
    internal static partial void OGR_F_SetFieldDouble(nint feature, int index, double value);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void OGR_F_SetFieldString(nint feature, int index, string value);

    [LibraryImport(Lib)]
    internal static partial void OGR_F_SetFieldNull(nint feature, int index);

    [LibraryImport(Lib)]
    internal static partial int OGR_G_WkbSize(nint geometry);

    [LibraryImport(Lib)]
    internal static partial int OGR_G_ExportToIsoWkb(nint geometry, int byteOrder, byte* buffer);

    [LibraryImport(Lib)]
    internal static partial int OGR_G_CreateFromWkb(byte* wkb, nint srs, nint* geometry, int byteCount);

    [LibraryImport(Lib)]
    internal static partial void OGR_G_DestroyGeometry(nint geometry);

    [LibraryImport(Lib)]
    internal static partial int OGR_G_Transform(nint geometry, nint transformation);

    [LibraryImport(Lib)]
    internal static partial int OGR_G_HasCurveGeometry(nint geometry, int lookForNonLinear);

    [LibraryImport(Lib)]
    internal static partial nint OGR_G_GetLinearGeometry(nint geometry, double maxAngleStepDegrees, nint options);
}
