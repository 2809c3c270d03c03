using System.Globalization;
using System.Xml.Linq;

namespace GridEmissions.Rendering;

/// <summary>
/// QGIS layer styles (.qml, QGIS 3.x) that give a dropped-in GeoTIFF or GeoJSON the classes and
/// colours of the tool's own maps. QGIS loads <c>NAME.qml</c> beside <c>NAME.tif</c> or
/// <c>NAME.geojson</c> as the layer's default style. Pure text: no QGIS needed to write them.
/// </summary>
public static class QgisStyle
{
    private const string Version = "3.22.0-Białowieża";

    /// <summary>
    /// A single-band pseudocolour style of <paramref name="band"/> (1-based) with the classes of
    /// <paramref name="scale"/> as a discrete colour ramp: a value below a break is in the class
    /// under it, a value on a break in the class above (each entry's value is the largest double
    /// below the break), zero and negative values in their own classes when the scale separates
    /// them. Nodata is transparent (the GeoTIFF's nodata).
    /// </summary>
    public static string Raster(ClassedScale scale, int band, string title)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var items = new List<XElement>();
        if (scale.SeparateZero)
        {
            items.Add(Item(Math.BitDecrement(0), Palettes.Negative, "negative (net removal)"));
            items.Add(Item(0, Palettes.Zero, "0"));
        }

        for (int i = 0; i < scale.ClassCount; i++)
        {
            double upper = i < scale.Breaks.Count ? Math.BitDecrement(scale.Breaks[i]) : double.PositiveInfinity;
            items.Add(Item(upper, scale.Colours[i], scale.Labels[i]));
        }

