using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Pipeline;

/// <summary>Writes manifest.json: the scenario, every input with its SHA-256, the tool version and every output with its SHA-256. No timestamps: identical runs give identical manifests.</summary>
public static class RunManifest
{
    /// <summary>Writes the manifest into the staging folder: the inputs' hashes taken before the run read them (checked unchanged after the outputs were written, which the caller does first), and the outputs already written there.</summary>
    public static void Write(OutputDirectory output, Scenario scenario, InputHashes inputs, string command)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(scenario);
        string path = output.File("manifest.json");
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("tool", ToolInfo.NameAndVersion);
        json.WriteString("command", command);
        json.WriteString("scenario_id", scenario.Id);
        json.WriteString("scenario_title", scenario.Title);
        json.WriteString("region", scenario.Region);
        json.WriteNumber("seed", scenario.Seed);
        json.WriteNumber("start_year", scenario.StartYear);
        json.WriteNumber("end_year", scenario.EndYear);
        json.WriteNumber("cell_size_m", scenario.CellSizeMetres);
        json.WriteString("units", Core.Sectors.SectorCatalog.RasterUnits);
        json.WriteString("crs", Core.Grids.ChinaAlbers.Proj4);
        var attributions = InputAttributions.Of(scenario);
        json.WriteString("license", InputAttributions.Licence(attributions));
        json.WriteStartArray("inputs");
        foreach (var (role, (file, sha)) in inputs.Entries)
        {
            InputAttribution? a = attributions.FirstOrDefault(x => x.Role == role);
            json.WriteStartObject();
            json.WriteString("role", role);
            json.WriteString("file", file);
            json.WriteString("sha256", sha);
            if (a is not null)
            {
                json.WriteString("licence", a.Licence);
                json.WriteString("attribution", a.Attribution);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("inputs_check", "unchanged during the run: every input's SHA-256 was taken before it was read and found identical after the last output was written");
        json.WriteStartArray("outputs");
        foreach (string f in Directory.GetFiles(output.Staging, "*", SearchOption.AllDirectories).Where(f => f != path).Order(StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("file", Path.GetRelativePath(output.Staging, f).Replace('\\', '/'));
            json.WriteString("sha256", Hash(f));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>SHA-256 of a file, lower-case hex.</summary>
    public static string Hash(string file)
    {
        using var s = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }

    /// <summary>Writes a text file with LF line endings, UTF-8 without BOM.</summary>
    public static void WriteLines(string path, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
    }
}
