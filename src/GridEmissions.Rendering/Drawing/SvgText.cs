using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace GridEmissions.Rendering;

/// <summary>
/// Post-processes an SVG Skia wrote: renumbers generated ids (Skia numbers them in hex from a process-wide counter) (pattern, image, clip, …) in order of
/// appearance, so the same drawing gives the same bytes whatever was drawn before in the process,
/// and adds &lt;title&gt; and &lt;desc&gt; after the root.
/// </summary>
internal static partial class SvgText
{
    internal static void Normalise(string path, DocumentInfo? info, IReadOnlyList<string>? drawnTexts = null)
    {
        string svg = File.ReadAllText(path, Encoding.UTF8);
        svg = RenumberIds(svg);
        if (drawnTexts is not null)
        {
            svg = RestoreCharacters(svg, drawnTexts);
        }

        if (info is not null)
        {
            int root = svg.IndexOf("<svg", StringComparison.Ordinal);
            int end = root < 0 ? -1 : svg.IndexOf('>', root);
            if (end < 0)
            {
                throw new InvalidDataException($"'{path}' has no <svg> root element");
            }

            string meta = $"\n<title>{SecurityElement.Escape(info.Title)}</title>\n<desc>{SecurityElement.Escape(Join(info))}</desc>";
            svg = svg.Insert(end + 1, meta);
        }

        File.WriteAllText(path, svg, new UTF8Encoding(false));
    }

    internal static string RenumberIds(string svg)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        return IdPattern().Replace(svg, m =>
        {
            string prefix = m.Groups["prefix"].Value, kind = m.Groups["kind"].Value, old = kind + m.Groups["n"].Value;
            if (!map.TryGetValue(old, out string? renamed))
            {
                int n = next.GetValueOrDefault(kind) + 1;
                next[kind] = n;
                renamed = kind + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                map[old] = renamed;
            }

            return prefix + renamed;
        });
    }

    /// <summary>
    /// Puts the drawn characters back into the &lt;text&gt; elements Skia wrote (one per drawn run, in
    /// order). Skia maps each glyph back to a character through the font's character map, so a glyph
    /// that two characters share comes back as the other one (Noto Sans CJK draws "–" and "‒" with one
    /// glyph). An element is rewritten only when the drawn run has exactly as many characters as the
    /// element has x positions (Skia's whitespace collapsing applied), so positions and characters stay paired.
    /// </summary>
    internal static string RestoreCharacters(string svg, IReadOnlyList<string> drawnTexts)
    {
        MatchCollection elements = TextElement().Matches(svg);
        if (elements.Count != drawnTexts.Count)
        {
            return svg; // not one element per run (should not happen): leave Skia's text as it is
        }

        var result = new StringBuilder(svg.Length);
        int last = 0;
        for (int i = 0; i < elements.Count; i++)
        {
            Match m = elements[i];
            string collapsed = CollapseLikeSkia(drawnTexts[i]);
            string escaped = SecurityElement.Escape(collapsed);
            int positions = m.Groups["x"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
            Group body = m.Groups["body"];
            result.Append(svg, last, body.Index - last);
            bool paired = collapsed.EnumerateRunes().Count() == positions;
            result.Append(paired ? escaped : body.Value);
            last = body.Index + body.Length;
        }

        result.Append(svg, last, svg.Length - last);
        return result.ToString();
    }

    /// <summary>Skia's SVG whitespace rule: a space or tab that follows whitespace (or starts the text) is dropped.</summary>
    private static string CollapseLikeSkia(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool lastWasSpace = true;
        foreach (char c in text)
        {
            bool space = c is ' ' or '\t';
            if (!(space && lastWasSpace))
            {
                sb.Append(c);
            }

            lastWasSpace = space;
        }

        return sb.ToString();
    }

    [GeneratedRegex("<text[^>]*?\\sx=\"(?<x>[^\"]*)\"[^>]*>\\s*(?<body>.*?)\\s*</text>", RegexOptions.Singleline)]
    private static partial Regex TextElement();

    private static string Join(DocumentInfo info) =>
        string.Join("; ", new[] { info.Subject, info.Keywords, info.Creator }.Where(s => s.Length > 0));

    [GeneratedRegex("(?<prefix>id=\"|#)(?<kind>(?:img|cl|pat|gr|mask|clip|image|pattern)_)(?<n>[0-9A-Fa-f]+)(?![0-9A-Za-z_-])")]
    private static partial Regex IdPattern();
}
