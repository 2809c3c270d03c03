using System.Globalization;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Facilities;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Models.Points;

/// <summary>
/// Unit dispatch. Each operating unit runs within its own bounds: the sector's [min, max]
/// utilisation, a must-run minimum for combined heat and power, and any override cap. The fleet
/// is loaded in merit order of a cost proxy (<see cref="Cost"/>): every unit at its minimum, then
/// the cheapest up to its maximum, and so on, until the units' gross CO2 equals the target. That
/// sets the fleet's activity (generation, output) without regard to capture, so CCUS changes
/// what is emitted, not what is generated. CCUS then leaves the fleet short of the target by what
/// it captures: the gap is closed, in this order, by (1) moving activity from CCUS-fitted units
/// (dearest first) to unabated units (cheapest first) within their bounds, at constant fleet
/// activity; (2) letting CCUS-fitted units run below their minimum (the top-down target leaves no
/// room for their capture); (3) raising activity above the CCUS-blind level; (4) new capacity.
/// Below the fleet's minimum, units retire in the scenario's merit order, then the minimum gives
/// way; above its maximum, new capacity is built at the expansion sites.
/// </summary>
public sealed partial class PointSourceModel
{
    /// <summary>Heat-rate degradation per year of age used in the cost proxy (assumption: ≈ 0.3 %/yr, typical of ageing coal units).</summary>
    public const double AgePenaltyPerYear = 0.003;

    /// <summary>Fuel price of gas relative to coal per GJ (assumption: ≈ 75 vs 30 RMB/GJ for Chinese generators).</summary>
    public const double GasToCoalPricePerGj = 2.5;

    private const double CoalTonnesPerGj = 0.0946; // IPCC 2006 default, other bituminous coal
    private const double GasTonnesPerGj = 0.0561;  // IPCC 2006 default, natural gas

    /// <summary>
    /// The merit-order cost proxy of a unit in a year: fuel per unit of activity (its gross CO2 per
    /// MWh divided by the fuel's emission factor gives the heat rate, GJ/MWh) × the fuel's relative
    /// price, × (1 + <see cref="AgePenaltyPerYear"/> × age) where the age is known. Steel: gross
    /// CO2 per tonne (the route's intensity) with the same age term. Ties: larger units first.
    /// </summary>
    internal static double Cost(FleetUnit u, int year)
    {
        Facility f = u.Facility;
        double perActivity = u.GrossPerActivity;
        double fuel = f.CapacityUnit != "MW" ? perActivity
            : f.Technology.StartsWith("gas", StringComparison.OrdinalIgnoreCase) ? perActivity / GasTonnesPerGj * GasToCoalPricePerGj
            : perActivity / CoalTonnesPerGj;
        int? age = f.StartYearIsEquipmentAge && f.StartYear is int s ? Math.Max(0, year - s) : null;
        return fuel * (1 + (AgePenaltyPerYear * (age ?? 0)));
    }

    private double Lo(FleetUnit u) => Math.Min(Hi(u), Math.Max(spec.MinUtilisation, u.Facility.IsChp ? spec.ChpMustRun : 0));

    private double Hi(FleetUnit u) => u.IsExpansion ? spec.MaxUtilisation : Math.Min(spec.MaxUtilisation, u.UtilisationCap);

