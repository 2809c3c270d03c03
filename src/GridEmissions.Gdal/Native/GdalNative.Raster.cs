using System.Runtime.InteropServices;

namespace GridEmissions.Gdal.Native;

/// <summary>Raster datasets and bands.</summary>
internal static unsafe partial class GdalNative
{
    internal const int GDT_Unknown = 0;
    internal const int GDT_Int32 = 5;
    internal const int GDT_Float32 = 6;
    internal const int GDT_Float64 = 7;
    internal const int GF_Read = 0;
    internal const int GF_Write = 1;

    [LibraryImport(Lib)]
    internal static partial int GDALGetRasterXSize(nint dataset);

    [LibraryImport(Lib)]
    internal static partial int GDALGetRasterYSize(nint dataset);

    [LibraryImport(Lib)]
    internal static partial int GDALGetRasterCount(nint dataset);

    [LibraryImport(Lib)]
    internal static partial int GDALGetGeoTransform(nint dataset, double* transform);

    [LibraryImport(Lib)]
    internal static partial int GDALSetGeoTransform(nint dataset, double* transform);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetProjectionRef(nint dataset);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GDALSetProjection(nint dataset, string wkt);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetRasterBand(nint dataset, int band);

    [LibraryImport(Lib)]
    internal static partial int GDALGetRasterDataType(nint band);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetDataTypeName(int dataType);

    [LibraryImport(Lib)]
    internal static partial int GDALRasterIO(nint band, int rwFlag, int xOff, int yOff, int xSize, int ySize,
        void* buffer, int bufXSize, int bufYSize, int bufType, int pixelSpace, int lineSpace);

    [LibraryImport(Lib)]
    internal static partial double GDALGetRasterNoDataValue(nint band, int* success);

    [LibraryImport(Lib)]
    internal static partial int GDALSetRasterNoDataValue(nint band, double value);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GDALSetRasterUnitType(nint band, string unit);

    [LibraryImport(Lib)]
    internal static partial nint GDALGetRasterUnitType(nint band);

    [LibraryImport(Lib)]
    internal static partial int GDALRasterizeGeometries(nint dataset, int bandCount, int* bands, int geometryCount,
        nint* geometries, nint transformer, nint transformArg, double* burnValues, nint options, nint progress, nint progressArg);
}
