using System.Globalization;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Facilities;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Models.Points;

/// <summary>
/// Point-source evolution model (power, steel, any facility list). Each year the fleet is the
/// units whose lifecycle window covers the year, after the scenario's rules (forced retirement
/// of small units, relocation to the suburbs, CCUS retrofits). The sector target is met by one
/// common utilisation within [min, max]; below the fleet's minimum, further units retire in the
/// scenario's merit order (for good); above its maximum, new capacity is sited at expansion
/// sites (or beside the largest existing unit). Must be called in year order.
/// </summary>
public sealed class PointSourceModel : ISourceModel
{
    private static readonly double[] RelocationTurns = [0, Math.PI / 6, -Math.PI / 6, Math.PI / 3, -Math.PI / 3, Math.PI / 2, -Math.PI / 2, 2 * Math.PI / 3, -2 * Math.PI / 3, 5 * Math.PI / 6, -5 * Math.PI / 6, Math.PI];

    private readonly PointModelSpec spec;
    private readonly CellGeography geography;
    private readonly List<FleetUnit> units = [];
    private readonly IReadOnlyList<(string Name, double X, double Y)> sites;
    private readonly int seed;
    private readonly HashSet<CcusRule> appliedCcus = [];
    private bool relocationDone;
    private int expansions;
    private int? firstYear;

    /// <summary>Builds the fleet. Every facility must lie inside the grid (check with <see cref="FindOutsideGrid"/> first).</summary>
    public PointSourceModel(string sectorId, PointModelSpec spec, CellGeography geography, IReadOnlyList<SitedFacility> facilities,
        IReadOnlyList<(string Name, double X, double Y)> expansionSites, int baseYear, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(facilities);
        SectorId = sectorId;
        this.spec = spec;
        this.geography = geography;
        sites = expansionSites ?? [];
        this.seed = seed;
        foreach (SitedFacility sf in facilities.OrderBy(f => f.Facility.Id, StringComparer.Ordinal))
        {
            var window = UnitLifecycle.Window(sf.Facility, baseYear, spec.LifetimeYears, spec.EntryDelayYears, spec.EntryProbability, seed);
            if (window is null)
            {
                continue;
            }

            if (!geography.Grid.TryLocate(sf.X, sf.Y, out int cell))
            {
                throw new ArgumentException($"facility {sf.Facility.Id} ({sf.Facility.Source}) lies outside grid '{geography.Grid.Name}'");
            }

            units.Add(new FleetUnit(sf, cell, window.Value.Enter, window.Value.Retire, window.Value.Why));
        }
    }

    /// <inheritdoc />
    public string SectorId { get; }

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
    public SectorYear Evolve(int year, double targetTonnes)
    {
        firstYear ??= year;
        var notes = new List<string>();
        var reasons = new Dictionary<FleetUnit, string>();
        ApplyForcedRetirements(year, reasons);
        ApplyRelocation(year, reasons, notes);
        ApplyCcus(year, reasons, notes);
        List<FleetUnit> fleet = units.Where(u => u.OperatesIn(year)).ToList();
        double utilisation = SolveUtilisation(year, targetTonnes, fleet, reasons, notes);

        var weights = new double[geography.Grid.CellCount];
        var records = new List<FacilityYearRecord>(units.Count);
        int retired = 0;
        foreach (FleetUnit u in units)
        {
            Facility f = u.Sited.Facility;
            bool operating = u.OperatesIn(year);
            string status = operating ? (u.IsExpansion ? "expansion" : "operating") : year < u.Enter ? "planned" : "retired";
            if (!operating && year >= u.Enter)
            {
                retired++;
            }

            double emissions = operating ? utilisation * u.EffectiveTonnesPerUtilisation : 0;
            double captured = operating ? utilisation * f.TonnesPerUtilisation * u.CaptureRate : 0;
            if (operating)
            {
                weights[u.Cell] += emissions;
            }

            string reason = reasons.TryGetValue(u, out string? r) ? r
                : operating && !u.OperatedLastYear && year != firstYear ? "entered: " + u.WindowReason
                : !operating && u.OperatedLastYear ? "retired: " + u.WindowReason
                : string.Empty;
            u.OperatedLastYear = operating;
            records.Add(new FacilityYearRecord(f.Id, f.Name, SectorId, year, status, f.Capacity, f.CapacityUnit,
                operating ? utilisation : 0, emissions, captured, geography.Grid.CellId(u.Cell), reason));
        }

        return new SectorYear(weights, fleet.Count, retired, records, notes);
    }