    private string Dispatch(int year, double target, List<FleetUnit> fleet, Dictionary<FleetUnit, string> reasons, List<string> notes)
    {
        var closure = new List<string>();
        if (target <= 0)
        {
            foreach (FleetUnit u in fleet)
            {
                RetireForMerit(u, year, reasons, "sector target is zero");
            }

            fleet.Clear();
            return string.Empty;
        }

        double Sum(Func<FleetUnit, double> bound) => PreciseSum.Of(fleet.Select(u => bound(u) * u.GrossPerUtilisation).ToArray());
        double min = Sum(Lo);
        if (target < min)
        {
            RetireBelowMinimum(year, target, fleet, reasons);
            min = Sum(Lo);
        }

        double max = Sum(Hi);
        if (target > max)
        {
            FleetUnit? added = Expand(year, target - max, fleet, reasons, notes);
            if (added is not null)
            {
                max = Sum(Hi);
            }
        }

        if (fleet.Count == 0 || !(max > 0))
        {
            throw new AllocationException($"Sector '{SectorId}' has a target of {target:0.###} t in {year} but no operating facility or expansion site to carry it.");
        }

        double loScale = 1, hiScale = 1;
        if (target < min)
        {
            loScale = target / min;
            closure.Add(string.Create(CultureInfo.InvariantCulture,
                $"minimum utilisation gives way: the fleet at its minimum emits {min / 1e6:0.###} Mt, {(min - target) / 1e6:0.###} Mt above the target; every unit runs at {loScale:P1} of its minimum"));
        }
        else if (target > max)
        {
            hiScale = target / max;
            closure.Add(string.Create(CultureInfo.InvariantCulture,
                $"maximum utilisation gives way: the fleet at its maximum emits {max / 1e6:0.###} Mt, {(target - max) / 1e6:0.###} Mt short; every unit runs at {hiScale:P1} of its maximum"));
        }

        List<FleetUnit> order = [.. fleet.OrderBy(u => Cost(u, year)).ThenByDescending(u => u.Facility.Capacity).ThenBy(u => u.Facility.Id, StringComparer.Ordinal)];
        double remaining = target;
        foreach (FleetUnit u in order)
        {
            u.Utilisation = Lo(u) * loScale;
            remaining -= u.Utilisation * u.GrossPerUtilisation;
        }

        foreach (FleetUnit u in order)
        {
            if (remaining <= 0)
            {
                break;
            }

            double room = (Hi(u) * hiScale) - u.Utilisation;
            double add = Math.Min(room, remaining / u.GrossPerUtilisation);
            if (add > 0)
            {
                u.Utilisation = add == room ? Hi(u) * hiScale : u.Utilisation + add;
                remaining -= add * u.GrossPerUtilisation;
            }
        }

        CloseCaptureGap(year, order, reasons, notes, closure);
        return string.Join("; ", closure);
    }

