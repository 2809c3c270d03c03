using System.Globalization;
using GridEmissions.Core.Facilities;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Models.Points;

/// <summary>A unit's operating window from its tracker dates, and for pipeline projects the seeded entry draw.</summary>
/// <param name="Enter">First operating year (int.MaxValue: never enters).</param>
/// <param name="Retire">First year no longer operating.</param>
/// <param name="Why">Where the window comes from.</param>
/// <param name="Probability">Pipeline projects: entry probability (NaN for others).</param>
/// <param name="Draw">Pipeline projects: the seeded uniform draw; enters when below <paramref name="Probability"/> (NaN for others).</param>
public readonly record struct LifecycleWindow(int Enter, int Retire, string Why, double Probability, double Draw)
{
    /// <summary>True when the unit operates in some year of the run.</summary>
    public bool Operates => Enter < Retire && Enter != int.MaxValue;
}

/// <summary>
/// When a facility may operate, from its tracker dates alone (before scenario rules): retired
/// units never run after their retirement year; operating units retire at their planned year,
/// else at start year + lifetime when the start year dates the equipment (units already past
/// their lifetime in the base year retire at a seeded year spread over the
/// <see cref="OverdueGraceYears"/> years after the base year, so the fleet does not vanish in one
/// step); when the start year only dates the plant's founding (steel), no lifetime applies.
/// Pipeline projects (every GEM status) enter at their start year (else a status-dependent lag
/// after the base year) plus their status's delay, if their seeded draw is below their status's
/// probability (<see cref="PipelineDefaults"/> unless the scenario says otherwise).
/// </summary>
public static class UnitLifecycle
{
    /// <summary>Years given to units already past their lifetime in the base year (assumption).</summary>
    public const int OverdueGraceYears = 10;

    /// <summary>First and last-exclusive operating years with one entry rule for every pipeline status, or null when the unit never operates in the run.</summary>
    public static (int Enter, int Retire, string Why)? Window(Facility f, int baseYear, double lifetimeYears, int entryDelayYears, double entryProbability, int seed)
    {
        var rule = new PipelineEntryRule(entryProbability, entryDelayYears, new Provenance(Provenance.Assumption, "uniform entry"));
        LifecycleWindow w = Lifecycle(f, baseYear, lifetimeYears, f.Status is FacilityStatus.Shelved or FacilityStatus.Cancelled or FacilityStatus.Mothballed ? null : rule, true, seed);
        return w.Operates ? (w.Enter, w.Retire, w.Why) : null;
    }

