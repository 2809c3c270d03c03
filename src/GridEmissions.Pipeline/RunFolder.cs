using System.Security.Cryptography;
using System.Text.Json;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Pipeline;

/// <summary>A finished `gridem run` folder: finds the scenario it was made with and writes new sub-folders atomically.</summary>
public static class RunFolder
{
    /// <summary>
    /// The analysis context of a finished run: the scenario is <paramref name="scenarioPath"/> when
    /// given, else the file named in manifest.json looked up (by name and SHA-256) in ./scenarios,
    /// the current folder and the <c>scenarios/</c> folders above the run folder.
    /// </summary>
    public static AnalysisContext Load(string runDir, string? scenarioPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDir);
        string manifestPath = Path.Combine(runDir, "manifest.json");
        if (!Directory.Exists(runDir) || !File.Exists(manifestPath))
        {
            throw new InputError(runDir, "this is not a finished `gridem run` output folder (no manifest.json).", "give the --out folder of a completed `gridem run`.");
        }

        var (file, sha) = RecordedScenario(manifestPath);
        string path = scenarioPath ?? Candidates(runDir, file).FirstOrDefault(c => File.Exists(c) && Sha256(c) == sha)
            ?? throw new InputError(manifestPath, $"the scenario '{file}' the run was made with was not found (looked in ./scenarios, . and the scenarios/ folders above the run folder, matching its SHA-256).", "pass it with --scenario PATH.");
        if (!File.Exists(path))
        {
            throw new InputError(path, "the scenario file does not exist.", "check the --scenario path.");
        }

        if (sha.Length > 0 && Sha256(path) != sha)
        {
            throw new InputError(path, $"the scenario differs from the one recorded in {manifestPath} (SHA-256 {sha}).", "pass the scenario file the run was made with, or re-run `gridem run`.");
        }

        Scenario scenario = ScenarioReader.Read(path);
        SectorTargets targets = SectorTargets.Compute(scenario);
        RegionGeography region = RegionGeography.Load(scenario.Inputs.Boundaries, scenario.Region, scenario.CellSizeMetres, scenario.MarginCells);
        return new AnalysisContext(scenario, targets, region, new YearGrids(Path.GetFullPath(runDir), region.Grid, [.. scenario.Sectors.Select(s => s.Sector.Id)]));
    }

    /// <summary>
    /// Writes a NEW sub-folder <paramref name="name"/> of <paramref name="runDir"/> through a temporary
    /// folder renamed into place when complete. The run's own files and folders (those in its
    /// manifest) and any existing entry are never replaced: an explicit name that exists is refused;
    /// the default name takes the next free suffix (<c>hotspots-2</c>, <c>hotspots-3</c>…).
    /// </summary>
    public static string WriteSubfolder(string runDir, string name, bool explicitName, Action<Func<string, string>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!FileToken.IsValid(name))
        {
            throw new InputError("--name", $"'{name}' cannot be used as the sub-folder name ({FileToken.Rule}).", $"give a plain new folder name, e.g. `--name {FileToken.Suggest(name)}`.");
        }

        var own = OwnEntries(runDir);
        if (own.Contains(name))
        {
            throw new InputError("--name", $"'{name}' is one of the run's own outputs in {runDir}; it is never replaced.", $"give a new folder name, e.g. `--name {name}-2`.");
        }

        string chosen = name;
        for (int i = 2; Exists(runDir, chosen); i++)
        {
            if (explicitName)
            {
                throw new InputError(Path.Combine(runDir, name), "this sub-folder already exists; analysis commands only write new sub-folders.", $"give another --name (e.g. `--name {name}-2`), or delete the old one yourself.");
            }

            chosen = FormattableString.Invariant($"{name}-{i}");
        }

        using var output = new OutputDirectory(Path.Combine(runDir, chosen), false, []);
        body(output.File);
        output.Commit();
        return output.Target;
    }

    private static bool Exists(string runDir, string name) =>
        Directory.Exists(Path.Combine(runDir, name)) || File.Exists(Path.Combine(runDir, name));

    /// <summary>The first path component of every output in the run's manifest, and the manifest itself.</summary>
    private static HashSet<string> OwnEntries(string runDir)
    {
        var own = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "manifest.json", "grids", "analysis", "maps" };
        string manifest = Path.Combine(runDir, "manifest.json");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
            if (doc.RootElement.TryGetProperty("outputs", out JsonElement outputs))
            {
                foreach (JsonElement o in outputs.EnumerateArray())
                {
                    if (o.TryGetProperty("file", out JsonElement f) && f.GetString() is { Length: > 0 } file)
                    {
                        own.Add(file.Split('/')[0]);
                    }
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException)
        {
            throw new InputError(manifest, "manifest.json cannot be read: " + e.Message, "give the folder of a completed `gridem run`, or re-run it.");
        }

        return own;
    }

    private static (string File, string Sha) RecordedScenario(string manifestPath)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(manifestPath));
            foreach (JsonElement input in doc.RootElement.GetProperty("inputs").EnumerateArray())
            {
                if (input.GetProperty("role").GetString() == "scenario")
                {
                    return (input.GetProperty("file").GetString() ?? "", input.TryGetProperty("sha256", out var s) ? s.GetString() ?? "" : "");
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InputError(manifestPath, "manifest.json cannot be read: " + e.Message, "give the folder of a completed `gridem run`, or re-run it.");
        }

        throw new InputError(manifestPath, "manifest.json records no scenario.", "pass the scenario with --scenario PATH.");
    }

    private static IEnumerable<string> Candidates(string runDir, string file)
    {
        if (file.Length == 0)
        {
            yield break;
        }

        yield return Path.Combine(Environment.CurrentDirectory, "scenarios", file);
        yield return Path.Combine(Environment.CurrentDirectory, file);
        for (var dir = new DirectoryInfo(Path.GetFullPath(runDir)); dir is not null; dir = dir.Parent)
        {
            yield return Path.Combine(dir.FullName, "scenarios", file);
        }
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
