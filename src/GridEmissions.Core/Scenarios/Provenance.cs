namespace GridEmissions.Core.Scenarios;

/// <summary>Where a scenario number comes from: the source studies, a named data set, or an assumption with its reason.</summary>
/// <param name="Basis">"study", "data" or "assumption".</param>
/// <param name="Note">Which table/sentence of the study, which data set and how the number was derived, or why the assumption was made.</param>
public sealed record Provenance(string Basis, string Note)
{
    /// <summary>Basis value for numbers quoted from the source studies.</summary>
    public const string Study = "study";

    /// <summary>Basis value for numbers derived from a named data set in the repository (e.g. the CEADs inventory); the note names it and the derivation.</summary>
    public const string Data = "data";

    /// <summary>Basis value for the scenario's own assumptions.</summary>
    public const string Assumption = "assumption";

    /// <summary>Provenance for defaults the tool supplies when a scenario leaves a parameter out.</summary>
    public static Provenance ToolDefault { get; } = new(Assumption, "tool default");
}

/// <summary>A value at a year (Mt, percent, million people… as the owning field says).</summary>
public sealed record YearValue(int Year, double Value, Provenance Provenance);

/// <summary>A compound annual rate of change applied over the years FromYear..ToYear inclusive.</summary>
public sealed record RatePeriod(int FromYear, int ToYear, double PercentPerYear, Provenance Provenance);