    /// <summary>
    /// The unit's window. <paramref name="entry"/> is its status's entry rule (null: the status never enters);
    /// <paramref name="lifetimeFromStartYear"/> false means start years date plants, not equipment (no lifetime retirement).
    /// </summary>
    public static LifecycleWindow Lifecycle(Facility f, int baseYear, double lifetimeYears, PipelineEntryRule? entry, bool lifetimeFromStartYear, int seed)
    {
        ArgumentNullException.ThrowIfNull(f);
        int life = (int)Math.Round(lifetimeYears);
        bool ageKnown = lifetimeFromStartYear && f.StartYearIsEquipmentAge;
        switch (f.Status)
        {
            case FacilityStatus.Operating:
            {
                if (!ageKnown)
                {
                    return f.PlannedRetirementYear is int planned
                        ? new LifecycleWindow(baseYear, Math.Max(planned, baseYear + 1), "planned retirement year", double.NaN, double.NaN)
                        : new LifecycleWindow(baseYear, int.MaxValue, "no equipment age in the tracker: retires only by a scenario rule or override", double.NaN, double.NaN);
                }

                int retire = f.PlannedRetirementYear ?? (f.StartYear is int s ? s + life : baseYear + life / 2);
                string why = f.PlannedRetirementYear is not null ? "planned retirement year"
                    : f.StartYear is not null ? $"end of {life}-year lifetime" : $"unknown start year: half a lifetime after {baseYear}";
                if (retire <= baseYear)
                {
                    retire = baseYear + 1 + (int)(StableRandom.Uniform(seed, "overdue:" + f.Id) * OverdueGraceYears);
                    why = $"past its {life}-year lifetime in {baseYear}: retires within {OverdueGraceYears} grace years";
                }

                return new LifecycleWindow(baseYear, retire, why, double.NaN, double.NaN);
            }

            case FacilityStatus.Retired:
            case FacilityStatus.Mothballed when entry is null || entry.Probability <= 0:
                return f.RetiredYear is int ry && ry > baseYear
                    ? new LifecycleWindow(f.StartYear ?? baseYear, ry, "reported retirement year", double.NaN, double.NaN)
                    : new LifecycleWindow(int.MaxValue, int.MaxValue, "retired before the base year", double.NaN, double.NaN);

            default:
            {
                if (entry is null)
                {
                    return new LifecycleWindow(int.MaxValue, int.MaxValue, $"{Word(f.Status)} project: never enters", 0, double.NaN);
                }

                double draw = StableRandom.Uniform(seed, "entry:" + f.Id);
                int lag = f.Status switch
                {
                    FacilityStatus.Construction => 2,
                    FacilityStatus.Permitted => 3,
                    FacilityStatus.PrePermit => 4,
                    _ => 5,
                };
                int plannedStart = f.Status == FacilityStatus.Mothballed ? baseYear + lag : f.StartYear ?? baseYear + lag;
                int enter = Math.Max(plannedStart, baseYear + 1) + entry.DelayYears;
                string start = f.StartYear?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
                string drawText = string.Create(CultureInfo.InvariantCulture, $"draw {draw:0.###} vs probability {entry.Probability:0.###}");
                if (draw >= entry.Probability)
                {
                    return new LifecycleWindow(int.MaxValue, int.MaxValue, $"{Word(f.Status)} project does not enter ({drawText})", entry.Probability, draw);
                }

                return new LifecycleWindow(enter, enter + life, $"{Word(f.Status)} project enters (planned start {start}, delay {entry.DelayYears} y, {drawText})", entry.Probability, draw);
            }
        }
    }

    private static string Word(FacilityStatus s) => s switch
    {
        FacilityStatus.PrePermit => "pre-permit",
        _ => s.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// Default entry probability and delay of each GEM status (assumptions: GEM publishes statuses,
/// not completion rates; the order follows GEM's definitions — construction is physically under
/// way, permitted has its approvals, pre-permit is seeking them, announced is an intention,
/// shelved has had no activity for two years, cancelled is abandoned, mothballed is idle).
/// A scenario's <c>pipeline:</c> replaces any of them.
/// </summary>
public static class PipelineDefaults
{
    private static readonly Provenance Why = new(Provenance.Assumption, "tool default: ordered by GEM's status definitions; GEM gives no completion rates");

    /// <summary>The default rule of every status that can enter (cancelled: none).</summary>
    public static IReadOnlyDictionary<FacilityStatus, PipelineEntryRule> All { get; } = new Dictionary<FacilityStatus, PipelineEntryRule>
    {
        [FacilityStatus.Construction] = new(0.9, 1, Why),
        [FacilityStatus.Permitted] = new(0.5, 2, Why),
        [FacilityStatus.PrePermit] = new(0.3, 3, Why),
        [FacilityStatus.Announced] = new(0.15, 3, Why),
        [FacilityStatus.Shelved] = new(0.05, 5, Why),
        [FacilityStatus.Mothballed] = new(0.0, 2, Why),
        [FacilityStatus.Cancelled] = new(0.0, 0, Why),
    };

    /// <summary>Scenario words for the statuses in <see cref="All"/>.</summary>
    public static IReadOnlyDictionary<string, FacilityStatus> Words { get; } = new Dictionary<string, FacilityStatus>(StringComparer.Ordinal)
    {
        ["construction"] = FacilityStatus.Construction,
        ["permitted"] = FacilityStatus.Permitted,
        ["pre-permit"] = FacilityStatus.PrePermit,
        ["announced"] = FacilityStatus.Announced,
        ["shelved"] = FacilityStatus.Shelved,
        ["mothballed"] = FacilityStatus.Mothballed,
        ["cancelled"] = FacilityStatus.Cancelled,
    };
}
