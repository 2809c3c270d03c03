using System.Runtime.InteropServices;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal.Native;

namespace GridEmissions.Gdal;

/// <summary>
/// A coordinate reference system held by OSR. Always uses the traditional GIS axis order
/// (x = easting/longitude, y = northing/latitude), so EPSG:4326 takes lon/lat like every
/// other file format does.
/// </summary>
public sealed class SpatialReference : IDisposable
{
    private nint _handle;

    private SpatialReference(nint handle)
    {
        _handle = handle;
        GdalNative.OSRSetAxisMappingStrategy(handle, GdalNative.OAMS_TRADITIONAL_GIS_ORDER);
    }

    ~SpatialReference() => Release();

    internal nint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(SpatialReference));

    /// <summary>The CRS name, e.g. "WGS 84" or "China_Albers_Equal_Area".</summary>
    public string Name => Utf8StringList.ReadOwned(GdalNative.OSRGetName(Handle));

    /// <summary>The grid CRS of every GridEmissions grid (<see cref="ChinaAlbers"/>).</summary>
    public static SpatialReference ChinaAlbersGrid() => FromWkt(ChinaAlbers.Wkt);

    /// <summary>WGS84 longitude/latitude (EPSG:4326, lon/lat order).</summary>
    public static SpatialReference Wgs84() => FromEpsg(4326);

    /// <summary>Reads WKT (1 or 2).</summary>
    public static unsafe SpatialReference FromWkt(string wkt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wkt);
        nint srs = New();
        nint text = Marshal.StringToCoTaskMemUTF8(wkt);
        try
        {
            nint cursor = text;
            GdalErrors.Reset();
            if (GdalNative.OSRImportFromWkt(srs, &cursor) != GdalNative.OGRERR_NONE)
            {
                GdalNative.OSRRelease(srs);
                throw new GdalException($"the CRS WKT is not valid: {GdalErrors.LastMessage()} (WKT starts '{Shorten(wkt)}')");
            }
        }
        finally
        {
            Marshal.FreeCoTaskMem(text);
        }

        return new SpatialReference(srs);
    }

    /// <summary>An EPSG code, e.g. 4326.</summary>
    public static SpatialReference FromEpsg(int code)
    {
        nint srs = New();
        GdalErrors.Reset();
        if (GdalNative.OSRImportFromEPSG(srs, code) != GdalNative.OGRERR_NONE)
        {
            GdalNative.OSRRelease(srs);
            throw new GdalException($"EPSG:{code} is not a known CRS: {GdalErrors.LastMessage()}");
        }

        return new SpatialReference(srs);
    }

    /// <summary>Anything OSRSetFromUserInput accepts: "EPSG:4326", a PROJ string, WKT, PROJJSON, a .prj file name, "WGS84"...</summary>
    public static SpatialReference FromUserInput(string definition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definition);
        nint srs = New();
        GdalErrors.Reset();
        if (GdalNative.OSRSetFromUserInput(srs, definition) != GdalNative.OGRERR_NONE)
        {
            GdalNative.OSRRelease(srs);
            throw new GdalException($"'{Shorten(definition)}' is not a CRS GDAL understands: {GdalErrors.LastMessage()}");
        }

        return new SpatialReference(srs);
    }

    /// <summary>Wraps a copy of an SRS GDAL owns (e.g. a layer's).</summary>
    internal static SpatialReference CloneOf(nint owned) => new(GdalNative.OSRClone(owned));

    /// <summary>WKT; WKT1 (GDAL flavour) by default, or "WKT2_2019" and other OSRExportToWktEx formats.</summary>
    public unsafe string ToWkt(string format = "WKT1")
    {
        using var options = new Utf8StringList([$"FORMAT={format}"]);
        nint result = 0;
        GdalErrors.Reset();
        int err = GdalNative.OSRExportToWktEx(Handle, &result, options.Pointer);
        string wkt = Utf8StringList.ReadAndFree(result);
        return err == GdalNative.OGRERR_NONE ? wkt : throw new GdalException($"exporting the CRS '{Name}' as {format} failed: {GdalErrors.LastMessage()}");
    }

    /// <summary>The PROJ string (may lose information for some CRSs).</summary>
    public unsafe string ToProj4()
    {
        nint result = 0;
        GdalNative.OSRExportToProj4(Handle, &result);
        return Utf8StringList.ReadAndFree(result).Trim();
    }

    /// <summary>True when both describe the same CRS (OSRIsSame; names may differ).</summary>
    public bool IsSame(SpatialReference other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return GdalNative.OSRIsSame(Handle, other.Handle) != 0;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <inheritdoc />
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private static nint New()
    {
        GdalLibrary.EnsureInitialized();
        nint srs = GdalNative.OSRNewSpatialReference(0);
        return srs != 0 ? srs : throw new GdalException("OSRNewSpatialReference returned NULL");
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "...";

    private void Release()
    {
        nint h = Interlocked.Exchange(ref _handle, 0);
        if (h != 0)
        {
            GdalNative.OSRRelease(h);
        }
    }
}
