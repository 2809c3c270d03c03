using System.Globalization;

namespace GridEmissions.Analysis;

/// <summary>Field formatting shared by the CSV writers: invariant culture, round-trip numbers, RFC 4180 quoting.</summary>
internal static class CsvText
{
    /// <summary>Shortest round-trip text of a number; empty for NaN.</summary>
    public static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A text field, quoted when it holds a comma, quote or line break.</summary>
    public static string Field(string? value)
    {
        value ??= "";
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Writes one line of already formatted fields, ending with "\n".</summary>
    public static void Line(TextWriter writer, params string[] fields)
    {
        writer.Write(string.Join(',', fields));
        writer.Write('\n');
    }
}
