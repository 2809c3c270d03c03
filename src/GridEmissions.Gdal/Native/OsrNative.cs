using System.Runtime.InteropServices;

namespace GridEmissions.Gdal.Native;

/// <summary>OSR spatial references and OCT coordinate transformations.</summary>
internal static unsafe partial class GdalNative
{
    internal const int OAMS_TRADITIONAL_GIS_ORDER = 0;
    internal const int OGRERR_NONE = 0;

    [LibraryImport(Lib)]
    internal static partial nint OSRNewSpatialReference(nint wkt);

    [LibraryImport(Lib)]
    internal static partial void OSRRelease(nint srs);

    [LibraryImport(Lib)]
    internal static partial nint OSRClone(nint srs);

    [LibraryImport(Lib)]
    internal static partial int OSRImportFromWkt(nint srs, nint* wkt);

    [LibraryImport(Lib)]
    internal static partial int OSRImportFromEPSG(nint srs, int code);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int OSRSetFromUserInput(nint srs, string definition);

    [LibraryImport(Lib)]
    internal static partial int OSRExportToWktEx(nint srs, nint* result, nint options);

    [LibraryImport(Lib)]
    internal static partial int OSRExportToProj4(nint srs, nint* result);

    [LibraryImport(Lib)]
    internal static partial int OSRIsSame(nint a, nint b);

    [LibraryImport(Lib)]
    internal static partial nint OSRGetName(nint srs);

    [LibraryImport(Lib)]
    internal static partial void OSRSetAxisMappingStrategy(nint srs, int strategy);

    [LibraryImport(Lib)]
    internal static partial nint OCTNewCoordinateTransformation(nint source, nint target);

    [LibraryImport(Lib)]
    internal static partial void OCTDestroyCoordinateTransformation(nint transformation);

    [LibraryImport(Lib)]
    internal static partial int OCTTransformEx(nint transformation, int count, double* x, double* y, double* z, int* success);
}
