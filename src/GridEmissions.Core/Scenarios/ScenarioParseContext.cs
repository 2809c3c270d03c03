using System.Globalization;

namespace GridEmissions.Core.Scenarios;

/// <summary>What the parts of the reader share while reading one file: the log, the folder, the years, the declared inputs and the defaults used.</summary>
internal sealed class ScenarioParseContext(ProblemLog log, string folder)
{
    public ProblemLog Log { get; } = log;

    /// <summary>Folder of the scenario file; relative paths resolve against it.</summary>
    public string Folder { get; } = folder;

    public int? StartYear { get; set; }

    public int? EndYear { get; set; }

    /// <summary>Input keys declared under <c>inputs</c> (whether or not the file exists).</summary>
    public HashSet<string> DeclaredInputs { get; } = new(StringComparer.Ordinal);

    public List<ToolDefaultUse> Defaults { get; } = [];

    /// <summary>True while the uncertainty reader re-reads the file with a probe value (the uncertainty block itself is then skipped).</summary>
    public bool Probing { get; init; }

    public bool HasYears => StartYear is not null && EndYear is not null && StartYear <= EndYear;

    public string YearsText => HasYears ? $"{StartYear}–{EndYear}" : "?";

    public T Default<T>(string parameter, T value)
        where T : notnull
    {
        Defaults.Add(new ToolDefaultUse(parameter, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
        return value;
    }
}
