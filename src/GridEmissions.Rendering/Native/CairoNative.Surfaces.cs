using System.Runtime.InteropServices;

namespace GridEmissions.Rendering.Native;

/// <summary>Surface functions of libcairo. Strings the library owns come back as <c>nint</c>.</summary>
internal static unsafe partial class CairoNative
{
    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_image_surface_create")]
    internal static partial nint ImageSurfaceCreate(CairoFormat format, int width, int height);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_image_surface_create_for_data")]
    internal static partial nint ImageSurfaceCreateForData(byte* data, CairoFormat format, int width, int height, int stride);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_image_surface_create_from_png", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint ImageSurfaceCreateFromPng(string filename);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_image_surface_get_data")]
    internal static partial byte* ImageSurfaceGetData(nint surface);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_image_surface_get_width")]
    internal static partial int ImageSurfaceGetWidth(nint surface);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_image_surface_get_height")]
    internal static partial int ImageSurfaceGetHeight(nint surface);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_image_surface_get_stride")]
    internal static partial int ImageSurfaceGetStride(nint surface);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_image_surface_get_format")]
    internal static partial int ImageSurfaceGetFormat(nint surface);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_format_stride_for_width")]
    internal static partial int FormatStrideForWidth(CairoFormat format, int width);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_svg_surface_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint SvgSurfaceCreate(string filename, double widthPoints, double heightPoints);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_svg_surface_restrict_to_version")]
    internal static partial void SvgSurfaceRestrictToVersion(nint surface, CairoSvgVersion version);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_pdf_surface_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint PdfSurfaceCreate(string filename, double widthPoints, double heightPoints);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_pdf_surface_set_metadata", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void PdfSurfaceSetMetadata(nint surface, CairoPdfMetadata metadata, string value);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_surface_write_to_png", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SurfaceWriteToPng(nint surface, string filename);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_surface_flush")]
    internal static partial void SurfaceFlush(nint surface);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_surface_mark_dirty")]
    internal static partial void SurfaceMarkDirty(nint surface);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_surface_finish")]
    internal static partial void SurfaceFinish(nint surface);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_surface_destroy")]
    internal static partial void SurfaceDestroy(nint surface);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_surface_status")]
    internal static partial int SurfaceStatus(nint surface);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_status_to_string")]
    internal static partial nint StatusToString(int status);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_version_string")]
    internal static partial nint VersionString();

    /// <summary>cairo's own text for a status code (the library owns the string).</summary>
    internal static string StatusText(int status) => Marshal.PtrToStringUTF8(StatusToString(status)) ?? $"status {status}";
}
