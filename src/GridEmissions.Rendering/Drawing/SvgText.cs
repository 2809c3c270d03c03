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
    internal static void Normalise(string path, DocumentInfo? info)
    {
        string svg = File.ReadAllText(path, Encoding.UTF8);
        svg = RenumberIds(svg);
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

    private static string Join(DocumentInfo info) =>
        string.Join("; ", new[] { info.Subject, info.Keywords, info.Creator }.Where(s => s.Length > 0));

    [GeneratedRegex("(?<prefix>id=\"|#)(?<kind>(?:img|cl|pat|gr|mask|clip|image|pattern)_)(?<n>[0-9A-Fa-f]+)(?![0-9A-Za-z_-])")]
    private static partial Regex IdPattern();
}
