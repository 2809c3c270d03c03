using GridEmissions.Core.Facilities;

namespace GridEmissions.Core.Models.Points;

/// <summary>
/// When a facility may operate, from its tracker dates alone (before scenario rules): retired
/// units never run after their retirement year; operating units retire at their planned year,
/// else at start year + lifetime (units already past their lifetime in the base year retire at a
/// seeded year spread over the <see cref="OverdueGraceYears"/> years after the base year, so the
/// fleet does not vanish in one step); pipeline
/// units enter at their start year (else a status-dependent lag after the base year) plus the
/// scenario's delay, if their seeded draw passes the entry probability.
/// </summary>
public static class UnitLifecycle
{
    /// <summary>Years given to units already past their lifetime in the base year (assumption).</summary>
    public const int OverdueGraceYears = 10;

    /// <summary>First and last-exclusive operating years, or null when the unit never operates in the run.</summary>
    public static (int Enter, int Retire, string Why)? Window(Facility f, int baseYear, double lifetimeYears, int entryDelayYears, double entryProbability, int seed)
    {
        ArgumentNullException.ThrowIfNull(f);
        int life = (int)Math.Round(lifetimeYears);
        switch (f.Status)
        {
            case FacilityStatus.Cancelled or FacilityStatus.Shelved:
                return null;
            case FacilityStatus.Retired or FacilityStatus.Mothballed:
                return f.RetiredYear is int ry && ry > baseYear ? (f.StartYear ?? baseYear, ry, "reported retirement year") : null;
            case FacilityStatus.Operating:
            {
                int retire = f.PlannedRetirementYear ?? (f.StartYear is int s ? s + life : baseYear + life / 2);
                string why = f.PlannedRetirementYear is not null ? "planned retirement year"
                    : f.StartYear is not null ? $"end of {life}-year lifetime" : $"unknown start year: half a lifetime after {baseYear}";
                if (retire <= baseYear)
                {
                    retire = baseYear + 1 + (int)(StableRandom.Uniform(seed, "overdue:" + f.Id) * OverdueGraceYears);
                    why = $"past its {life}-year lifetime in {baseYear}: retires within {OverdueGraceYears} grace years";
                }

                return (baseYear, retire, why);
            }

            default:
            {
                if (StableRandom.Uniform(seed, "entry:" + f.Id) >= entryProbability)
                {
                    return null;
                }

                int lag = f.Status switch
                {
                    FacilityStatus.Construction => 2,
                    FacilityStatus.Permitted => 3,
                    FacilityStatus.PrePermit => 4,
                    _ => 5,
                };
                int enter = Math.Max(f.StartYear ?? baseYear + lag, baseYear + 1) + entryDelayYears;
                return (enter, enter + life, $"{f.Status.ToString().ToLowerInvariant()} project enters (planned start {(f.StartYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown")}, delay {entryDelayYears} y)");
            }
        }
    }
}
