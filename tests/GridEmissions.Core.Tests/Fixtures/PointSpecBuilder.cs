using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Tests.Fixtures;

/// <summary>A point-model spec with neutral defaults (40-year life, utilisation 0.2–0.9, no delay, every project enters, oldest first, no rules); tests change one thing with <c>with</c>.</summary>
internal static class PointSpecBuilder
{
    public static readonly Provenance Test = new(Provenance.Assumption, "test");

    public static PointModelSpec Default { get; } = new(
        Test, [], LifetimeYears: 40, MinUtilisation: 0.2, MaxUtilisation: 0.9, EntryDelayYears: 0, EntryProbability: 1,
        MeritOrder.Oldest, ForcedRetirements: [], Ccus: [], Relocation: null, ExpansionSites: []);

    public static ForcedRetirementRule Forced(int year, double maxMw, double minAge = 0) => new(year, maxMw, minAge, Test);

    public static CcusRule Ccus(int fromYear, double captureRate, double share, double minMw = 0) => new(fromYear, captureRate, share, minMw, Test);

    public static RelocationRule Relocate(int year, double withinKm, double moveKm) => new(year, withinKm, moveKm, Test);

    public static YearValue At(int year, double value) => new(year, value, Test);
}
