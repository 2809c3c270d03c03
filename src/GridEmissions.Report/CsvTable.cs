using System.Text;

namespace GridEmissions.Report;

/// <summary>A CSV file the run wrote (RFC 4180 quoting), read as rows of named fields.</summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> columns;

    private CsvTable(string path, string[] header, List<string[]> rows)
    {
        Path = path;
        columns = header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i, StringComparer.Ordinal);
        Rows = rows;
    }

    internal string Path { get; }

    internal IReadOnlyList<string[]> Rows { get; }

    /// <summary>True when the table has a column of that name.</summary>
    internal bool Has(string column) => columns.ContainsKey(column);

    internal static CsvTable Read(string path)
    {
        string[] lines = File.ReadAllLines(path, Encoding.UTF8);
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"'{path}' is empty: no CSV header");
        }

        string[] header = Split(lines[0]);
        var rows = new List<string[]>(lines.Length - 1);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            string[] row = Split(lines[i]);
            if (row.Length != header.Length)
            {
                throw new InvalidDataException($"'{path}' line {i + 1}: {row.Length} fields, the header has {header.Length}");
            }

            rows.Add(row);
        }

        return new CsvTable(path, header, rows);
    }

    /// <summary>The index of a column; throws naming the file when it is missing.</summary>
    internal int Column(string name) =>
        columns.TryGetValue(name, out int i) ? i : throw new InvalidDataException($"'{Path}' has no column '{name}'");

    private static string[] Split(string line)
    {
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            return line.Split(',');
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
