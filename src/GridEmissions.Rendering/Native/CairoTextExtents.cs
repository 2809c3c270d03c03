using System.Runtime.InteropServices;

namespace GridEmissions.Rendering.Native;

/// <summary>cairo_text_extents_t.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CairoTextExtents
{
    public double XBearing;
    public double YBearing;
    public double Width;
    public double Height;
    public double XAdvance;
    public double YAdvance;
}

/// <summary>cairo_font_extents_t.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CairoFontExtents
{
    public double Ascent;
    public double Descent;
    public double Height;
    public double MaxXAdvance;
    public double MaxYAdvance;
}
