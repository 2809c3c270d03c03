using System.Globalization;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Facilities;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Models.Points;

/// <summary>
/// Point-source evolution model (power, steel, any facility list). Each year the fleet is the
/// units whose lifecycle window covers the year, after the scenario's rules (forced retirement
/// of small units, replacement in the suburbs, CCUS retrofits, route conversions) and the
/// facility overrides. The sector target is then met by dispatching the fleet unit by unit in
/// merit order (<see cref="FleetDispatch"/>), each unit within its own utilisation bounds;
/// whatever rule has to give way is stated in <see cref="SectorYear.Closure"/>. Must be called in
/// year order.
/// </summary>
public sealed partial class PointSourceModel : ISourceModel
{
    private readonly PointModelSpec spec;
    private readonly CellGeography geography;
    private readonly List<FleetUnit> units = [];
    private readonly IReadOnlyList<(string Name, double X, double Y)> sites;
    private readonly IReadOnlyDictionary<FacilityOverride, (double X, double Y)> overrideSites;
    private readonly List<PipelineProject> pipeline = [];
    private readonly int seed;
    private int expansions;
    private int? firstYear;

    /// <summary>Builds the fleet. Every facility must lie inside the grid (check with <see cref="FindOutsideGrid"/> first); relocation overrides need their site in grid CRS.</summary>
    public PointSourceModel(string sectorId, PointModelSpec spec, CellGeography geography, IReadOnlyList<SitedFacility> facilities,
        IReadOnlyList<(string Name, double X, double Y)> expansionSites, int baseYear, int seed, IReadOnlyDictionary<FacilityOverride, (double X, double Y)>? overrideSites = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(facilities);
        SectorId = sectorId;
        this.spec = spec;
        this.geography = geography;
        sites = expansionSites ?? [];
        this.overrideSites = overrideSites ?? new Dictionary<FacilityOverride, (double X, double Y)>();
        this.seed = seed;
        foreach (SitedFacility sf in facilities.OrderBy(f => f.Facility.Id, StringComparer.Ordinal))
        {
            Facility f = sf.Facility;
            PipelineEntryRule? entry = EntryRule(f.Status);
            LifecycleWindow window = UnitLifecycle.Lifecycle(f, baseYear, spec.LifetimeYears, entry, spec.LifetimeFromStartYear, seed);
            bool project = IsProject(f.Status) && entry is not null && !double.IsNaN(window.Probability);
            if (project)
            {
                pipeline.Add(new PipelineProject(f.Status, f.Capacity, f.CapacityUnit, window.Probability, window.Operates));
            }

            if (!window.Operates && !project)
            {
                continue;
            }

            if (!geography.Grid.TryLocate(sf.X, sf.Y, out int cell))
            {
                throw new ArgumentException($"facility {f.Id} ({f.Source}) lies outside grid '{geography.Grid.Name}'");
            }

            var unit = new FleetUnit(sf, cell, window.Enter, window.Retire, window.Why) { EntryProbability = window.Probability, EntryDraw = window.Draw };
            if (SteelRoutes.IsKnown(f.Technology))
            {
                unit.Routes = new Dictionary<string, double>(StringComparer.Ordinal) { [f.Technology] = 1 };
                if (f.Technology == SteelRoutes.BfBof && spec.NoNewBlastFurnaceAfter is int noBf && project && window.Operates && window.Enter > noBf)
                {
                    string route = NewCapacityRoute(window.Enter);
                    unit.Routes = new Dictionary<string, double>(StringComparer.Ordinal) { [route] = 1 };
                    unit.WindowReason += $"; enters as {route}: no new blast furnaces after {noBf}";
                }
            }

            units.Add(unit);
        }
    }

    /// <inheritdoc />
    public string SectorId { get; }

    /// <summary>The pipeline by status: projects, capacity, expected entering capacity (Σ probability × capacity) and the capacity the seeded draws let in.</summary>
    public IReadOnlyList<PipelineSummary> PipelineByStatus => pipeline
        .GroupBy(p => p.Status)
        .OrderBy(g => g.Key)
        .Select(g => new PipelineSummary(g.Key, g.Count(), g.Sum(p => p.Capacity), g.Sum(p => p.Probability * p.Capacity), g.Where(p => p.Enters).Sum(p => p.Capacity), g.First().CapacityUnit))
        .ToList();

    /// <summary>Facilities whose location is outside the grid, as problems naming their source row.</summary>
    public static IReadOnlyList<ScenarioProblem> FindOutsideGrid(Grids.GridSpec grid, IEnumerable<SitedFacility> facilities)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(facilities);
        var problems = new List<ScenarioProblem>();
        foreach (SitedFacility sf in facilities)
        {
            if (!grid.TryLocate(sf.X, sf.Y, out _))
            {
                string[] parts = sf.Facility.Source.Split(':');
                int line = parts.Length > 1 && int.TryParse(parts[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int l) ? l : 0;
                string file = line > 0 ? sf.Facility.Source[..sf.Facility.Source.LastIndexOf(':')] : sf.Facility.Source;
                problems.Add(new ScenarioProblem(file, line,
                    $"facility '{sf.Facility.Id}' ({sf.Facility.Name}) at lon {sf.Facility.Longitude.ToString(CultureInfo.InvariantCulture)}, lat {sf.Facility.Latitude.ToString(CultureInfo.InvariantCulture)} lies outside the region's grid '{grid.Name}'.",
                    "correct its coordinates (WGS84 lon/lat, not swapped), or its province so it is not selected for this region."));
            }
        }

        return problems;
    }

    /// <inheritdoc />
    public SectorYear Evolve(int year, double targetTonnes) => Evolve(year, targetTonnes, new double[geography.Grid.CellCount]);

