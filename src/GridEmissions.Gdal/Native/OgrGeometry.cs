using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GridEmissions.Gdal.Native;

/// <summary>Moves geometries between OGR and NetTopologySuite through ISO WKB.</summary>
internal static class OgrGeometry
{
    /// <summary>Reads an OGR geometry (not taken over) as NTS; curves are linearised first.</summary>
    public static unsafe Geometry ToNts(nint geometry, WKBReader reader)
    {
        nint linear = 0;
        if (GdalNative.OGR_G_HasCurveGeometry(geometry, 1) != 0)
        {
            linear = GdalNative.OGR_G_GetLinearGeometry(geometry, 0, 0);
            geometry = linear;
        }

        try
        {
            var wkb = new byte[GdalNative.OGR_G_WkbSize(geometry)];
            fixed (byte* p = wkb)
            {
                if (GdalNative.OGR_G_ExportToIsoWkb(geometry, GdalNative.WkbNdr, p) != GdalNative.OGRERR_NONE)
                {
                    throw new GdalException($"OGR could not export a geometry as WKB: {GdalErrors.LastMessage()}");
                }
            }

            return reader.Read(wkb);
        }
        finally
        {
            if (linear != 0)
            {
                GdalNative.OGR_G_DestroyGeometry(linear);
            }
        }
    }

    /// <summary>Creates an OGR geometry the caller owns (destroy with OGR_G_DestroyGeometry).</summary>
    public static unsafe nint FromNts(Geometry geometry, WKBWriter writer)
    {
        byte[] wkb = writer.Write(geometry);
        nint result = 0;
        fixed (byte* p = wkb)
        {
            GdalErrors.Reset();
            if (GdalNative.OGR_G_CreateFromWkb(p, 0, &result, wkb.Length) != GdalNative.OGRERR_NONE || result == 0)
            {
                throw new GdalException($"OGR could not read the {geometry.GeometryType} as WKB: {GdalErrors.LastMessage()}");
            }
        }

        return result;
    }
}
