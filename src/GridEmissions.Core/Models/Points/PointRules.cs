using System.Globalization;
using GridEmissions.Core.Facilities;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Models.Points;

/// <summary>
/// The scenario's point-source rules, applied at the start of each year before dispatch:
/// forced retirements (optionally only within the heating radius of large CHP units), the move
/// from the city to the suburbs (spread over years, optionally as equal-capacity replacement),
/// CCUS retrofits (ramped over years), route conversions of steel capacity, and the facility
/// overrides on top of them.
/// </summary>
public sealed partial class PointSourceModel
{
    private static readonly double[] RelocationTurns = [0, Math.PI / 6, -Math.PI / 6, Math.PI / 3, -Math.PI / 3, Math.PI / 2, -Math.PI / 2, 2 * Math.PI / 3, -2 * Math.PI / 3, 5 * Math.PI / 6, -5 * Math.PI / 6, Math.PI];

    private readonly Dictionary<CcusRule, HashSet<FleetUnit>> ccusDone = [];
    private readonly Dictionary<(RouteConversionRule Rule, FleetUnit Unit), double> converted = [];
    private readonly Dictionary<FleetUnit, int> relocationYears = [];
    private readonly Dictionary<FleetUnit, double> lastEmitted = [];
    private readonly Dictionary<ForcedRetirementRule, int> forcedRetired = [];
    private bool relocationPlanned;

    private void ApplyForcedRetirements(int year, Dictionary<FleetUnit, string> reasons, List<string> notes)
    {
        foreach (ForcedRetirementRule rule in spec.ForcedRetirements.Where(r => r.Year <= year))
        {
            List<FleetUnit> chp = rule.NearChpKm is null ? []
                : [.. units.Where(u => u.OperatesIn(year) && u.Facility.IsChp && u.Facility.Capacity >= rule.ChpMinMw)];
            // Eligible units this year, oldest first: a gradual rule retires only its quota of them.
            var eligible = new List<(FleetUnit Unit, FleetUnit? Host)>();
            foreach (FleetUnit u in units.Where(u => u.OperatesIn(year) && !u.IsExpansion)
                .OrderBy(u => u.Facility.StartYear ?? u.Enter).ThenBy(u => u.Facility.Id, StringComparer.Ordinal))
            {
                Facility f = u.Facility;
                int age = year - (f.StartYear ?? u.Enter);
                if (f.Capacity > rule.MaxCapacityMw || age < rule.MinAgeYears)
                {
                    continue;
                }

                FleetUnit? host = null;
                if (rule.NearChpKm is double radius)
                {
                    host = chp.Where(c => c != u && Distance(c, u) <= radius * 1000).OrderBy(c => Distance(c, u)).ThenBy(c => c.Facility.Id, StringComparer.Ordinal).FirstOrDefault();
                    if (host is null)
                    {
                        continue;
                    }
                }

                eligible.Add((u, host));
            }

            int before = forcedRetired.GetValueOrDefault(rule);
            int quota = eligible.Count;
            if (rule.ToYear is int last && year < last)
            {
                double reached = (year - rule.Year + 1) / (double)(last - rule.Year + 1);
                quota = Math.Clamp((int)Math.Ceiling((reached * (before + eligible.Count)) - 1e-9) - before, 0, eligible.Count);
            }

            int retired = 0;
            foreach (var (u, host) in eligible.Take(quota))
            {
                Facility f = u.Facility;
                u.Retire = year;
                string ageText = rule.MinAgeYears > 0 ? FormattableString.Invariant($" aged >= {rule.MinAgeYears} y") : string.Empty;
                string where = host is null ? string.Empty
                    : string.Create(CultureInfo.InvariantCulture, $" within the {rule.NearChpKm} km heating radius of CHP unit {host.Facility.Id} ({host.Facility.Name}, {host.Facility.Capacity:0} MW, {Distance(host, u) / 1000:0.#} km away)");
                string span = rule.ToYear is int end ? FormattableString.Invariant($"{rule.Year}–{end}") : FormattableString.Invariant($"{rule.Year}");
                u.WindowReason = FormattableString.Invariant($"forced retirement from {span} of units <= {rule.MaxCapacityMw} {f.CapacityUnit}{ageText}{where}");
                reasons[u] = "retired: " + u.WindowReason;
                retired++;
            }

            forcedRetired[rule] = before + retired;
            if (retired > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{year}: {SectorId} forced retirement of {retired} units <= {rule.MaxCapacityMw} {units[0].Facility.CapacityUnit}{(rule.NearChpKm is double km ? $" within {km} km of a CHP unit >= {rule.ChpMinMw} MW" : string.Empty)}"));
            }
        }
    }