    private void CloseCaptureGap(int year, List<FleetUnit> order, Dictionary<FleetUnit, string> reasons, List<string> notes, List<string> closure)
    {
        double gap = PreciseSum.Of(order.Select(u => u.Utilisation * u.GrossPerUtilisation * u.CaptureRate).ToArray());
        if (!(gap > 0))
        {
            return;
        }

        double captureGap = gap;
        List<FleetUnit> donors = [.. order.Where(u => u.CaptureRate > 0).Reverse()];
        // Receivers that emit most per unit of activity first: the gap closes with the least activity moved.
        List<FleetUnit> receivers = [.. order.Where(u => u.CaptureRate == 0).OrderByDescending(u => u.GrossPerActivity)];
        double moved = Shift(donors, receivers, Lo, ref gap);
        double closedByShift = captureGap - gap;
        double belowMin = 0;
        if (gap > 1e-12 * captureGap)
        {
            double before = gap;
            belowMin = Shift(donors, receivers, _ => 0, ref gap);
            closedByShift += before - gap;
            if (belowMin > 0)
            {
                foreach (FleetUnit d in donors.Where(d => d.Utilisation < Lo(d) - 1e-12))
                {
                    reasons[d] = string.Create(CultureInfo.InvariantCulture, $"CCUS unit below its minimum ({d.Utilisation:0.###}): the target leaves no room for its capture");
                }
            }
        }

        if (gap <= 1e-12 * captureGap)
        {
            gap = 0; // rounding left over by the shift
        }

        string unit = order[0].Facility.ActivityUnit;
        string Activity(double a) => unit == "MWh" ? string.Create(CultureInfo.InvariantCulture, $"{a / 1e6:0.###} TWh") : string.Create(CultureInfo.InvariantCulture, $"{a / 1e6:0.###} Mt output");
        closure.Add(string.Create(CultureInfo.InvariantCulture,
            $"CCUS captures {captureGap / 1e6:0.###} Mt: {closedByShift / 1e6:0.###} Mt met by moving {Activity(moved + belowMin)} from CCUS-fitted to unabated units at constant activity{(belowMin > 0 ? $" ({Activity(belowMin)} of it with CCUS units below their minimum)" : string.Empty)}"));
        if (gap <= 0)
        {
            return;
        }

        // (3) activity rises above the CCUS-blind level, cheapest first, within the maxima.
        double baseActivity = order.Sum(u => u.Utilisation * u.ActivityAtFull), raised = 0, rest = gap;
        foreach (FleetUnit u in order.OrderByDescending(u => u.NetPerActivity))
        {
            double net = u.GrossPerUtilisation * (1 - u.CaptureRate);
            double add = net > 0 ? Math.Min(Hi(u) - u.Utilisation, rest / net) : 0;
            if (add > 0)
            {
                u.Utilisation += add;
                rest -= add * net;
                raised += add * u.ActivityAtFull;
            }
        }

        closure.Add(string.Create(CultureInfo.InvariantCulture, $"activity rises {(baseActivity > 0 ? raised / baseActivity : 0):P2} above the CCUS-blind level to emit the remaining {(gap - Math.Max(rest, 0)) / 1e6:0.###} Mt"));
        if (rest > 1e-9 * gap)
        {
            FleetUnit? added = Expand(year, rest, order, reasons, notes);
            if (added is null)
            {
                throw new AllocationException(string.Create(CultureInfo.InvariantCulture, $"Sector '{SectorId}' in {year}: {rest / 1e6:0.###} Mt of the target cannot be emitted by the fleet after capture and no expansion is possible."));
            }

            added.Utilisation = rest / added.GrossPerUtilisation;
            closure.Add(string.Create(CultureInfo.InvariantCulture, $"new capacity emits the last {rest / 1e6:0.###} Mt"));
        }
    }

    /// <summary>Moves activity from donors (down to <paramref name="floor"/>) to receivers (up to their maximum) until the gap is closed; returns the activity moved.</summary>
    private double Shift(List<FleetUnit> donors, List<FleetUnit> receivers, Func<FleetUnit, double> floor, ref double gap)
    {
        double moved = 0;
        foreach (FleetUnit r in receivers)
        {
            foreach (FleetUnit d in donors)
            {
                if (gap <= 0)
                {
                    return moved;
                }

                double gain = r.GrossPerActivity - d.NetPerActivity; // t CO2 gained per unit of activity moved
                double headroom = (Hi(r) - r.Utilisation) * r.ActivityAtFull;
                double available = (d.Utilisation - floor(d)) * d.ActivityAtFull;
                if (!(gain > 0) || headroom <= 0 || available <= 0)
                {
                    continue;
                }

                double a = Math.Min(Math.Min(headroom, available), gap / gain);
                r.Utilisation = a == headroom ? Hi(r) : r.Utilisation + (a / r.ActivityAtFull);
                d.Utilisation = a == available ? floor(d) : Math.Max(floor(d), d.Utilisation - (a / d.ActivityAtFull));
                gap -= a * gain;
                moved += a;
            }
        }

        return moved;
    }

    private void RetireBelowMinimum(int year, double target, List<FleetUnit> fleet, Dictionary<FleetUnit, string> reasons)
    {
        double min = fleet.Sum(u => Lo(u) * u.GrossPerUtilisation), max = fleet.Sum(u => Hi(u) * u.GrossPerUtilisation);
        foreach (FleetUnit u in MeritOrder(fleet))
        {
            if (min <= target)
            {
                break;
            }

            if (max - (Hi(u) * u.GrossPerUtilisation) < target)
            {
                continue; // retiring this one would leave too little: try the next in merit order
            }

            RetireForMerit(u, year, reasons, "target below the fleet's minimum utilisation");
            min -= Lo(u) * u.GrossPerUtilisation;
            max -= Hi(u) * u.GrossPerUtilisation;
        }

        fleet.RemoveAll(u => !u.OperatesIn(year));
    }

