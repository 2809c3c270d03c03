using System.Text;

namespace GridEmissions.Core.Tabular;

/// <summary>
/// A parsed CSV file (RFC 4180: quoted fields with commas, doubled quotes and line breaks)
/// that keeps each row's 1-based line number so problems can name it.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> columnIndex;

    private CsvTable(string file, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        File = file;
        Header = header;
        Rows = rows;
        columnIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Count; i++)
        {
            columnIndex.TryAdd(header[i].Trim(), i);
        }
    }

    /// <summary>The file the table came from.</summary>
    public string File { get; }

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows.</summary>
    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>True when the column exists.</summary>
    public bool HasColumn(string name) => columnIndex.ContainsKey(name);

    /// <summary>Index of a column, or -1.</summary>
    public int ColumnIndex(string name) => columnIndex.TryGetValue(name, out int i) ? i : -1;

    /// <summary>Columns from <paramref name="required"/> that the table lacks.</summary>
    public IReadOnlyList<string> MissingColumns(IEnumerable<string> required) =>
        required.Where(c => !HasColumn(c)).ToArray();

    /// <summary>Parses CSV text. <paramref name="file"/> is used in messages only.</summary>
    public static CsvTable Parse(TextReader reader, string file, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        string text = reader.ReadToEnd();
        var records = new List<CsvRow>();
        int line = 1, pos = 0;
        while (pos < text.Length)
        {
            int newline = text.IndexOf('\n', pos);
            int stop = newline < 0 ? text.Length : newline;
            ReadOnlySpan<char> span = text.AsSpan(pos, stop - pos);
            if (span.Contains('"'))
            {
                pos = ParseQuoted(text, pos, separator, records, ref line);
                continue;
            }

            // A record on one line without quotes: the fields between separators, carriage returns dropped
            // (what the quoted parser below does with such a line, in one pass).
            string row = span.Contains('\r') ? span.ToString().Replace("\r", string.Empty, StringComparison.Ordinal) : span.ToString();
            if (newline >= 0 || row.Length > 0)
            {
                AddRecord(records, row.Split(separator), line);
            }

            pos = stop + 1;
            line++;
        }

        if (records.Count == 0)
        {
            return new CsvTable(file, [], []);
        }

        string[] header = records[0].Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        return new CsvTable(file, header, records.Skip(1).ToArray());
    }

    /// <summary>Reads and parses a UTF-8 CSV file.</summary>
    public static CsvTable Load(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, path);
    }

    /// <summary>
    /// Parses one record from <paramref name="pos"/> character by character (quoted fields, doubled quotes, line
    /// breaks inside quotes); returns the position after the record's line break (or the end of the text).
    /// </summary>
    private static int ParseQuoted(string text, int pos, char separator, List<CsvRow> records, ref int line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int recordLine = line;
        bool inQuotes = false, fieldStarted = false;
        while (pos < text.Length)
        {
            char ch = text[pos++];
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (pos < text.Length && text[pos] == '"')
                    {
                        pos++;
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            if (ch == '"' && !fieldStarted)
            {
                inQuotes = true;
                fieldStarted = true;
            }
            else if (ch == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
            }
            else if (ch == '\r')
            {
                // handled with the following \n
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                AddRecord(records, [.. fields], recordLine);
                line++;
                return pos;
            }
            else
            {
                field.Append(ch);
                fieldStarted = true;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            AddRecord(records, [.. fields], recordLine);
        }

        return pos;
    }

    private static void AddRecord(List<CsvRow> records, string[] fields, int line)
    {
        if (fields.Length == 1 && fields[0].Length == 0)
        {
            return; // blank line
        }

        records.Add(new CsvRow(line, fields));
    }
}

/// <summary>One CSV record and the line it starts on.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>The field at a column index, or "" when the row is short.</summary>
    public string this[int column] => column >= 0 && column < Fields.Count ? Fields[column] : string.Empty;
}