    private static double Distance(FleetUnit a, FleetUnit b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private void ApplyRelocation(int year, Dictionary<FleetUnit, string> reasons, List<string> notes)
    {
        RelocationRule? rule = spec.Relocation;
        if (rule is null || year < rule.Year)
        {
            return;
        }

        if (!relocationPlanned)
        {
            relocationPlanned = true;
            List<FleetUnit> urban = [.. units.Where(u => u.Retire > year && u.Enter != int.MaxValue && !u.IsExpansion && NearestSeat(u.X, u.Y, out double d) is not null && d <= rule.WithinKm * 1000)
                .OrderBy(u => u.Facility.StartYear ?? u.Enter).ThenBy(u => u.Facility.Id, StringComparer.Ordinal)];
            int span = Math.Max(0, (rule.ToYear ?? rule.Year) - rule.Year);
            for (int k = 0; k < urban.Count; k++)
            {
                relocationYears[urban[k]] = rule.Year + (int)((long)k * (span + 1) / urban.Count);
            }

            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{year}: {SectorId}: {urban.Count} units within {rule.WithinKm} km of a city seat move {rule.MoveKm} km out to the suburbs{(rule.Replace ? " by equal-capacity replacement" : string.Empty)}, oldest first, {rule.Year}–{rule.Year + span}"));
        }

        int moved = 0;
        foreach (FleetUnit u in relocationYears.Where(p => p.Value == year).Select(p => p.Key).OrderBy(u => u.Facility.Id, StringComparer.Ordinal).ToList())
        {
            if (u.Retire <= year)
            {
                continue; // retired before its turn
            }

            if (Suburb(u, rule) is not (int cell, double x, double y, string why))
            {
                continue;
            }

            moved++;
            if (rule.Replace)
            {
                u.Retire = year;
                u.WindowReason = "replaced in the suburbs by an equal-capacity unit: " + why;
                reasons[u] = "retired: " + u.WindowReason;
                Facility f = u.Facility;
                var replacement = new Facility(f.Id + ":suburb", f.Name + " (suburban replacement)", f.SectorId, f.Technology, f.Capacity, f.CapacityUnit,
                    FacilityStatus.Operating, year, null, null, f.Longitude, f.Latitude, f.ReferenceEmissionsTonnes, f.ReferenceUtilisation, f.Province, f.Source)
                { IsChp = f.IsChp };
                var added = new FleetUnit(new SitedFacility(replacement, x, y), cell, year, year + (int)Math.Round(spec.LifetimeYears), "equal-capacity replacement of " + f.Id)
                {
                    Relocated = true, X = x, Y = y, CaptureRate = u.CaptureRate, UtilisationCap = u.UtilisationCap,
                    Routes = u.Routes is null ? null : new Dictionary<string, double>(u.Routes, StringComparer.Ordinal),
                };
                units.Add(added);
                reasons[added] = "built: equal-capacity replacement of " + f.Id + " " + why;
            }
            else
            {
                u.Cell = cell;
                u.X = x;
                u.Y = y;
                u.Relocated = true;
                reasons[u] = "relocated from the city to the suburbs: " + why;
            }
        }

        if (moved > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{year}: {(rule.Replace ? "replaced" : "relocated")} {moved} {SectorId} units in the suburbs"));
        }
    }

    /// <summary>The suburban site: straight out from the seat by the move distance if that lands in the same city and mostly in the region, else turned by 30° steps (deterministic).</summary>
    private (int Cell, double X, double Y, string Why)? Suburb(FleetUnit u, RelocationRule rule)
    {
        CityInfo? seat = NearestSeat(u.X, u.Y, out double distance);
        if (seat is null)
        {
            return null;
        }

        double angle = distance > 1 ? Math.Atan2(u.Y - seat.SeatY, u.X - seat.SeatX) : 2 * Math.PI * StableRandom.Uniform(seed, "relocate:" + u.Facility.Id);
        double r = distance + (rule.MoveKm * 1000);
        int seatCity = geography.Grid.TryLocate(seat.SeatX, seat.SeatY, out int seatCell) ? geography.CellCity[seatCell] : -1;
        foreach (double turn in RelocationTurns)
        {
            double x = seat.SeatX + (r * Math.Cos(angle + turn)), y = seat.SeatY + (r * Math.Sin(angle + turn));
            if (geography.Grid.TryLocate(x, y, out int cell) && geography.RegionFraction[cell] >= 0.5 && (seatCity < 0 || geography.CellCity[cell] == seatCity))
            {
                return (cell, x, y, string.Create(CultureInfo.InvariantCulture, $"{distance / 1000:0.#} km -> {r / 1000:0.#} km from the seat of {seat.NameEn}"));
            }
        }

        return null;
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
        foreach (CcusRule rule in spec.Ccus.Where(r => r.FromYear <= year))
        {
            if (!ccusDone.TryGetValue(rule, out HashSet<FleetUnit>? done))
            {
                done = [];
                ccusDone[rule] = done;
            }

            double share = rule.ShareOfCapacity * (rule.ToYear is int to && to > rule.FromYear ? Math.Min(1.0, (year - rule.FromYear + 1) / (double)(to - rule.FromYear + 1)) : 1.0);
            var operating = units.Where(u => u.OperatesIn(year)).ToList();
            double fleetCapacity = operating.Sum(u => u.Facility.Capacity);
            double goal = share * fleetCapacity, have = done.Where(u => u.OperatesIn(year)).Sum(u => u.Facility.Capacity);
            int added = 0;
            foreach (FleetUnit u in operating.Where(u => u.CaptureRate == 0 && u.Facility.Capacity >= rule.MinCapacityMw)
                .OrderByDescending(u => u.Facility.Capacity).ThenByDescending(u => u.Facility.StartYear ?? u.Enter).ThenBy(u => u.Facility.Id, StringComparer.Ordinal))
            {
                if (have >= goal)
                {
                    break;
                }

                u.CaptureRate = rule.CaptureRate;
                done.Add(u);
                have += u.Facility.Capacity;
                added++;
                reasons[u] = string.Create(CultureInfo.InvariantCulture, $"CCUS retrofit from {year}: capture rate {rule.CaptureRate:0.##}");
            }

            if (added > 0 || year == rule.FromYear)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{year}: CCUS on {have:0} of {fleetCapacity:0} capacity ({(fleetCapacity > 0 ? have / fleetCapacity : 0):P0}, rule share {share:P0}) in {SectorId}"));
            }
        }
    }

