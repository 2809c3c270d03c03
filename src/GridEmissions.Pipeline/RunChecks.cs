using System.Globalization;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// The model preconditions that would otherwise only fail during allocation, checked once the
/// inputs are read (so `validate` and `run` report them alike, with the scenario line and a fix),
/// and the translation of an allocation the scenario makes impossible into an input problem.
/// </summary>
public static class RunChecks
{
    /// <summary>Every precondition problem of a prepared scenario (empty when none).</summary>
    public static IReadOnlyList<ScenarioProblem> Find(Scenario scenario, SectorTargets targets, RegionInputs inputs, RegionGeography region)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(region);
        var lines = new ScenarioLines(scenario.SourcePath);
        var problems = new List<ScenarioProblem>();
        var adcodes = region.Cities.Select(c => c.Adcode).ToHashSet(StringComparer.Ordinal);
        foreach (var twice in scenario.CityCaps.GroupBy(c => (c.Adcode, c.SectorId, c.IsExactTarget)).Where(g => g.Count() > 1))
        {
            problems.Add(new(scenario.SourcePath, lines.Containing(twice.Key.Adcode, "city_caps"),
                $"city_caps gives city {twice.Key.Adcode} {twice.Count()} {(twice.Key.IsExactTarget ? "target_mt" : "cap_mt")} entries for sector {twice.Key.SectorId}; only one can hold.",
                "keep one entry per city and sector (put all its years in that entry's list)."));
        }

        foreach (SectorSpec s in scenario.Sectors)
        {
            if (s.Model is AreaModelSpec area)
            {
                foreach (string adcode in area.CityMultipliers.Keys.Where(a => !adcodes.Contains(a)))
                {
                    problems.Add(new(scenario.SourcePath, lines.After(lines.SectorLine(s.Sector.Id), adcode),
                        $"sectors.{s.Sector.Id}.model.city_multipliers names adcode {adcode}, which is not a city of region '{scenario.Region}' in {Path.GetFileName(scenario.Inputs.Boundaries)}: the multiplier would be ignored.",
                        $"use one of: {string.Join(", ", adcodes.Order(StringComparer.Ordinal))}."));
                }
            }

            if (s.Model is PointModelSpec sites && sites.ExpansionSites.Count > 0)
            {
                using var albers = SpatialReference.ChinaAlbersGrid();
                using var wgs84 = SpatialReference.Wgs84();
                using var t = CoordinateTransformer.Create(wgs84, albers);
                foreach (ExpansionSite site in sites.ExpansionSites)
                {
                    (double x, double y) = t.Transform(site.Longitude, site.Latitude);
                    if (!region.Grid.TryLocate(x, y, out _))
                    {
                        problems.Add(new(scenario.SourcePath, lines.After(lines.SectorLine(s.Sector.Id), site.Name),
                            string.Create(CultureInfo.InvariantCulture, $"sectors.{s.Sector.Id}.model.expansion_sites '{site.Name}' at lon {site.Longitude}, lat {site.Latitude} lies outside the region's grid: new capacity there could not be placed."),
                            "give a lon/lat inside the region (WGS84 decimal degrees, longitude first)."));
                    }
                }
            }
        }

        foreach (CityCap cap in scenario.CityCaps.Where(c => c.IsExactTarget))
        {
            foreach (int year in scenario.Years)
            {
                double city = Trajectory.At(cap.CapMt, year), whole = targets.TargetMt(year, cap.SectorId);
                if (city > whole * (1 + Harmonizer.RelativeTolerance))
                {
                    problems.Add(new(scenario.SourcePath, lines.Containing(cap.Adcode, "city_caps"),
                        string.Create(CultureInfo.InvariantCulture, $"the city target of {city:0.###} Mt for {cap.Adcode} ({cap.SectorId}, {year}) exceeds the whole region's {cap.SectorId} target of {whole:0.###} Mt."),
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
