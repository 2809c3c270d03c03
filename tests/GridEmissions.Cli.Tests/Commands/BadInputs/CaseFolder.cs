using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace GridEmissions.Cli.Tests.Commands.BadInputs;

/// <summary>A private copy of the shipped inputs (boundaries, sources, proxies, scenarios) that one bad-input case mutates.</summary>
public sealed class CaseFolder : IDisposable
{
    public CaseFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "gridem-badcase-" + Guid.NewGuid().ToString("N"));
        foreach (string dir in new[] { "boundaries", "sources", "proxies", "scenarios" })
        {
            string from = RepoPaths.Under(dir);
            foreach (string f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(Root, dir, Path.GetRelativePath(from, f));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(f, target);
            }
        }

        Directory.CreateDirectory(Path.Combine(Root, "out"));
    }

    private readonly List<IDisposable> held = [];

    public string Root { get; }

    /// <summary>The scenario every case runs (Henan, enhanced).</summary>
    public string Scenario { get; set; } = string.Empty;

    public string OutParent => Path.Combine(Root, "out");

    public string Out => Path.Combine(OutParent, "run");

    /// <summary>1-based line of the row the last <see cref="CsvField"/> changed.</summary>
    public int RowLine { get; private set; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Replaces the first <paramref name="find"/> in the scenario (which must hold it, so no case is a silent no-op).</summary>
    public void Yaml(string find, string replace) => Text("scenarios/henan-neutrality.yaml", t => Replace(t, find, replace));

    public void YamlAppend(string text) => Text("scenarios/henan-neutrality.yaml", t => t + "\n" + text + "\n");

    public void Text(string relative, Func<string, string> edit)
    {
        string path = PathOf(relative);
        File.WriteAllText(path, edit(File.ReadAllText(path)), new UTF8Encoding(false));
    }

    public void Bytes(string relative, byte[] bytes) => File.WriteAllBytes(PathOf(relative), bytes);

    /// <summary>Sets <paramref name="column"/> of the first data row whose text contains <paramref name="rowHolds"/> (quotes respected).</summary>
    public void CsvField(string relative, string rowHolds, string column, string value) => CsvLines(relative, lines =>
    {
        int index = Fields(lines[0]).IndexOf(column);
        Assert.True(index >= 0, $"{relative} has no column {column}");
        string[] holds = rowHolds.Split('|');
        int row = Array.FindIndex(lines, 1, l => holds.All(h => l.Contains(h, StringComparison.Ordinal)));
        Assert.True(row > 0, $"{relative} has no row holding {rowHolds}");
        RowLine = row + 1;
        var fields = Fields(lines[row]);
        fields[index] = value;
        lines[row] = string.Join(",", fields);
        return lines;
    });

    public void CsvLines(string relative, Func<string[], string[]> edit)
    {
        string path = PathOf(relative);
        File.WriteAllLines(path, edit(File.ReadAllLines(path)), new UTF8Encoding(false));
    }

    public void Json(string relative, Action<JsonNode> edit)
    {
        string path = PathOf(relative);
        JsonNode doc = JsonNode.Parse(File.ReadAllText(path))!;
        edit(doc);
        File.WriteAllText(path, doc.ToJsonString());
    }

    /// <summary>The features of a GeoJSON FeatureCollection.</summary>
    public static JsonArray Features(JsonNode doc) => doc["features"]!.AsArray();

    public static JsonNode City(JsonNode doc, string adcode) => Features(doc).First(f => (string?)f!["properties"]!["adcode"] == adcode)!;

    public void Tool(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool, args) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Root };
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {err}");
    }

    /// <summary>SHA-256 of every file outside the output folder, by relative path.</summary>
    public SortedDictionary<string, string> Snapshot()
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string f in Directory.GetFiles(Root, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(Root, f);
            if (!rel.StartsWith("out" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                map[rel] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)));
            }
        }

        return map;
    }

    /// <summary>1-based line of the first line holding <paramref name="marker"/> in a file of the case folder.</summary>
    public int LineOf(string relative, string marker)
    {
        string[] lines = File.ReadAllLines(PathOf(relative));
        int i = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(i >= 0, $"{relative} has no line holding {marker}");
        return i + 1;
    }

    /// <summary>Keeps <paramref name="resource"/> open until the case ends (e.g. another run's lock).</summary>
    public void Hold(IDisposable resource) => held.Add(resource);

    public void Dispose()
    {
        foreach (IDisposable r in held)
        {
            r.Dispose();
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, true);
        }
    }

    private static string Replace(string text, string find, string replace)
    {
        int i = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(i >= 0, $"the scenario has no '{find}'");
        return text[..i] + replace + text[(i + find.Length)..];
    }

    private static List<string> Fields(string csvLine)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        foreach (char c in csvLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