    /// <inheritdoc />
    public SectorYear Evolve(int year, double targetTonnes, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != geography.Grid.CellCount)
        {
            throw new ArgumentException($"the weight buffer has {weights.Length} cells but the grid has {geography.Grid.CellCount}", nameof(weights));
        }

        var notes = new List<string>();
        if (firstYear is null)
        {
            firstYear = year;
            notes.AddRange(PipelineNotes(year));
        }

        var reasons = new Dictionary<FleetUnit, string>();
        ApplyForcedRetirements(year, reasons, notes);
        ApplyRelocation(year, reasons, notes);
        ApplyCcus(year, reasons, notes);
        ApplyRouteConversions(year, reasons, notes);
        ApplyOverrides(year, reasons, notes);
        List<FleetUnit> fleet = units.Where(u => u.OperatesIn(year)).ToList();
        foreach (FleetUnit u in units)
        {
            u.Utilisation = 0;
        }

        string closure = Dispatch(year, targetTonnes, fleet, reasons, notes);
        if (closure.Length > 0)
        {
            notes.Add($"{year}: {SectorId} closure: {closure}");
        }

        Array.Clear(weights);
        var records = new List<FacilityYearRecord>(units.Count);
        int retired = 0;
        foreach (FleetUnit u in units)
        {
            Facility f = u.Facility;
            bool operating = u.OperatesIn(year);
            string status = operating ? (u.IsExpansion ? "expansion" : "operating")
                : u.Enter == int.MaxValue ? (IsProject(f.Status) ? "not-entering" : "retired")
                : year < u.Enter ? "planned" : "retired";
            if (!operating && year >= u.Enter && u.Enter != int.MaxValue)
            {
                retired++;
            }

            double utilisation = operating ? u.Utilisation : 0;
            double gross = utilisation * u.GrossPerUtilisation;
            double captured = gross * u.CaptureRate;
            double emitted = gross - captured;
            if (operating)
            {
                weights[u.Cell] += emitted;
            }

            string reason = reasons.TryGetValue(u, out string? r) ? r
                : operating && !u.OperatedLastYear && year != firstYear ? "entered: " + u.WindowReason
                : !operating && u.OperatedLastYear ? "retired: " + u.WindowReason
                : year == firstYear && status == "not-entering" ? u.WindowReason
                : string.Empty;
            u.OperatedLastYear = operating;
            RememberEmissions(u, emitted);
            int city = geography.CellCity[u.Cell];
            string cityText = city >= 0 ? geography.Cities[city].Adcode + " " + geography.Cities[city].NameEn : string.Empty;
            records.Add(new FacilityYearRecord(f.Id, f.Name, SectorId, year, status, u.RouteLabel, f.Capacity, f.CapacityUnit,
                utilisation, utilisation * u.ActivityAtFull, f.ActivityUnit, gross, captured, emitted, u.X, u.Y,
                geography.Grid.CellId(u.Cell), cityText, u.EntryProbability, u.EntryDraw, reason) { CellIndex = u.Cell });
        }

        return new SectorYear(weights, fleet.Count, retired, records, notes) { Closure = closure };
    }

    private static bool IsProject(FacilityStatus s) => s.IsPipeline() || s is FacilityStatus.Shelved or FacilityStatus.Cancelled or FacilityStatus.Mothballed;

    private PipelineEntryRule? EntryRule(FacilityStatus status)
    {
        if (status is FacilityStatus.Operating or FacilityStatus.Retired)
        {
            return null;
        }

        if (spec.Pipeline.Count == 0)
        {
            // One rule for every pipeline status (the scenario's `entry:`); shelved, cancelled and mothballed never enter.
            return status.IsPipeline() ? new PipelineEntryRule(spec.EntryProbability, spec.EntryDelayYears, spec.Provenance) : null;
        }

        return spec.Pipeline.TryGetValue(status, out PipelineEntryRule? rule) ? rule : PipelineDefaults.All.GetValueOrDefault(status);
    }

    private IEnumerable<string> PipelineNotes(int year)
    {
        foreach (PipelineSummary s in PipelineByStatus)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{year}: {SectorId} pipeline {s.StatusWord}: {s.Projects} projects, {s.Capacity:0.#} {s.CapacityUnit}; expected entering {s.ExpectedCapacity:0.#} (Σ probability × capacity), drawn {s.DrawnCapacity:0.#} (seed {seed})");
        }
    }

    private string NewCapacityRoute(int year)
    {
        string route = spec.ExpansionRoute ?? SteelRoutes.ScrapEaf;
        return route == SteelRoutes.BfBof && spec.NoNewBlastFurnaceAfter is int noBf && year > noBf ? SteelRoutes.ScrapEaf : route;
    }

    private sealed record PipelineProject(FacilityStatus Status, double Capacity, string CapacityUnit, double Probability, bool Enters);
}

/// <summary>One GEM status's share of the project pipeline.</summary>
/// <param name="Status">Status.</param>
/// <param name="Projects">Number of projects (units or plant routes).</param>
/// <param name="Capacity">Their capacity.</param>
/// <param name="ExpectedCapacity">Σ entry probability × capacity.</param>
/// <param name="DrawnCapacity">Capacity of the projects whose seeded draw lets them enter.</param>
/// <param name="CapacityUnit">Unit of capacity.</param>
public sealed record PipelineSummary(FacilityStatus Status, int Projects, double Capacity, double ExpectedCapacity, double DrawnCapacity, string CapacityUnit)
{
    /// <summary>GEM's word for the status.</summary>
    public string StatusWord => PipelineDefaults.Words.First(w => w.Value == Status).Key;
}
