using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GridEmissions.Pipeline.Ensembles;

/// <summary>
/// An ensemble folder: <c>ensemble.json</c> (the scenario's path and SHA-256 and the member count),
/// <c>members/member-NNN/</c> (each written atomically by one member run, locally or as one task of a
/// Slurm job array) and, after the merge, the statistics.
/// </summary>
/// <param name="Root">The ensemble folder.</param>
/// <param name="ScenarioPath">Absolute path of the scenario file.</param>
/// <param name="ScenarioSha256">Its SHA-256 when the ensemble was set up (members refuse a changed file).</param>
/// <param name="Members">Number of members (1..Members).</param>
public sealed record EnsembleFolder(string Root, string ScenarioPath, string ScenarioSha256, int Members)
{
    /// <summary>The description file's name.</summary>
    public const string FileName = "ensemble.json";

    /// <summary>The folder of member <paramref name="member"/>.</summary>
    public string MemberDir(int member) => Path.Combine(Root, "members", MemberName(member));

    /// <summary>"member-007".</summary>
    public static string MemberName(int member) => string.Create(CultureInfo.InvariantCulture, $"member-{member:000}");

    /// <summary>True when member <paramref name="member"/> has finished (its folder holds its manifest).</summary>
    public bool IsComplete(int member) => File.Exists(Path.Combine(MemberDir(member), "manifest.json"));

    /// <summary>Creates the folder and writes <c>ensemble.json</c>; an existing folder is refused unless <paramref name="force"/> (then it is emptied first).</summary>
    public static EnsembleFolder Create(string root, string scenarioPath, int members, bool force)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (members < 1)
        {
            throw new InputError("--members", $"{members} is not a number of members.", "give a whole number of at least 1, e.g. `--members 50`.");
        }

        string full = Path.GetFullPath(root);
        if (Directory.Exists(full) || File.Exists(full))
        {
            if (!force)
            {
                throw new InputError(full, "the output folder already exists.", "give a new --out folder, or --force to replace it.");
            }

            if (Directory.Exists(full) && !File.Exists(Path.Combine(full, FileName)) && Directory.EnumerateFileSystemEntries(full).Any())
            {
                throw new InputError(full, "the folder exists and is not an ensemble folder (no ensemble.json); --force replaces only ensemble folders.", "give a new --out folder.");
            }

            if (Directory.Exists(full))
            {
                Directory.Delete(full, true);
            }
        }

        Directory.CreateDirectory(Path.Combine(full, "members"));
        var folder = new EnsembleFolder(full, Path.GetFullPath(scenarioPath), RunManifest.Hash(scenarioPath), members);
        using (var stream = File.Create(Path.Combine(full, FileName)))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("tool", ToolInfo.NameAndVersion);
            json.WriteString("scenario", folder.ScenarioPath);
            json.WriteString("scenario_sha256", folder.ScenarioSha256);
            json.WriteNumber("members", members);
            json.WriteEndObject();
        }

        return folder;
    }

    /// <summary>Reads the folder's <c>ensemble.json</c>.</summary>
    public static EnsembleFolder Open(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        string full = Path.GetFullPath(root);
        string file = Path.Combine(full, FileName);
        if (!File.Exists(file))
        {
            throw new InputError(full, "this is not an ensemble folder (no ensemble.json).", "give the --out folder of `gridem ensemble`.");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file, Encoding.UTF8));
            var r = doc.RootElement;
            var folder = new EnsembleFolder(full, r.GetProperty("scenario").GetString()!, r.GetProperty("scenario_sha256").GetString()!, r.GetProperty("members").GetInt32());
            if (!File.Exists(folder.ScenarioPath) || RunManifest.Hash(folder.ScenarioPath) != folder.ScenarioSha256)
            {
                throw new InputError(folder.ScenarioPath, $"the scenario of the ensemble in {full} is missing or changed since the ensemble was set up (SHA-256 {folder.ScenarioSha256}).", "restore the scenario file, or set up a new ensemble.");
            }

            return folder;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InputError(file, "ensemble.json cannot be read: " + e.Message, "set up the ensemble again with `gridem ensemble`.");
        }
    }
}
