using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GridEmissions.Core.Scenarios;

/// <summary>
/// Reads a scenario file (YAML) into a <see cref="Scenario"/>. Every problem in the file is collected, with its line and a fix,
/// rather than stopping at the first: <see cref="Validate"/> returns them, <see cref="Read"/> throws them all together.
/// </summary>
public static class ScenarioReader
{
    /// <summary>Reads and validates a scenario file.</summary>
    /// <exception cref="ScenarioException">The file has problems; <see cref="ScenarioException.Problems"/> lists all of them.</exception>
    public static Scenario Read(string path)
    {
        var (scenario, problems) = Parse(path);
        if (problems.Count > 0 || scenario is null)
        {
            throw new ScenarioException(problems);
        }

        return scenario;
    }

    /// <summary>Every problem in a scenario file (empty when the file is valid), ordered by line.</summary>
    public static IReadOnlyList<ScenarioProblem> Validate(string path) => Parse(path).Problems;

    /// <summary>
    /// Reads a scenario file with some of its values replaced (an ensemble member): each key of
    /// <paramref name="values"/> is a target path (see <see cref="Uncertainty.ScenarioTarget"/>), its
    /// value the text written there instead; the result is validated like any scenario.
    /// </summary>
    public static Scenario ReadWith(string path, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (scenario, problems) = Parse(path, (root, log) =>
        {
            foreach (var (target, value) in values)
            {
                if (Uncertainty.ScenarioTarget.Resolve(root, target, out string problem) is { } node)
                {
                    node.Value = value;
                }
                else
                {
                    log.Add(0, $"the value '{target}' to replace is not in the scenario: {problem}.", "draw only the parameters of the scenario's own uncertainty block.");
                }
            }
        });
        if (problems.Count > 0 || scenario is null)
        {
            throw new ScenarioException(problems);
        }

        return scenario;
    }

    private static (Scenario? Scenario, IReadOnlyList<ScenarioProblem> Problems) Parse(string path, Action<YamlMappingNode, ProblemLog>? edit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        var log = new ProblemLog(full);
        if (!File.Exists(full))
        {
            log.Add(0, "the scenario file does not exist.", "check the path to the scenario file.");
            return (null, log.Sorted());
        }

        var root = Load(full, log);
        if (root is null)
        {
            return (null, log.Sorted());
        }

        edit?.Invoke(root, log);
        var ctx = new ScenarioParseContext(log, Path.GetDirectoryName(full)!);
        var scenario = ScenarioParser.Read(new YamlSection(root, string.Empty, log), full, ctx);
        return (log.Count == 0 ? scenario : null, log.Sorted());
    }

    private static YamlMappingNode? Load(string file, ProblemLog log)
    {
        string? text = InputText.Read(file, log);
        if (text is null || !YamlPreflight.Check(text, log))
        {
            return null;
        }

        var stream = new YamlStream();
        using var reader = new StringReader(text);
        var parser = new LineTrackingParser(new Parser(reader));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            log.Add(checked((int)ex.Start.Line), $"the file is not valid YAML: {ex.Message}",
                "check the indentation, colons, brackets and quotes on this line and the one before it.");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these (not a YamlException) on some malformed input, e.g. an unclosed '{' or a stray block-sequence marker.
            log.Add(parser.LastLine, $"the file is not valid YAML: the parser stopped after this line ({ex.Message})",
                "check for an unclosed '{' or '[' or a missing quote on this line or the next.");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            log.Add(0, "the scenario file is empty.", "write the scenario as described in docs/scenario-format.md.");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            log.Add(stream.Documents[1].RootNode, "the file holds more than one YAML document.", "keep one scenario per file (remove the '---' separator).");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            log.Add(stream.Documents[0].RootNode, "the scenario must be a mapping of 'key: value' lines.", "start the file with 'id:', 'region:', 'years:' and the other keys in docs/scenario-format.md.");
            return null;
        }

        return root;
    }
}

/// <summary>Passes parser events through, remembering the line of the last one (to place errors the parser reports without a position).</summary>
internal sealed class LineTrackingParser(IParser inner) : IParser
{
    public int LastLine { get; private set; }

    public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        bool moved = inner.MoveNext();
        if (inner.Current is { } e)
        {
            LastLine = checked((int)e.End.Line);
        }

        return moved;
    }
}
