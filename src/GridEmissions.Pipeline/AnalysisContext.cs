using GridEmissions.Core.Scenarios;

namespace GridEmissions.Pipeline;

/// <summary>What the analysis, GeoJSON, map and summary steps of a run need: the scenario, its targets, the region and the yearly grids.</summary>
/// <param name="Scenario">The scenario the grids were projected with.</param>
/// <param name="Targets">Its sector targets.</param>
/// <param name="Region">Cities in grid CRS, grid and coverage.</param>
/// <param name="Grids">Reader of the yearly GeoTIFFs.</param>
public sealed record AnalysisContext(Scenario Scenario, SectorTargets Targets, RegionGeography Region, YearGrids Grids)
{
    /// <summary>The context of a run being written: grids are read back from the staging folder.</summary>
    public static AnalysisContext ForRun(PreparedRun run, string runFolder)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new AnalysisContext(run.Scenario, run.Targets, run.Region, new YearGrids(runFolder, run.Region.Grid, [.. run.Scenario.Sectors.Select(s => s.Sector.Id)]));
    }

    private readonly Lazy<FacilityBookings> facilities = new(() => FacilityBookings.Load(Grids.RunFolder, Region), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The run's point sources booked to their cities (read from its <c>facilities.csv</c> once, on first use, by whichever thread asks first).</summary>
    public FacilityBookings Facilities => facilities.Value;

    /// <summary>Province outlines dissolved from the region's cities (once: the maps share them).</summary>
    public IReadOnlyList<Rendering.ProvinceOutline> Provinces => Region.Provinces;

    /// <summary>Base year, 2035 (when in range) and the end year (2060 for the shipped scenarios).</summary>
    public IReadOnlyList<int> KeyYears => Distinct(Scenario.StartYear, 2035, Scenario.EndYear);

    /// <summary>2030, 2035 (when in range) and the end year: the columns of the sector small multiples.</summary>
    public IReadOnlyList<int> SmallMultipleYears => Distinct(2030, 2035, Scenario.EndYear);

    /// <summary>Cells touching any city of the region: the study region of classes, concentration and Gi*.</summary>
    public bool[] RegionMask()
    {
        var fractions = Region.Coverage.CoveredFractions;
        var mask = new bool[fractions.Length];
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = fractions[i] > 0;
        }

        return mask;
    }

    /// <summary>The sector's English name (or the id; "All sectors" for the total).</summary>
    public string SectorName(string id) =>
        id == YearGrids.Total ? "All sectors" : Scenario.Sectors.FirstOrDefault(s => s.Sector.Id == id)?.Sector.NameEn ?? id;

    private List<int> Distinct(params int[] years) =>
        [.. years.Where(y => y >= Scenario.StartYear && y <= Scenario.EndYear).Distinct().Order()];
}
