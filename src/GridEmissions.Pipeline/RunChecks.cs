using System.Globalization;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Pipeline;

/// <summary>
/// The model preconditions that would otherwise only fail during allocation, checked once the
/// inputs are read (so `validate` and `run` report them alike, with the scenario line and a fix),
/// and the translation of an allocation the scenario makes impossible into an input problem.
/// </summary>
public static class RunChecks
{
    /// <summary>Every precondition problem of a prepared scenario (empty when none).</summary>
    public static IReadOnlyList<ScenarioProblem> Find(Scenario scenario, SectorTargets targets, RegionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(inputs);
        var lines = new ScenarioLines(scenario.SourcePath);
        var problems = new List<ScenarioProblem>();
        foreach (CityCap cap in scenario.CityCaps.Where(c => c.IsExactTarget))
        {
            foreach (int year in scenario.Years)
            {
                double city = Trajectory.At(cap.CapMt, year), region = targets.TargetMt(year, cap.SectorId);
                if (city > region * (1 + Harmonizer.RelativeTolerance))
                {
                    problems.Add(new(scenario.SourcePath, lines.Containing(cap.Adcode, "city_caps"),
                        string.Create(CultureInfo.InvariantCulture, $"the city target of {city:0.###} Mt for {cap.Adcode} ({cap.SectorId}, {year}) exceeds the whole region's {cap.SectorId} target of {region:0.###} Mt."),
                        "lower the city's target_mt, or use cap_mt for an upper limit."));
                    break;
                }
            }
        }

        foreach (SectorSpec s in scenario.Sectors)
        {
            if (s.Model is not PointModelSpec point || !scenario.Years.Any(y => targets.TargetMt(y, s.Sector.Id) > 0))
            {
                continue;
            }

            int sectorLine = lines.SectorLine(s.Sector.Id);
            if (point.MaxUtilisation <= 0)
            {
                problems.Add(new(scenario.SourcePath, lines.After(sectorLine, "utilisation:"),
                    string.Create(CultureInfo.InvariantCulture, $"sector '{s.Sector.Id}' has utilisation max {point.MaxUtilisation}, so no unit can emit, but its target is above zero."),
                    "give utilisation a max above 0 (e.g. {min: 0.1, max: 0.9}), or a pathway that reaches zero."));
            }

            int count = point.FacilityInputs.Sum(key => inputs.Facilities.TryGetValue(key, out var list) ? list.Count(f => key != "facilities" || f.Facility.SectorId == s.Sector.Id) : 0);
            if (count == 0 && point.ExpansionSites.Count == 0)
            {
                string files = string.Join(", ", point.FacilityInputs.Select(k => Path.GetFileName(scenario.Inputs.Files.GetValueOrDefault(k, k))));
                problems.Add(new(scenario.SourcePath, lines.Top("provinces") is > 0 and int p ? p : sectorLine,
                    $"sector '{s.Sector.Id}' has a target above zero but no facility of {files} lies in provinces [{string.Join(", ", scenario.Provinces)}] inside the grid.",
                    "check `provinces:` against the file's province column (GEM's \"Subnational unit (province, state)\", e.g. Henan), or give the sector expansion_sites."));
            }
        }

        return problems;
    }

    /// <summary>An allocation the scenario makes impossible, as an input problem at the sector's line; null for other (internal) failures.</summary>
    public static InputError? AsInputError(Scenario scenario, AllocationException e)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(e);
        bool fromPoints = e.Message.Contains("no operating facility or expansion site", StringComparison.Ordinal)
            || (e.Message.StartsWith("Expansion site", StringComparison.Ordinal) && e.Message.Contains("outside the grid", StringComparison.Ordinal));
        if (!e.CausedByInputs && !fromPoints)
        {
            return null;
        }

        var lines = new ScenarioLines(scenario.SourcePath);
        string? sector = scenario.Sectors.Select(s => s.Sector.Id).FirstOrDefault(id => e.Message.Contains($"'{id}'", StringComparison.Ordinal) || e.Message.Contains($"sector '{id}'", StringComparison.Ordinal));
        int line = sector is null ? 0 : lines.SectorLine(sector);
        return new InputError([new ScenarioProblem(scenario.SourcePath, line, "the scenario's settings cannot be allocated: " + e.Message,
            "change the sector's model settings, pathway or city_caps so every year's target has units, cells or cities to carry it (see docs/scenario-format.md).")]);
    }
}

/// <summary>Line numbers in a scenario file found by text (for problems found after parsing).</summary>
internal sealed class ScenarioLines
{
    private readonly string[] lines;

    public ScenarioLines(string path)
    {
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lines = [];
        }
    }

    /// <summary>Line of a top-level key, or 0.</summary>
    public int Top(string key) => Index(0, l => l.StartsWith(key + ":", StringComparison.Ordinal));

    /// <summary>Line of a sector's key under <c>sectors:</c>, or 0.</summary>
    public int SectorLine(string sector)
    {
        int start = Top("sectors");
        int i = Index(start, l => l.TrimStart().StartsWith(sector + ":", StringComparison.Ordinal) && l.Length > l.TrimStart().Length);
        return i > 0 ? i : start;
    }

    /// <summary>First line at or after <paramref name="from"/> holding <paramref name="text"/>, or <paramref name="from"/>.</summary>
    public int After(int from, string text)
    {
        int i = Index(Math.Max(from, 1) - 1, l => l.Contains(text, StringComparison.Ordinal));
        return i > 0 ? i : from;
    }

    /// <summary>First line after the top-level key <paramref name="section"/> holding <paramref name="text"/>.</summary>
    public int Containing(string text, string section) => After(Top(section), text);

    private int Index(int fromLine, Func<string, bool> match)
    {
        for (int i = Math.Max(fromLine, 0); i < lines.Length; i++)
        {
            string l = lines[i];
            if (!l.TrimStart().StartsWith('#') && match(l))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
