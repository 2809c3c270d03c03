using System.Reflection;
using System.Text.RegularExpressions;

namespace GridEmissions.Report;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (Leaflet, styles, script and all data inlined;
/// no network request, works from file://). Written to a temporary file and renamed into place.
/// </summary>
public static partial class ReportWriter
{
    /// <summary>The file name in a run folder.</summary>
    public const string FileName = "report.html";

    /// <summary>Builds the report of <paramref name="runDir"/> into <paramref name="outputPath"/> (default RUN_DIR/report.html); returns the path.</summary>
    public static string Write(string runDir, string? outputPath = null) => Write(runDir, outputPath, null);

    /// <summary>As <see cref="Write(string, string?)"/>, with grid overlays prepared earlier (<see cref="ReportData.PrepareOverlays"/>).</summary>
    public static string Write(string runDir, string? outputPath, ReportOverlays? overlays)
    {
        ArgumentNullException.ThrowIfNull(runDir);
        string target = Path.GetFullPath(outputPath ?? Path.Combine(runDir, FileName));
        string html = Html(ReportData.ToScriptJson(ReportData.Build(runDir, overlays)));
        string temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, html, ReportData.Utf8);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return target;
    }

    /// <summary>The page with the data JSON inlined.</summary>
    internal static string Html(string dataJson)
    {
        string css = UrlPattern().Replace(Resource("leaflet.css"), "none");
        string leaflet = SourceMapPattern().Replace(Resource("leaflet.js"), "");
        return Resource("report.html")
            .Replace("/*LEAFLET_CSS*/", css, StringComparison.Ordinal)
            .Replace("/*REPORT_CSS*/", Resource("report.css"), StringComparison.Ordinal)
            .Replace("/*LEAFLET_JS*/", leaflet.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase), StringComparison.Ordinal)
            .Replace("/*REPORT_JS*/", Resource("report.js"), StringComparison.Ordinal)
            .Replace("/*LEAFLET_LICENSE*/", Resource("leaflet.LICENSE").Replace("--", "- -", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("{/*DATA*/}", dataJson, StringComparison.Ordinal);
    }

    private static string Resource(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the report resource '{name}' is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"url\([^)]*\)")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"//# sourceMappingURL=\S+")]
    private static partial Regex SourceMapPattern();
}
