using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GridEmissions.Core.Scenarios;

/// <summary>
/// Checks a scenario's YAML event stream before it is turned into nodes (which recurses and expands
/// aliases): nesting deeper than <see cref="MaxDepth"/> (a stack overflow otherwise), aliases to
/// undefined anchors, aliases or lists/mappings used as keys and more than <see cref="MaxAliases"/>
/// aliases (an "alias bomb" that costs minutes), tabs in indentation — each reported at its real line.
/// The event parser is a state machine, so this pass is safe on any input.
/// </summary>
internal static class YamlPreflight
{
    /// <summary>Deepest nesting of lists and mappings accepted (the scenario format needs 6).</summary>
    public const int MaxDepth = 32;

    /// <summary>Most aliases accepted in one file.</summary>
    public const int MaxAliases = 200;

    /// <summary>True when the file passed; otherwise the problem is in <paramref name="log"/>.</summary>
    public static bool Check(string text, ProblemLog log)
    {
        if (TabIndentLine(text) is int tabLine)
        {
            log.Add(tabLine, "this line is indented with a tab; YAML allows only spaces for indentation.", "replace the tab(s) at the start of the line with spaces (2 per level).");
            return false;
        }

        var parser = new Parser(new StringReader(text));
        var containers = new Stack<(bool Mapping, int Children)>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        int aliases = 0;
        int lastLine = 1;
        try
        {
            while (parser.MoveNext())
            {
                ParsingEvent e = parser.Current!;
                int line = checked((int)e.Start.Line);
                lastLine = Math.Max(lastLine, checked((int)e.End.Line));
                bool isKey = false;
                if (e is Scalar or AnchorAlias or MappingStart or SequenceStart && containers.Count > 0)
                {
                    var (mapping, children) = containers.Pop();
                    isKey = mapping && children % 2 == 0;
                    containers.Push((mapping, children + 1));
                }

                switch (e)
                {
                    case AnchorAlias alias:
                        aliases++;
                        if (!anchors.Contains(alias.Value.Value))
                        {
                            log.Add(line, $"the alias '*{alias.Value.Value}' refers to an anchor '&{alias.Value.Value}' that is not defined before it.", $"define '&{alias.Value.Value}' on an earlier value, or write the value out.");
                            return false;
                        }

                        if (isKey)
                        {
                            log.Add(line, $"the alias '*{alias.Value.Value}' is used as a key.", "write each key as a plain word followed by a colon.");
                            return false;
                        }

                        if (aliases > MaxAliases)
                        {
                            log.Add(line, $"the file uses more than {MaxAliases} aliases ('*name').", "write the values out; a scenario needs few or no aliases.");
                            return false;
                        }

                        break;
                    case MappingStart or SequenceStart:
                        if (isKey)
                        {
                            log.Add(line, "a list or mapping is used as a key.", "write each key as a plain word followed by a colon.");
                            return false;
                        }

                        if (containers.Count >= MaxDepth)
                        {
                            log.Add(line, $"lists and mappings are nested more than {MaxDepth} levels deep here.", "a scenario needs at most 6 levels: check for unbalanced '[' or '{', or flatten the structure.");
                            return false;
                        }

                        containers.Push((e is MappingStart, 0));
                        break;
                    case MappingEnd or SequenceEnd:
                        containers.Pop();
                        break;
                }

                if (e is NodeEvent { Anchor.IsEmpty: false } node)
                {
                    anchors.Add(node.Anchor.Value);
                }
            }
        }
        catch (YamlException ex)
        {
            int line = checked((int)ex.Start.Line);
            log.Add(line > 0 ? line : 1, $"the file is not valid YAML: {ex.Message}", "check the indentation, colons, brackets and quotes on this line and the one before it.");
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these (not a YamlException) on some malformed input, e.g. an unclosed '{' or a stray block-sequence marker.
            log.Add(lastLine, $"the file is not valid YAML: the parser stopped after this line ({ex.Message})",
                "check for an unclosed '{' or '[' or a missing quote on this line or the next.");
            return false;
        }

        return true;
    }

    /// <summary>The first line whose leading whitespace holds a tab (outside block scalars, which scenarios do not use), or null.</summary>
    private static int? TabIndentLine(string text)
    {
        int line = 1;
        bool atStart = true;
        foreach (char c in text)
        {
            if (c == '\n')
            {
                line++;
                atStart = true;
            }
            else if (atStart && c == '\t')
            {
                return line;
            }
            else if (c != ' ' && c != '\r')
            {
                atStart = false;
            }
        }

        return null;
    }
}
