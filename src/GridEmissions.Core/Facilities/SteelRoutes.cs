namespace GridEmissions.Core.Facilities;

/// <summary>
/// Crude-steel routes and their emission factors (t CO2 per t crude steel, direct and
/// process CO2 at the plant).
/// </summary>
public static class SteelRoutes
{
    /// <summary>Blast furnace – basic oxygen furnace.</summary>
    public const string BfBof = "BF-BOF";

    /// <summary>Scrap-based electric-arc furnace.</summary>
    public const string ScrapEaf = "EAF";

    /// <summary>Hydrogen direct reduction with an electric-arc furnace.</summary>
    public const string H2DriEaf = "H2-DRI-EAF";

    /// <summary>Every route id.</summary>
    public static IReadOnlyList<string> All { get; } = [BfBof, ScrapEaf, H2DriEaf];

    /// <summary>Where each factor comes from.</summary>
    public static IReadOnlyDictionary<string, string> Sources { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [BfBof] = "worldsteel sustainability indicators: BF-BOF ≈ 2.3 t CO2/t crude steel",
        [ScrapEaf] = "worldsteel sustainability indicators: scrap EAF ≈ 0.7 t CO2/t crude steel",
        [H2DriEaf] = "Vogl, Åhman & Nilsson (2018), J. Cleaner Production 203: H2-DRI + EAF ≈ 53 kg CO2/t liquid steel with fossil-free electricity",
    };

    /// <summary>t CO2 per t crude steel of a route.</summary>
    public static double TonnesPerTonne(string route) => route switch
    {
        BfBof => 2.33,
        ScrapEaf => 0.68,
        H2DriEaf => 0.053,
        _ => throw new ArgumentException($"unknown steel route '{route}': use one of {string.Join(", ", All)}", nameof(route)),
    };

    /// <summary>True for a known route id.</summary>
    public static bool IsKnown(string route) => All.Contains(route, StringComparer.Ordinal);
}
