using System.Globalization;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tabular;

namespace GridEmissions.Core.Facilities;

/// <summary>Reads typed fields from a CSV row, recording a problem (file, line, column, fix) for each bad value.</summary>
internal sealed class RowParser(CsvTable table, List<ScenarioProblem> problems)
{
    public CsvTable Table { get; } = table;

    public string Text(CsvRow row, string column) => row[Table.ColumnIndex(column)].Trim();

    public double? OptionalNumber(CsvRow row, string column)
    {
        string s = Text(row, column);
        if (s.Length == 0)
        {
            return null;
        }

        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
        {
            return v;
        }

        Problem(row, $"column '{column}' holds '{s}', which is not a number.", $"write a plain number (e.g. 600 or 0.53) in '{column}', or leave it empty.");
        return null;
    }

    public int? OptionalYear(CsvRow row, string column)
    {
        string s = Text(row, column);
        if (s.Length == 0)
        {
            return null;
        }

        // GEM writes years as "2015", "2015.0" or dates such as "2010-04".
        string head = s.Length >= 4 ? s[..4] : s;
        if (int.TryParse(head, NumberStyles.Integer, CultureInfo.InvariantCulture, out int y) && y is >= 1900 and <= 2200)
        {
            return y;
        }

        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d is >= 1900 and <= 2200)
        {
            return (int)d;
        }

        Problem(row, $"column '{column}' holds '{s}', which is not a year.", $"write a four-digit year in '{column}', or leave it empty.");
        return null;
    }

    public bool TryCoordinates(CsvRow row, string lonColumn, string latColumn, out double lon, out double lat)
    {
        lon = double.NaN;
        lat = double.NaN;
        string ls = Text(row, lonColumn), as_ = Text(row, latColumn);
        bool ok = double.TryParse(ls, NumberStyles.Float, CultureInfo.InvariantCulture, out lon)
            & double.TryParse(as_, NumberStyles.Float, CultureInfo.InvariantCulture, out lat);
        if (!ok || !double.IsFinite(lon) || !double.IsFinite(lat) || lon is < -180 or > 180 || lat is < -90 or > 90)
        {
            Problem(row, $"coordinates are missing or invalid (longitude '{ls}', latitude '{as_}').",
                $"give WGS84 decimal degrees in '{lonColumn}' and '{latColumn}' (e.g. 113.66 and 34.76), or remove the row.");
            return false;
        }

        return true;
    }

    public FacilityStatus? Status(CsvRow row, string column)
    {
        string s = Text(row, column);
        FacilityStatus? status = FacilityStatuses.Parse(s);
        if (status is null)
        {
            Problem(row, $"status '{s}' is not a known status.", $"use one of: {string.Join(", ", FacilityStatuses.Words)}.");
        }

        return status;
    }

    public void Problem(CsvRow row, string message, string fix) =>
        problems.Add(new ScenarioProblem(Table.File, row.Line, message, fix));

    public static List<ScenarioProblem> RequireColumns(CsvTable table, IEnumerable<string> columns)
    {
        var list = new List<ScenarioProblem>();
        foreach (string c in table.MissingColumns(columns))
        {
            list.Add(new ScenarioProblem(table.File, 1, $"the header has no column '{c}'.", $"add a '{c}' column (header is on line 1) or check the file is the right tracker export."));
        }

        return list;
    }
}
