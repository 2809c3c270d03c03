namespace GridEmissions.Rendering;

/// <summary>
/// Colour schemes, each cited. Sequential and diverging schemes are ColorBrewer's (Brewer, Hatchard
/// &amp; Harrower 2003, colorbrewer2.org; YlOrRd and RdBu are rated colour-blind safe there) or
/// matplotlib's viridis (van der Walt &amp; Smith 2015; perceptually uniform and colour-blind safe).
/// Sector colours are Paul Tol's colour-blind-safe qualitative 'muted' scheme (Tol 2021,
/// personal.sron.nl/~pault: nine colours distinct for all common colour-vision deficiencies).
/// </summary>
public static class Palettes
{
    /// <summary>ColorBrewer YlOrRd, 5 classes: the default for emissions per cell (light = low, dark red = high).</summary>
    public static IReadOnlyList<Rgba> YlOrRd5 { get; } = Hex("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026");

    /// <summary>ColorBrewer YlOrRd, 9 classes, used as a ramp for other class counts.</summary>
    public static ColourRamp YlOrRd { get; } = new(Hex("#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026"));

    /// <summary>matplotlib viridis (9 stops): perceptually uniform, dark purple = low, yellow = high.</summary>
    public static ColourRamp Viridis { get; } = new(Hex("#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"));

    /// <summary>ColorBrewer RdBu, 11 classes, from blue (low/negative) to red (high/positive).</summary>
    public static ColourRamp BlueRed { get; } = new(Hex("#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f"));

    /// <summary>
    /// ColorBrewer RdBu 9-class, blue to red: the change map's diverging classes. The neutral middle
    /// is light grey (#e3e3e3) instead of RdBu's #f7f7f7, which is indistinguishable from no-data white.
    /// </summary>
    public static IReadOnlyList<Rgba> BlueRed9 { get; } = Hex("#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#e3e3e3", "#fddbc7", "#f4a582", "#d6604d", "#b2182b");

    /// <summary>Gi* classes −3..3 (cold 99/95/90 %, not significant, hot 90/95/99 %): ColorBrewer RdBu 7-class, with a grey middle.</summary>
    public static IReadOnlyList<Rgba> HotspotClasses { get; } = Hex("#2166ac", "#67a9cf", "#d1e5f0", "#e3e3e3", "#fddbc7", "#ef8a62", "#b2182b");

    /// <summary>
    /// Paul Tol's 'muted' qualitative colours, nine distinct colour-blind-safe hues (no black: it
    /// marks totals), ordered so that neighbouring bands of a stack contrast: indigo, cyan, green,
    /// sand, wine, teal, rose, olive, purple.
    /// </summary>
    public static IReadOnlyList<Rgba> Sectors { get; } = Hex("#332288", "#88ccee", "#117733", "#ddcc77", "#882255", "#44aa99", "#cc6677", "#999933", "#aa4499");

    /// <summary>Exactly-zero cells: light grey, distinct from every class and from no-data.</summary>
    public static Rgba Zero { get; } = Rgba.FromHex("#d9d9d9");

    /// <summary>No data or outside the region: white (the paper), with its own legend entry.</summary>
    public static Rgba NoData { get; } = Rgba.White;

    /// <summary>Negative cell values (net removals), which the emission classes do not cover.</summary>
    public static Rgba Negative { get; } = Rgba.FromHex("#9ecae1");

    private static Rgba[] Hex(params string[] hex) => [.. hex.Select(Rgba.FromHex)];
}
