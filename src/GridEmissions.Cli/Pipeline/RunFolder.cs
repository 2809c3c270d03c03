using System.Security.Cryptography;
using System.Text.Json;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Cli.Pipeline;

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

    /// <summary>Writes <paramref name="runDir"/>/<paramref name="name"/> through a temporary folder renamed into place when complete (replacing an older one).</summary>
    public static string WriteSubfolder(string runDir, string name, Action<Func<string, string>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or ".." or "grids" or "analysis")
        {
            throw new InputError("--name", $"'{name}' cannot be used as the sub-folder name.", "give a plain new folder name, e.g. `zonal-2`.");
        }

        using var output = new OutputDirectory(Path.Combine(runDir, name), true, []);
        body(output.File);
        output.Commit();
        return output.Target;
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