    private void ApplyRouteConversions(int year, Dictionary<FleetUnit, string> reasons, List<string> notes)
    {
        foreach (RouteConversionRule rule in spec.RouteConversions.Where(r => r.FromYear <= year))
        {
            double wanted = rule.Share * Math.Min(1.0, (year - rule.FromYear + 1) / (double)(Math.Max(rule.ToYear, rule.FromYear) - rule.FromYear + 1));
            double capacity = 0;
            foreach (FleetUnit u in units.Where(u => u.Retire > year && u.Routes is not null && u.Routes.ContainsKey(rule.FromRoute) && !u.IsExpansion))
            {
                double have = converted.GetValueOrDefault((rule, u));
                double step = Math.Min(wanted - have, u.Routes![rule.FromRoute]);
                if (step <= 0)
                {
                    continue;
                }

                u.Routes[rule.FromRoute] -= step;
                u.Routes[rule.ToRoute] = u.Routes.GetValueOrDefault(rule.ToRoute) + step;
                converted[(rule, u)] = have + step;
                capacity += step * u.Facility.Capacity;
                if (have == 0)
                {
                    reasons.TryAdd(u, string.Create(CultureInfo.InvariantCulture, $"route conversion {rule.FromRoute} -> {rule.ToRoute} from {rule.FromYear} ({rule.Share:P0} by {rule.ToYear})"));
                }
            }

            if (capacity > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{year}: {SectorId} converted {capacity:0.#} kt/yr of {rule.FromRoute} to {rule.ToRoute} ({wanted:P0} of the route's capacity by now)"));
            }
        }
    }

    private void ApplyOverrides(int year, Dictionary<FleetUnit, string> reasons, List<string> notes)
    {
        foreach (FacilityOverride o in spec.Overrides.Where(o => o.FromYear == year))
        {
            List<FleetUnit> targets = [.. units.Where(u => u.Facility.Id == o.FacilityId || u.Facility.Id == o.FacilityId + ":suburb")];
            foreach (FleetUnit u in targets)
            {
                string before = string.Create(CultureInfo.InvariantCulture, $"{(u.OperatesIn(year) ? "operating" : year < u.Enter ? "planned" : "retired")}, {u.Facility.Capacity:0.#} {u.Facility.CapacityUnit}, emitted {lastEmitted.GetValueOrDefault(u) / 1e6:0.###} Mt the year before");
                string change;
                switch (o.Action)
                {
                    case OverrideAction.Retire:
                        u.Retire = Math.Min(u.Retire, year);
                        u.WindowReason = "override: retired from " + year.ToString(CultureInfo.InvariantCulture);
                        change = "retires";
                        break;
                    case OverrideAction.Ccus:
                        u.CaptureRate = o.CaptureRate ?? 0;
                        change = string.Create(CultureInfo.InvariantCulture, $"captures {u.CaptureRate:P0} of its CO2");
                        break;
                    case OverrideAction.Convert:
                        u.Routes = new Dictionary<string, double>(StringComparer.Ordinal) { [o.Route!] = 1 };
                        change = "converts to route " + o.Route;
                        break;
                    case OverrideAction.CapUtilisation:
                        u.UtilisationCap = o.MaxUtilisation ?? 1;
                        change = string.Create(CultureInfo.InvariantCulture, $"utilisation capped at {u.UtilisationCap:0.###}");
                        break;
                    default:
                        (double x, double y) = overrideSites[o];
                        if (!geography.Grid.TryLocate(x, y, out int cell))
                        {
                            throw new ArgumentException($"override of {o.FacilityId} relocates it outside grid '{geography.Grid.Name}'");
                        }

                        string from = geography.Grid.CellId(u.Cell);
                        (u.X, u.Y, u.Cell, u.Relocated) = (x, y, cell, true);
                        change = string.Create(CultureInfo.InvariantCulture, $"moves from cell {from} to {geography.Grid.CellId(cell)} (lon {o.Longitude}, lat {o.Latitude})");
                        break;
                }

                reasons[u] = $"override from {year}: {change}" + (o.Action == OverrideAction.Retire ? " (retired)" : string.Empty);
                notes.Add($"{year}: override {u.Facility.Id} ({u.Facility.Name}): {change}; before: {before}; {o.Provenance.Basis}: {o.Provenance.Note}");
            }
        }
    }

    private void RememberEmissions(FleetUnit u, double emitted) => lastEmitted[u] = emitted;
}
