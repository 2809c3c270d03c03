using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace GridEmissions.Core.Scenarios;

/// <summary>A YAML mapping being read: finds keys, converts scalars and logs every problem with its line.</summary>
internal sealed class YamlSection
{
    private readonly List<(string Name, YamlNode Key, YamlNode Value)> entries = [];

    public YamlSection(YamlMappingNode node, string path, ProblemLog log)
    {
        Node = node;
        Path = path;
        Log = log;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } name })
            {
                entries.Add((name, key, value));
            }
            else
            {
                log.Add(key, $"{Where} has a key that is not a plain name.", "write each key as a plain word followed by a colon.");
            }
        }
    }

    public YamlMappingNode Node { get; }

    /// <summary>Dotted path of this mapping in the file ("" for the top level).</summary>
    public string Path { get; }

    public ProblemLog Log { get; }

    /// <summary>The mapping's location for messages.</summary>
    public string Where => Path.Length == 0 ? "the top level" : $"'{Path}'";

    public IEnumerable<string> Keys => entries.Select(e => e.Name);

    public IEnumerable<(string Name, YamlNode Key, YamlNode Value)> Entries => entries;

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public YamlNode? Get(string key)
    {
        foreach (var e in entries)
        {
            if (e.Name == key)
            {
                return e.Value;
            }
        }

        return null;
    }

    public bool Has(string key) => Get(key) is not null;

    /// <summary>Reports every key not in <paramref name="allowed"/>, with a "did you mean".</summary>
    public void CheckKeys(IReadOnlyCollection<string> allowed)
    {
        foreach (var (name, key, _) in entries)
        {
            if (!allowed.Contains(name))
            {
                Log.Add(key, $"unknown key '{name}' in {Where}.", Spelling.Fix(name, allowed, "key"));
            }
        }
    }

    public void Missing(string key, string example) =>
        Log.Add(Node, $"{Where} is missing the required key '{key}'.", $"add '{key}: {example}' to {Where}.");

    public YamlNode? Value(string key, bool required, string example)
    {
        var node = Get(key);
        if (node is null && required)
        {
            Missing(key, example);
        }

        return node;
    }

    public double? Number(string key, bool required, string example = "<number>")
    {
        var node = Value(key, required, example);
        return node is null ? null : ToNumber(node, PathOf(key));
    }

    public int? Integer(string key, bool required, string example = "<whole number>")
    {
        var node = Value(key, required, example);
        return node is null ? null : ToInteger(node, PathOf(key));
    }

    public string? Text(string key, bool required, string example = "<text>")
    {
        var node = Value(key, required, example);
        return node is null ? null : ToText(node, PathOf(key));
    }

    public YamlSection? Section(string key, bool required, string example = "{ … }")
    {
        var node = Value(key, required, example);
        return node is null ? null : ToSection(node, PathOf(key));
    }

    public YamlSequenceNode? Sequence(string key, bool required, string example = "[ … ]")
    {
        var node = Value(key, required, example);
        if (node is null)
        {
            return null;
        }

        if (node is YamlSequenceNode seq)
        {
            return seq;
        }

        Log.Add(node, $"'{PathOf(key)}' must be a list, got {Show(node)}.", $"write '{key}:' as a list, e.g. [a, b] or one '- item' per line.");
        return null;
    }

    /// <summary>The mapping items of a list; non-mapping items are reported and skipped.</summary>
    public IReadOnlyList<YamlSection> Items(string key, bool required, string example = "[{ … }]")
    {
        var seq = Sequence(key, required, example);
        if (seq is null)
        {
            return [];
        }

        var items = new List<YamlSection>();
        int i = 0;
        foreach (var child in seq.Children)
        {
            var section = ToSection(child, $"{PathOf(key)}[{i}]");
            if (section is not null)
            {
                items.Add(section);
            }

            i++;
        }

        return items;
    }

    /// <summary>Strings of a list; non-text items are reported and skipped.</summary>
    public IReadOnlyList<(string Text, YamlNode Node)> Strings(string key, bool required, string example)
    {
        var seq = Sequence(key, required, example);
        if (seq is null)
        {
            return [];
        }

        var list = new List<(string, YamlNode)>();
        foreach (var child in seq.Children)
        {
            string? s = ToText(child, PathOf(key));
            if (s is not null)
            {
                list.Add((s, child));
            }
        }

        return list;
    }

    /// <summary>Reads the required <c>basis</c> (study or assumption) and <c>note</c> of a number block.</summary>
    public Provenance ReadProvenance()
    {
        string? basis = Text("basis", required: false);
        string? note = Text("note", required: false);
        if (!Has("basis"))
        {
            Log.Add(Node, $"{Where} has no 'basis': every number block says where its numbers come from.",
                "add 'basis: study' if the numbers are quoted from the source studies or 'basis: assumption' if they are the scenario's own, with a 'note:' saying which table or why.");
        }
        else if (basis is not null && basis != Provenance.Study && basis != Provenance.Data && basis != Provenance.Assumption)
        {
            Log.Add(Get("basis"), $"'{PathOf("basis")}' is '{basis}', which is not a basis.",
                Spelling.Fix(basis, [Provenance.Study, Provenance.Data, Provenance.Assumption], "value"));
        }

        if (!Has("note"))
        {
            Log.Add(Node, $"{Where} has no 'note'.",
                "add 'note: \"…\"' naming the study's table or sentence, or the reason for the assumption.");
        }

        return new Provenance(basis ?? Provenance.Assumption, note ?? string.Empty);
    }

    public YamlSection? ToSection(YamlNode node, string path)
    {
        if (node is YamlMappingNode map)
        {
            return new YamlSection(map, path, Log);
        }

        Log.Add(node, $"'{path}' must be a mapping of 'key: value' pairs, got {Show(node)}.", "write it as { key: value, … } or as indented 'key: value' lines.");
        return null;
    }

    /// <summary>Largest magnitude of any number in a scenario (1e12: far above every physical quantity it holds, far below overflow).</summary>
    public const double MaxMagnitude = 1e12;

    public double? ToNumber(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } s } &&
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
        {
            if (Math.Abs(v) > MaxMagnitude)
            {
                Log.Add(node, $"'{path}' is {s}, beyond any meaningful value (the limit is ±1e12).", "check the value and its units (Mt CO2, MW, per cent, metres).");
                return null;
            }

            return v;
        }

        Log.Add(node, $"'{path}' must be a number, got {Show(node)}.", "write a plain number such as 12.5 (decimal point, no units, no quotes).");
        return null;
    }

    public int? ToInteger(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } s } &&
            int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
        {
            return v;
        }

        Log.Add(node, $"'{path}' must be a whole number, got {Show(node)}.", "write a whole number such as 2030 (no decimals, units or quotes).");
        return null;
    }

    public string? ToText(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } s })
        {
            return s;
        }

        Log.Add(node, $"'{path}' must be a text value, got {Show(node)}.", "write a single word or a quoted text.");
        return null;
    }

    public static string Show(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { Length: > 0 } s } => $"'{s}'",
        YamlScalarNode => "an empty value",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };
}
