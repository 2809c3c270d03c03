namespace GridEmissions.Core.Facilities;

/// <summary>Lifecycle status of a facility as reported by its tracker.</summary>
public enum FacilityStatus
{
    /// <summary>Running.</summary>
    Operating,

    /// <summary>Being built: enters at its start year.</summary>
    Construction,

    /// <summary>Permitted / pre-construction: enters at its start year if the scenario lets it.</summary>
    Permitted,

    /// <summary>Pre-permit development.</summary>
    PrePermit,

    /// <summary>Announced.</summary>
    Announced,

    /// <summary>Shelved: never enters.</summary>
    Shelved,

    /// <summary>Cancelled: never enters.</summary>
    Cancelled,

    /// <summary>Retired.</summary>
    Retired,

    /// <summary>Mothballed: treated as retired.</summary>
    Mothballed,
}

/// <summary>Parsing of tracker status words.</summary>
public static class FacilityStatuses
{
    /// <summary>Accepted status words.</summary>
    public static IReadOnlyList<string> Words { get; } =
        ["operating", "construction", "permitted", "pre-construction", "pre-permit", "announced", "shelved", "cancelled", "retired", "mothballed", "operating-pre-retirement", "operating pre-retirement"];

    /// <summary>Parses a status word (GEM spellings), or null when unknown.</summary>
    public static FacilityStatus? Parse(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Trim().ToLowerInvariant() switch
        {
            "operating" or "operating-pre-retirement" or "operating pre-retirement" => FacilityStatus.Operating,
            "construction" => FacilityStatus.Construction,
            "permitted" or "pre-construction" => FacilityStatus.Permitted,
            "pre-permit" => FacilityStatus.PrePermit,
            "announced" => FacilityStatus.Announced,
            "shelved" => FacilityStatus.Shelved,
            "cancelled" => FacilityStatus.Cancelled,
            "retired" => FacilityStatus.Retired,
            "mothballed" => FacilityStatus.Mothballed,
            _ => null,
        };
    }

    /// <summary>True for statuses of projects that may enter the fleet at their start year.</summary>
    public static bool IsPipeline(this FacilityStatus status) =>
        status is FacilityStatus.Construction or FacilityStatus.Permitted or FacilityStatus.PrePermit or FacilityStatus.Announced;
}
