namespace GridEmissions.Core.Scenarios;

/// <summary>A parsed, validated scenario: a region, its grid, years, pathway, sectors and models.</summary>
/// <param name="Id">Scenario id (file stem unless given), used in output names and metadata.</param>
/// <param name="Title">Human title.</param>
/// <param name="Variant">"enhanced" (neutrality) or "reference" (policy), free text.</param>
/// <param name="SourcePath">The scenario file.</param>
/// <param name="Region">Region name (e.g. Henan, YRD), matching the boundaries' region attribute.</param>
/// <param name="Provinces">Province names used to select facilities (GEM "Subnational unit").</param>
/// <param name="CellSizeMetres">Grid cell size.</param>
/// <param name="MarginCells">Cells added around the region's boundary.</param>
/// <param name="StartYear">Base year (baseline year).</param>
/// <param name="EndYear">Last projection year.</param>
/// <param name="Seed">Seed for every random choice.</param>
public sealed record Scenario(
    string Id,
    string Title,
    string Variant,
    string SourcePath,
    string Region,
    IReadOnlyList<string> Provinces,
    double CellSizeMetres,
    int MarginCells,
    int StartYear,
    int EndYear,
    int Seed,
    ScenarioInputs Inputs,
    TotalPathwaySpec Total,
    PopulationSpec Population,
    IReadOnlyList<SectorSpec> Sectors,
    IReadOnlyList<CityCap> CityCaps)
{
    /// <summary>All years of the run, base year first.</summary>
    public IReadOnlyList<int> Years => Enumerable.Range(StartYear, EndYear - StartYear + 1).ToArray();

    /// <summary>Parameters the scenario file left out and the tool filled in (provenance <see cref="Provenance.ToolDefault"/>).</summary>
    public IReadOnlyList<ToolDefaultUse> ToolDefaults { get; init; } = [];

    /// <summary>The signed sectors (land sink, removals) and the storage sites, or null when the scenario has no <c>sinks:</c> section.</summary>
    public Sinks.SinkSpec? Sinks { get; init; }

    /// <summary>Emissions counted in the total but placed on no cell (the <c>off_grid:</c> block), or null when the scenario has none.</summary>
    public OffGridSpec? OffGrid { get; init; }

    /// <summary>The uncertain parameters of the <c>uncertainty:</c> block (empty when the file has none); ensembles draw them.</summary>
    public IReadOnlyList<Uncertainty.UncertainParameter> Uncertainty { get; init; } = [];
}
