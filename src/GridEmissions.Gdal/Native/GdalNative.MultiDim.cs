using System.Runtime.InteropServices;

namespace GridEmissions.Gdal.Native;

/// <summary>GDAL's multidimensional raster API (used to write NetCDF cubes).</summary>
internal static unsafe partial class GdalNative
{
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALCreateMultiDimensional(nint driver, string name, nint rootGroupOptions, nint options);

    [LibraryImport(Lib)]
    internal static partial nint GDALDatasetGetRootGroup(nint dataset);

    [LibraryImport(Lib)]
    internal static partial void GDALGroupRelease(nint group);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALGroupCreateDimension(nint group, string name, string? type, string? direction, ulong size, nint options);

    [LibraryImport(Lib)]
    internal static partial void GDALDimensionRelease(nint dimension);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALGroupCreateMDArray(nint group, string name, nuint dimensionCount, nint* dimensions, nint dataType, nint options);

    [LibraryImport(Lib)]
    internal static partial void GDALMDArrayRelease(nint array);

    [LibraryImport(Lib)]
    internal static partial int GDALMDArrayWrite(nint array, ulong* start, nuint* count, long* step, nint* bufferStride,
        nint bufferDataType, void* source, void* sourceAllocStart, nuint sourceAllocSize);

    [LibraryImport(Lib)]
    internal static partial int GDALMDArraySetSpatialRef(nint array, nint srs);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GDALMDArraySetUnit(nint array, string unit);

    [LibraryImport(Lib)]
    internal static partial int GDALMDArraySetNoDataValueAsDouble(nint array, double value);

    [LibraryImport(Lib)]
    internal static partial nint GDALExtendedDataTypeCreate(int dataType);

    [LibraryImport(Lib)]
    internal static partial nint GDALExtendedDataTypeCreateString(nuint maxLength);

    [LibraryImport(Lib)]
    internal static partial void GDALExtendedDataTypeRelease(nint dataType);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALGroupCreateAttribute(nint group, string name, nuint dimensionCount, ulong* sizes, nint dataType, nint options);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALMDArrayCreateAttribute(nint array, string name, nuint dimensionCount, ulong* sizes, nint dataType, nint options);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GDALAttributeWriteString(nint attribute, string value);

    [LibraryImport(Lib)]
    internal static partial int GDALAttributeWriteDouble(nint attribute, double value);

    [LibraryImport(Lib)]
    internal static partial int GDALAttributeWriteDoubleArray(nint attribute, double* values, nuint count);

    [LibraryImport(Lib)]
    internal static partial void GDALAttributeRelease(nint attribute);
}
