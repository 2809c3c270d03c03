using System.Runtime.InteropServices;

namespace GridEmissions.Gdal.Native;

/// <summary>Source-generated P/Invoke declarations for GDAL's C API: library, errors, drivers, datasets.</summary>
internal static unsafe partial class GdalNative
{
    /// <summary>Logical library name, mapped to a real soname by <see cref="GdalLibrary"/>'s resolver.</summary>
    internal const string Lib = "gdal";

    internal const int CE_None = 0;
    internal const int CE_Debug = 1;
    internal const int CE_Warning = 2;
    internal const int CE_Failure = 3;
    internal const int CE_Fatal = 4;

    internal const uint GDAL_OF_READONLY = 0x00;
    internal const uint GDAL_OF_UPDATE = 0x01;
    internal const uint GDAL_OF_RASTER = 0x02;
    internal const uint GDAL_OF_VECTOR = 0x04;
    internal const uint GDAL_OF_MULTIDIM_RASTER = 0x10;
    internal const uint GDAL_OF_VERBOSE_ERROR = 0x40;

    [LibraryImport(Lib)]
    internal static partial void GDALAllRegister();

    [LibraryImport(Lib)]
    internal static partial void GDALSetCacheMax64(long bytes);

    [LibraryImport(Lib)]
    internal static partial long GDALGetCacheMax64();

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALVersionInfo(string request);

    [LibraryImport(Lib)]
    internal static partial nint CPLSetErrorHandler(delegate* unmanaged[Cdecl]<int, int, nint, void> handler);

    [LibraryImport(Lib)]
    internal static partial void CPLErrorReset();

    [LibraryImport(Lib)]
    internal static partial int CPLGetLastErrorType();

    [LibraryImport(Lib)]
    internal static partial nint CPLGetLastErrorMsg();

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void CPLSetThreadLocalConfigOption(string key, string? value);

    [LibraryImport(Lib)]
    internal static partial void VSIFree(nint p);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALGetDriverByName(string name);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetDriverShortName(nint driver);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALOpenEx(string path, uint flags, nint allowedDrivers, nint openOptions, nint siblingFiles);

    [LibraryImport(Lib)]
    internal static partial void GDALClose(nint dataset);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALCreate(nint driver, string path, int xSize, int ySize, int bands, int dataType, nint options);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALCreateCopy(nint driver, string path, nint source, int strict, nint options, nint progress, nint progressData);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetDatasetDriver(nint dataset);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetDescription(nint majorObject);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void GDALSetDescription(nint majorObject, string description);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GDALGetMetadata(nint majorObject, string? domain);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GDALSetMetadataItem(nint majorObject, string name, string value, string? domain);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetMetadataDomainList(nint majorObject);

    [LibraryImport(Lib)]
    internal static partial void CSLDestroy(nint list);
}
