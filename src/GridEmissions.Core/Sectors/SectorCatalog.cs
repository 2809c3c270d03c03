namespace GridEmissions.Core.Sectors;

/// <summary>The sectors GridEmissions knows: the one owner of sector ids and names.</summary>
public static class SectorCatalog
{
    /// <summary>Power and heat.</summary>
    public static readonly Sector Power = new("power", "Power and heat", "电力热力", SourceKind.Point);

    /// <summary>Iron and steel.</summary>
    public static readonly Sector Steel = new("steel", "Iron and steel", "钢铁", SourceKind.Point);

    /// <summary>Cement and other non-metallic minerals (energy and process).</summary>
    public static readonly Sector Cement = new("cement", "Cement and non-metallic minerals", "水泥建材", SourceKind.Area);

    /// <summary>Petrochemicals and chemicals.</summary>
    public static readonly Sector Petrochemicals = new("petrochemicals", "Petrochemicals and chemicals", "石化化工", SourceKind.Area);

    /// <summary>Other industry (non-ferrous metals, coal mining, light industry).</summary>
    public static readonly Sector OtherIndustry = new("other_industry", "Other industry", "其他工业", SourceKind.Area);

    /// <summary>Transport.</summary>
    public static readonly Sector Transport = new("transport", "Transport", "交通", SourceKind.Line);

    /// <summary>Residential and commercial buildings.</summary>
    public static readonly Sector Buildings = new("buildings", "Buildings", "建筑", SourceKind.Area);

    /// <summary>Agriculture (energy use; fossil combustion).</summary>
    public static readonly Sector Agriculture = new("agriculture", "Agriculture", "农业", SourceKind.Area);

    /// <summary>All sectors in output order.</summary>
    public static IReadOnlyList<Sector> All { get; } =
        [Power, Steel, Cement, Petrochemicals, OtherIndustry, Transport, Buildings, Agriculture];

    /// <summary>Unit of every emission raster value.</summary>
    public const string RasterUnits = "t CO2 yr-1";

    /// <summary>Unit of scenario values.</summary>
    public const string ScenarioUnits = "Mt CO2 yr-1";

    /// <summary>Finds a sector by id, or null.</summary>
    public static Sector? Find(string id) => All.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    /// <summary>Known ids, for "did you mean" suggestions.</summary>
    public static IReadOnlyList<string> Ids { get; } = All.Select(s => s.Id).ToArray();
}