        var renderer = new XElement("rasterrenderer",
            new XAttribute("type", "singlebandpseudocolor"), new XAttribute("band", band), new XAttribute("opacity", "1"),
            new XAttribute("alphaBand", "-1"), new XAttribute("nodataColor", ""),
            new XAttribute("classificationMin", Number(scale.SeparateZero ? 0 : scale.Breaks[0])), new XAttribute("classificationMax", "inf"),
            new XElement("rasterTransparency"),
            new XElement("minMaxOrigin", new XElement("limits", "None"), new XElement("extent", "WholeRaster"), new XElement("statAccuracy", "Estimated"),
                new XElement("cumulativeCutLower", "0.02"), new XElement("cumulativeCutUpper", "0.98"), new XElement("stdDevFactor", "2")),
            new XElement("rastershader",
                new XElement("colorrampshader", new XAttribute("colorRampType", "DISCRETE"), new XAttribute("classificationMode", "1"), new XAttribute("clip", "0"),
                    new XAttribute("minimumValue", Number(scale.SeparateZero ? 0 : scale.Breaks[0])), new XAttribute("maximumValue", "inf"), items)));
        return Document(title, "AllStyleCategories",
            new XElement("pipe", renderer,
                new XElement("brightnesscontrast", new XAttribute("brightness", "0"), new XAttribute("contrast", "0"), new XAttribute("gamma", "1")),
                new XElement("huesaturation", new XAttribute("saturation", "0"), new XAttribute("colorizeOn", "0"), new XAttribute("grayscaleMode", "0"),
                    new XAttribute("colorizeRed", "255"), new XAttribute("colorizeGreen", "128"), new XAttribute("colorizeBlue", "128"), new XAttribute("colorizeStrength", "100")),
                new XElement("rasterresampler", new XAttribute("maxOversampling", "2"))),
            new XElement("blendMode", "0"));
    }

    /// <summary>A grey ramp from 0 (white) to 1 (black) for a fraction band (e.g. region_fraction).</summary>
    public static string Fraction(int band, string title) => Raster(
        new ClassedScale([0.2, 0.4, 0.6, 0.8, 1], [Rgba.FromHex("#f7f7f7"), Rgba.FromHex("#cccccc"), Rgba.FromHex("#969696"), Rgba.FromHex("#636363"), Rgba.FromHex("#252525"), Rgba.FromHex("#252525")],
            ["0 – 0.2", "0.2 – 0.4", "0.4 – 0.6", "0.6 – 0.8", "0.8 – 1", "1"], "fraction", separateZero: false), band, title);

    /// <summary>
    /// A graduated style of <paramref name="field"/> with the classes and colours of
    /// <paramref name="scale"/> (values × <paramref name="fieldPerScaleUnit"/> in the field's unit,
    /// e.g. 1e6 for a scale in Mt over a field in t). Zero gets the map's zero grey.
    /// <paramref name="geometry"/> is "fill", "marker" or "line".
    /// </summary>
    public static string Graduated(ClassedScale scale, string field, string geometry, string title, double fieldPerScaleUnit = 1)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var ranges = new List<XElement>();
        var symbols = new List<XElement>();
        int n = 0;
        void Add(double lower, double upper, Rgba colour, string label)
        {
            string name = n.ToString(CultureInfo.InvariantCulture);
            ranges.Add(new XElement("range", new XAttribute("lower", Number(lower)), new XAttribute("upper", Number(upper)),
                new XAttribute("symbol", name), new XAttribute("label", label), new XAttribute("render", "true")));
            symbols.Add(Symbol(geometry, name, colour));
            n++;
        }

        double first = scale.SeparateZero ? 0 : double.MinValue;
        if (scale.SeparateZero)
        {
            Add(0, 0, Palettes.Zero, "0");
        }

        for (int i = 0; i < scale.ClassCount; i++)
        {
            double lower = i == 0 ? first : scale.Breaks[i - 1] * fieldPerScaleUnit;
            double upper = i < scale.Breaks.Count ? scale.Breaks[i] * fieldPerScaleUnit : double.MaxValue;
            Add(lower, upper, scale.Colours[i], scale.Labels[i]);
        }

        var renderer = new XElement("renderer-v2", new XAttribute("type", "graduatedSymbol"), new XAttribute("attr", field),
            new XAttribute("graduatedMethod", "GraduatedColor"), new XAttribute("symbollevels", "0"), new XAttribute("forceraster", "0"), new XAttribute("enableorderby", "0"),
            new XElement("ranges", ranges), new XElement("symbols", symbols),
            new XElement("classificationMethod", new XAttribute("id", "Manual")));
        return Document(title, "Symbology", renderer);
    }

    /// <summary>
    /// A categorized style of <paramref name="field"/>: one symbol per value of <paramref name="values"/>
    /// (in the order given), coloured from <paramref name="colours"/> in turn.
    /// <paramref name="geometry"/> is "fill", "marker" or "line".
    /// </summary>
    public static string Categorized(string field, IReadOnlyList<string> values, IReadOnlyList<Rgba> colours, string geometry, string title, string width = "0.4")
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(colours);
        if (colours.Count == 0)
        {
            throw new ArgumentException("at least one colour is needed", nameof(colours));
        }

        var categories = new List<XElement>();
        var symbols = new List<XElement>();
        for (int i = 0; i < values.Count; i++)
        {
            string name = i.ToString(CultureInfo.InvariantCulture);
            categories.Add(new XElement("category", new XAttribute("value", values[i]), new XAttribute("symbol", name), new XAttribute("label", values[i]), new XAttribute("render", "true")));
            symbols.Add(Symbol(geometry, name, colours[i % colours.Count], null, width));
        }

        var renderer = new XElement("renderer-v2", new XAttribute("type", "categorizedSymbol"), new XAttribute("attr", field),
            new XAttribute("symbollevels", "0"), new XAttribute("forceraster", "0"), new XAttribute("enableorderby", "0"),
            new XElement("categories", categories), new XElement("symbols", symbols));
        return Document(title, "Symbology", renderer);
    }

    /// <summary>A single-symbol outline style (e.g. the black outline of hotspot zones on the maps).</summary>
    public static string Outline(Rgba colour, string title) =>
        Document(title, "Symbology", new XElement("renderer-v2", new XAttribute("type", "singleSymbol"), new XAttribute("symbollevels", "0"), new XAttribute("forceraster", "0"), new XAttribute("enableorderby", "0"),
            new XElement("symbols", Symbol("fill", "0", Rgba.Transparent, colour, "0.6"))));

    private static XElement Symbol(string geometry, string name, Rgba colour, Rgba? outline = null, string width = "0.1")
    {
        string layerClass = geometry switch { "marker" => "SimpleMarker", "line" => "SimpleLine", _ => "SimpleFill" };
        var options = new List<(string, string)> { ("color", Colour(colour)) };
        if (geometry == "marker")
        {
            options.AddRange([("name", "circle"), ("size", "2.4"), ("outline_color", "35,35,35,255"), ("outline_width", "0.2")]);
        }
        else if (geometry == "line")
        {
            options.AddRange([("line_color", Colour(colour)), ("line_width", width)]);
        }
        else
        {
            options.AddRange([("style", colour.A == 0 ? "no" : "solid"), ("outline_color", Colour(outline ?? new Rgba(120, 120, 120))), ("outline_width", width), ("outline_style", "solid")]);
        }

        return new XElement("symbol", new XAttribute("type", geometry), new XAttribute("name", name), new XAttribute("alpha", "1"),
            new XAttribute("clip_to_extent", "1"), new XAttribute("force_rhr", "0"),
            new XElement("layer", new XAttribute("class", layerClass), new XAttribute("enabled", "1"), new XAttribute("locked", "0"), new XAttribute("pass", "0"),
                new XElement("Option", new XAttribute("type", "Map"),
                    options.Select(o => new XElement("Option", new XAttribute("type", "QString"), new XAttribute("name", o.Item1), new XAttribute("value", o.Item2)))),
                options.Select(o => new XElement("prop", new XAttribute("k", o.Item1), new XAttribute("v", o.Item2)))));
    }

    private static XElement Item(double value, Rgba colour, string label) =>
        new("item", new XAttribute("value", Number(value)), new XAttribute("color", Hex(colour)), new XAttribute("alpha", colour.A), new XAttribute("label", label));

    private static string Document(string title, string categories, params object[] content)
    {
        var root = new XElement("qgis", new XAttribute("version", Version), new XAttribute("styleCategories", categories),
            new XElement("layerMetadata", new XElement("title", title)), content);
        return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + root.ToString(SaveOptions.None).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static string Number(double v) => double.IsPositiveInfinity(v) ? "inf" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Hex(Rgba c) => FormattableString.Invariant($"#{c.R:x2}{c.G:x2}{c.B:x2}");

    private static string Colour(Rgba c) => FormattableString.Invariant($"{c.R},{c.G},{c.B},{c.A}");
}
