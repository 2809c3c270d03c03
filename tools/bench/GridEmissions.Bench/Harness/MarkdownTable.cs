using System.Globalization;
using System.Text;

namespace GridEmissions.Bench.Harness;

/// <summary>A Markdown table printed to stdout (ready to paste into BENCHMARKS.md).</summary>
public sealed class MarkdownTable(params string[] header)
{
    private readonly List<string[]> rows = [];

    /// <summary>Adds a row (cells already formatted).</summary>
    public void Add(params string[] cells) => rows.Add(cells);

    /// <summary>The table as Markdown.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("| ").Append(string.Join(" | ", header)).AppendLine(" |");
        sb.Append('|').Append(string.Concat(header.Select(_ => "---:|"))).AppendLine();
        foreach (string[] r in rows)
        {
            sb.Append("| ").Append(string.Join(" | ", r)).AppendLine(" |");
        }

        return sb.ToString();
    }

    /// <summary>Invariant number formatting.</summary>
    public static string F(double value, string format = "0.00") =>
        double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);
}
