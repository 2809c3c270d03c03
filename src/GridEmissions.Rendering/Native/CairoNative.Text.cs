using System.Runtime.InteropServices;

namespace GridEmissions.Rendering.Native;

/// <summary>The "toy" text API of libcairo. It has no glyph fallback: name a CJK family for Chinese.</summary>
internal static unsafe partial class CairoNative
{
    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_select_font_face", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void SelectFontFace(nint cr, string family, CairoFontSlant slant, CairoFontWeight weight);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_set_font_size")]
    internal static partial void SetFontSize(nint cr, double size);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_text_extents", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void TextExtents(nint cr, string utf8, out CairoTextExtents extents);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_font_extents")]
    internal static partial void FontExtents(nint cr, out CairoFontExtents extents);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_text_path", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void TextPath(nint cr, string utf8);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_show_text", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void ShowText(nint cr, string utf8);
}
