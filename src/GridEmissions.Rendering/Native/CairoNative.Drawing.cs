using System.Runtime.InteropServices;

namespace GridEmissions.Rendering.Native;

/// <summary>Context, path, source and state functions of libcairo.</summary>
internal static unsafe partial class CairoNative
{
    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_create")]
    internal static partial nint Create(nint surface);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_destroy")]
    internal static partial void Destroy(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_status")]
    internal static partial int Status(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_save")]
    internal static partial void Save(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_restore")]
    internal static partial void Restore(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_translate")]
    internal static partial void Translate(nint cr, double tx, double ty);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_scale")]
    internal static partial void Scale(nint cr, double sx, double sy);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_rotate")]
    internal static partial void Rotate(nint cr, double angle);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_new_path")]
    internal static partial void NewPath(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_new_sub_path")]
    internal static partial void NewSubPath(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_move_to")]
    internal static partial void MoveTo(nint cr, double x, double y);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_line_to")]
    internal static partial void LineTo(nint cr, double x, double y);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_close_path")]
    internal static partial void ClosePath(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_rectangle")]
    internal static partial void Rectangle(nint cr, double x, double y, double width, double height);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_arc")]
    internal static partial void Arc(nint cr, double xc, double yc, double radius, double angle1, double angle2);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_set_fill_rule")]
    internal static partial void SetFillRule(nint cr, CairoFillRule rule);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_fill")]
    internal static partial void Fill(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_fill_preserve")]
    internal static partial void FillPreserve(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_stroke")]
    internal static partial void Stroke(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_stroke_preserve")]
    internal static partial void StrokePreserve(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_paint")]
    internal static partial void Paint(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_clip")]
    internal static partial void Clip(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_reset_clip")]
    internal static partial void ResetClip(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_set_line_width")]
    internal static partial void SetLineWidth(nint cr, double width);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_set_line_join")]
    internal static partial void SetLineJoin(nint cr, CairoLineJoin join);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_set_line_cap")]
    internal static partial void SetLineCap(nint cr, CairoLineCap cap);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_set_dash")]
    internal static partial void SetDash(nint cr, double* dashes, int count, double offset);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_set_source_rgba")]
    internal static partial void SetSourceRgba(nint cr, double red, double green, double blue, double alpha);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_set_source_surface")]
    internal static partial void SetSourceSurface(nint cr, nint surface, double x, double y);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_get_source")]
    internal static partial nint GetSource(nint cr);

    [LibraryImport(CairoLibrary.Name, EntryPoint = "cairo_pattern_set_filter")]
    internal static partial void PatternSetFilter(nint pattern, CairoFilter filter);
}