    private void ApplyForcedRetirements(int year, Dictionary<FleetUnit, string> reasons)
    {
        foreach (ForcedRetirementRule rule in spec.ForcedRetirements.Where(r => r.Year <= year))
        {
            foreach (FleetUnit u in units.Where(u => u.OperatesIn(year) && !u.IsExpansion))
            {
                Facility f = u.Sited.Facility;
                int age = year - (f.StartYear ?? u.Enter);
                if (f.Capacity <= rule.MaxCapacityMw && age >= rule.MinAgeYears)
                {
                    u.Retire = year;
                    string ageText = rule.MinAgeYears > 0 ? FormattableString.Invariant($" aged >= {rule.MinAgeYears} y") : string.Empty;
                    u.WindowReason = FormattableString.Invariant($"forced retirement from {rule.Year} of units <= {rule.MaxCapacityMw} {f.CapacityUnit}{ageText}");
                    reasons[u] = "retired: " + u.WindowReason;
                }
            }
        }
    }

    private void ApplyRelocation(int year, Dictionary<FleetUnit, string> reasons, List<string> notes)
    {
        RelocationRule? rule = spec.Relocation;
        if (rule is null || relocationDone || year < rule.Year)
        {
            return;
        }

        relocationDone = true;
        int moved = 0;
        foreach (FleetUnit u in units.Where(u => u.Retire > year && !u.Relocated))
        {
            CityInfo? seat = NearestSeat(u.Sited.X, u.Sited.Y, out double distance);
            if (seat is null || distance > rule.WithinKm * 1000)
            {
                continue;
            }

            double angle = distance > 1 ? Math.Atan2(u.Sited.Y - seat.SeatY, u.Sited.X - seat.SeatX) : 2 * Math.PI * StableRandom.Uniform(seed, "relocate:" + u.Sited.Facility.Id);
            double r = distance + rule.MoveKm * 1000;
            int seatCity = geography.Grid.TryLocate(seat.SeatX, seat.SeatY, out int seatCell) ? geography.CellCity[seatCell] : -1;

            // Straight out from the seat if that lands in the same city, mostly inside the region;
            // otherwise turn by 30° steps either way (deterministic) until it does.
            foreach (double turn in RelocationTurns)
            {
                double x = seat.SeatX + r * Math.Cos(angle + turn), y = seat.SeatY + r * Math.Sin(angle + turn);
                if (geography.Grid.TryLocate(x, y, out int cell) && geography.RegionFraction[cell] >= 0.5 && (seatCity < 0 || geography.CellCity[cell] == seatCity))
                {
                    u.Cell = cell;
                    u.Relocated = true;
                    moved++;
                    reasons[u] = string.Create(CultureInfo.InvariantCulture, $"relocated from the city to the suburbs: {distance / 1000:0.#} km -> {r / 1000:0.#} km from the seat of {seat.NameEn}");
                    break;
                }
            }
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture, $"{year}: relocated {moved} {SectorId} units within {rule.WithinKm} km of a city seat by {rule.MoveKm} km"));
    }

    private CityInfo? NearestSeat(double x, double y, out double distance)
    {
        CityInfo? best = null;
        distance = double.PositiveInfinity;
        foreach (CityInfo c in geography.Cities)
        {
            double d = Math.Sqrt(((c.SeatX - x) * (c.SeatX - x)) + ((c.SeatY - y) * (c.SeatY - y)));
            if (d < distance)
            {
                distance = d;
                best = c;
            }
        }

        return best;
    }

    private void ApplyCcus(int year, Dictionary<FleetUnit, string> reasons, List<string> notes)
    {
        foreach (CcusRule rule in spec.Ccus.Where(r => r.FromYear <= year && !appliedCcus.Contains(r)))
        {
            appliedCcus.Add(rule);
            var operating = units.Where(u => u.OperatesIn(year)).ToList();
            double fleetCapacity = operating.Sum(u => u.Sited.Facility.Capacity);
            double goal = rule.ShareOfCapacity * fleetCapacity, done = 0;
            foreach (FleetUnit u in operating.Where(u => u.CaptureRate == 0 && u.Sited.Facility.Capacity >= rule.MinCapacityMw)
                .OrderByDescending(u => u.Sited.Facility.Capacity).ThenByDescending(u => u.Sited.Facility.StartYear ?? u.Enter).ThenBy(u => u.Sited.Facility.Id, StringComparer.Ordinal))
            {
                if (done >= goal)
                {
                    break;
                }

                u.CaptureRate = rule.CaptureRate;
                done += u.Sited.Facility.Capacity;
                reasons[u] = string.Create(CultureInfo.InvariantCulture, $"CCUS retrofit from {year}: capture rate {rule.CaptureRate:0.##}");
            }

            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{year}: CCUS on {done:0} of {fleetCapacity:0} capacity ({(fleetCapacity > 0 ? done / fleetCapacity : 0):P0}) in {SectorId}"));
        }
    }

    private double SolveUtilisation(int year, double target, List<FleetUnit> fleet, Dictionary<FleetUnit, string> reasons, List<string> notes)
    {
        double capacityTerm = fleet.Sum(u => u.EffectiveTonnesPerUtilisation);
        if (target <= 0)
        {
            foreach (FleetUnit u in fleet)
            {
                RetireForMerit(u, year, reasons, "sector target is zero");
            }

            fleet.Clear();

            return 0;
        }

        if (target < spec.MinUtilisation * capacityTerm)
        {
            foreach (FleetUnit u in MeritOrder(fleet))
            {
                if (spec.MinUtilisation * capacityTerm <= target)
                {
                    break;
                }

                double remaining = capacityTerm - u.EffectiveTonnesPerUtilisation;
                if (spec.MaxUtilisation * remaining < target)
                {
                    continue; // retiring this one would leave too little: try the next in merit order
                }

                RetireForMerit(u, year, reasons, "target below the fleet's minimum utilisation");
                capacityTerm = remaining;
            }

            fleet.RemoveAll(u => !u.OperatesIn(year));
        }
        else if (target > spec.MaxUtilisation * capacityTerm)
        {
            capacityTerm += Expand(year, target - (spec.MaxUtilisation * capacityTerm), fleet, reasons, notes);
        }

        if (!(capacityTerm > 0))
        {
            throw new AllocationException($"Sector '{SectorId}' has a target of {target:0.###} t in {year} but no operating facility or expansion site to carry it.");
        }

        double utilisation = target / capacityTerm;
        if (utilisation < spec.MinUtilisation - 1e-12)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{year}: {SectorId} utilisation {utilisation:0.###} is below the minimum {spec.MinUtilisation}: no unit can retire without the rest falling short"));
        }

        return utilisation;
    }

    private void RetireForMerit(FleetUnit u, int year, Dictionary<FleetUnit, string> reasons, string why)
    {
        u.Retire = year;
        u.WindowReason = $"{why}: retired early in '{spec.MeritOrder}' merit order";
        reasons[u] = "retired: " + u.WindowReason;
    }

    private IEnumerable<FleetUnit> MeritOrder(List<FleetUnit> fleet)
    {
        IOrderedEnumerable<FleetUnit> ordered = spec.MeritOrder switch
        {
            Scenarios.MeritOrder.Smallest => fleet.OrderBy(u => u.Sited.Facility.Capacity),
            Scenarios.MeritOrder.LeastEfficient => fleet.OrderByDescending(u => u.Sited.Facility.TonnesPerCapacity),
            _ => fleet.OrderBy(u => u.Sited.Facility.StartYear ?? u.Enter),
        };
        return ordered.ThenBy(u => u.Sited.Facility.Id, StringComparer.Ordinal).ToList();
    }

    private double Expand(int year, double shortfallTonnes, List<FleetUnit> fleet, Dictionary<FleetUnit, string> reasons, List<string> notes)
    {
        List<FleetUnit> reference = fleet.Count > 0 ? fleet : units;
        double cap = reference.Sum(u => u.Sited.Facility.Capacity);
        if (reference.Count == 0 || cap <= 0)
        {
            return 0;
        }

        double tonnesPerCapacity = reference.Sum(u => u.Sited.Facility.TonnesPerUtilisation) / cap;
        double capacity = shortfallTonnes / (spec.MaxUtilisation * tonnesPerCapacity);
        string unit = reference[0].Sited.Facility.CapacityUnit;
        (string name, double x, double y) site;
        if (sites.Count > 0)
        {
            site = sites[expansions % sites.Count];
        }
        else
        {
            FleetUnit largest = reference.OrderByDescending(u => u.Sited.Facility.Capacity).ThenBy(u => u.Sited.Facility.Id, StringComparer.Ordinal).First();
            site = ($"beside {largest.Sited.Facility.Name}", largest.Sited.X, largest.Sited.Y);
        }

        expansions++;
        if (!geography.Grid.TryLocate(site.x, site.y, out int cell))
        {
            throw new AllocationException($"Expansion site '{site.name}' for sector '{SectorId}' lies outside the grid '{geography.Grid.Name}'.");
        }

        var facility = new Facility(string.Create(CultureInfo.InvariantCulture, $"{SectorId}-expansion-{year}-{expansions}"), $"New capacity at {site.name}", SectorId,
            "expansion", capacity, unit, FacilityStatus.Operating, year, null, null, double.NaN, double.NaN, capacity * tonnesPerCapacity, 1.0, string.Empty, "scenario expansion");
        var added = new FleetUnit(new SitedFacility(facility, site.x, site.y), cell, year, year + (int)Math.Round(spec.LifetimeYears), "new capacity") { IsExpansion = true };
        units.Add(added);
        fleet.Add(added);
        reasons[added] = string.Create(CultureInfo.InvariantCulture, $"built: target exceeds the fleet at maximum utilisation by {shortfallTonnes / 1e6:0.###} Mt");
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"{year}: {SectorId} expansion of {capacity:0.#} {unit} at {site.name}"));
        return added.EffectiveTonnesPerUtilisation;
    }
}
