using GridEmissions.Core.Scenarios;

namespace GridEmissions.Pipeline;

/// <summary>
/// SHA-256 of every input of a run, taken BEFORE the run reads them (so the manifest records the
/// data used, not a file edited later), and checked again once everything is read: an input edited
/// while it was being read fails the run (exit 1) instead of recording data that was not used.
/// A folder input (the user baseline) is hashed file by file.
/// </summary>
public sealed class InputHashes
{
    private readonly SortedDictionary<string, (string File, string Sha)> entries = new(StringComparer.Ordinal);

    /// <summary>Every input: role → (file name, SHA-256 or "missing").</summary>
    public IReadOnlyDictionary<string, (string File, string Sha)> Entries => entries;

    /// <summary>Hashes one input under its role.</summary>
    public void Add(string role, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            foreach (string f in Directory.GetFiles(path).Order(StringComparer.Ordinal))
            {
                entries[$"{role}/{Path.GetFileName(f)}"] = (Path.GetFileName(f), RunManifest.Hash(f));
            }

            return;
        }

        entries[role] = (Path.GetFileName(path), System.IO.File.Exists(path) ? RunManifest.Hash(path) : "missing");
    }

    /// <summary>Hashes the scenario's inputs (not the scenario file itself).</summary>
    public void AddInputs(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Add("boundaries", scenario.Inputs.Boundaries);
        foreach (var (k, v) in scenario.Inputs.Files)
        {
            Add(k, v);
        }
    }

    /// <summary>Fails when any input differs now from when it was hashed.</summary>
    public void CheckUnchanged(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var now = new InputHashes();
        now.Add("scenario", scenario.SourcePath);
        now.AddInputs(scenario);
        var changed = entries.Where(e => !now.entries.TryGetValue(e.Key, out var n) || n.Sha != e.Value.Sha).Select(e => e.Key)
            .Concat(now.entries.Keys.Where(k => !entries.ContainsKey(k))).Distinct().ToList();
        if (changed.Count > 0)
        {
            throw new InputError(changed.Select(role => new ScenarioProblem(
                role == "scenario" ? scenario.SourcePath : Resolve(scenario, role), 0,
                $"the input '{role}' changed while gridem was reading it, so the run would not match the data it records.",
                "let the program editing it finish, then run again.")).ToList());
        }
    }

    private static string Resolve(Scenario scenario, string role)
    {
        string key = role.Split('/')[0];
        return key == "boundaries" ? scenario.Inputs.Boundaries : scenario.Inputs.Files.GetValueOrDefault(key, key);
    }
}
