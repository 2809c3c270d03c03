namespace GridEmissions.Rendering.Native;

/// <summary>cairo_format_t values used here.</summary>
internal enum CairoFormat
{
    Argb32 = 0,
}

/// <summary>cairo_fill_rule_t.</summary>
internal enum CairoFillRule
{
    Winding = 0,
    EvenOdd = 1,
}

/// <summary>cairo_filter_t values used here.</summary>
internal enum CairoFilter
{
    Nearest = 3,
}

/// <summary>cairo_font_slant_t.</summary>
internal enum CairoFontSlant
{
    Normal = 0,
    Italic = 1,
}

/// <summary>cairo_font_weight_t.</summary>
internal enum CairoFontWeight
{
    Normal = 0,
    Bold = 1,
}

/// <summary>cairo_line_join_t.</summary>
internal enum CairoLineJoin
{
    Miter = 0,
    Round = 1,
    Bevel = 2,
}

/// <summary>cairo_line_cap_t.</summary>
internal enum CairoLineCap
{
    Butt = 0,
    Round = 1,
    Square = 2,
}

/// <summary>cairo_pdf_metadata_t (cairo 1.16).</summary>
internal enum CairoPdfMetadata
{
    Title = 0,
    Author = 1,
    Subject = 2,
    Keywords = 3,
    Creator = 4,
    CreateDate = 5,
    ModDate = 6,
}

/// <summary>cairo_svg_version_t.</summary>
internal enum CairoSvgVersion
{
    Svg11 = 0,
    Svg12 = 1,
}