    private void RetireForMerit(FleetUnit u, int year, Dictionary<FleetUnit, string> reasons, string why)
    {
        u.Retire = year;
        u.WindowReason = $"{why}: retired early in '{spec.MeritOrder}' merit order";
        reasons[u] = "retired: " + u.WindowReason;
    }

    private List<FleetUnit> MeritOrder(List<FleetUnit> fleet)
    {
        IOrderedEnumerable<FleetUnit> ordered = spec.MeritOrder switch
        {
            Scenarios.MeritOrder.Smallest => fleet.OrderBy(u => u.Facility.Capacity),
            Scenarios.MeritOrder.LeastEfficient => fleet.OrderByDescending(u => u.ActivityAtFull > 0 ? u.GrossPerUtilisation / u.Facility.Capacity : 0),
            _ => fleet.OrderBy(u => u.Facility.StartYear ?? u.Enter),
        };
        return ordered.ThenBy(u => u.Facility.Id, StringComparer.Ordinal).ToList();
    }

    private FleetUnit? Expand(int year, double shortfallTonnes, List<FleetUnit> fleet, Dictionary<FleetUnit, string> reasons, List<string> notes)
    {
        List<FleetUnit> reference = fleet.Count > 0 ? fleet : units;
        double cap = reference.Sum(u => u.Facility.Capacity);
        if (reference.Count == 0 || cap <= 0)
        {
            return null;
        }

        string unit = reference[0].Facility.CapacityUnit;
        bool steel = reference.Any(u => u.Routes is not null);
        string? route = steel ? NewCapacityRoute(year) : null;
        double tonnesPerCapacity = route is not null && unit.StartsWith("kt", StringComparison.Ordinal)
            ? 1000 * SteelRoutes.TonnesPerTonne(route)
            : reference.Sum(u => u.GrossPerUtilisation) / cap;
        double capacity = shortfallTonnes / (spec.MaxUtilisation * tonnesPerCapacity);
        (string name, double x, double y) site;
        if (sites.Count > 0)
        {
            site = sites[expansions % sites.Count];
        }
        else
        {
            FleetUnit largest = reference.OrderByDescending(u => u.Facility.Capacity).ThenBy(u => u.Facility.Id, StringComparer.Ordinal).First();
            site = ($"beside {largest.Facility.Name}", largest.X, largest.Y);
        }

        expansions++;
        if (!geography.Grid.TryLocate(site.x, site.y, out int cell))
        {
            throw new AllocationException($"Expansion site '{site.name}' for sector '{SectorId}' lies outside the grid '{geography.Grid.Name}'.");
        }

        var facility = new Facility(string.Create(CultureInfo.InvariantCulture, $"{SectorId}-expansion-{year}-{expansions}"), $"New capacity at {site.name}", SectorId,
            route ?? "expansion", capacity, unit, FacilityStatus.Operating, year, null, null, double.NaN, double.NaN, capacity * tonnesPerCapacity, 1.0, string.Empty, "scenario expansion");
        var added = new FleetUnit(new SitedFacility(facility, site.x, site.y), cell, year, year + (int)Math.Round(spec.LifetimeYears), "new capacity") { IsExpansion = true };
        if (route is not null)
        {
            added.Routes = new Dictionary<string, double>(StringComparer.Ordinal) { [route] = 1 };
        }

        units.Add(added);
        fleet.Add(added);
        reasons[added] = string.Create(CultureInfo.InvariantCulture, $"built: target exceeds the fleet at maximum utilisation by {shortfallTonnes / 1e6:0.###} Mt{(route is null ? string.Empty : $" ({route}, the scenario's route for new capacity)")}");
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"{year}: {SectorId} expansion of {capacity:0.#} {unit} at {site.name}{(route is null ? string.Empty : " on route " + route)}"));
        return added;
    }
}
