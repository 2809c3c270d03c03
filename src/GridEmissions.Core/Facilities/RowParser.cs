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
            if (Math.Abs(v) <= 1e12)
            {
                return v;
            }

            Problem(row, $"column '{column}' holds '{s}', beyond any meaningful value (the limit is ±1e12).", $"check the value and its units in '{column}'.");
            return null;
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

    /// <summary>
    /// The frame every tracker reader shares: required columns (a missing one stops the read with a
    /// problem on line 1), the row filter (rows it rejects are counted as skipped), and the
    /// facilities each selected row gives.
    /// </summary>
    public static FacilityList ReadRows(CsvTable table, IEnumerable<string> required, Func<RowParser, CsvRow, bool> selected, string skippedReason,
        Func<RowParser, CsvRow, IEnumerable<Facility>> read)
    {
        var problems = RequireColumns(table, required);
        if (problems.Count > 0)
        {
            return new FacilityList([], problems, 0, string.Empty);
        }

        if (table.Rows.Count == 0)
        {
            problems.Add(new ScenarioProblem(table.File, 1, "the table has a header but no data rows, so it gives no facilities.",
                "give the tracker export with its rows, or remove this input from the scenario's `inputs:` (and the sectors that use it)."));
            return new FacilityList([], problems, 0, string.Empty);
        }

        var parser = new RowParser(table, problems);
        var list = new List<Facility>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        int skipped = 0;
        foreach (CsvRow row in table.Rows)
        {
            if (!selected(parser, row))
            {
                skipped++;
                continue;
            }

            foreach (Facility f in read(parser, row))
            {
                if (f.Id.Length > 0 && !firstLine.TryAdd(f.Id, row.Line) && firstLine[f.Id] != row.Line)
                {
                    parser.Problem(row, $"facility id '{f.Id}' appears again (first on line {firstLine[f.Id]}): the same unit would be counted twice.",
                        "remove the duplicated row, or give each unit its own id.");
                    continue;
                }

                list.Add(f);
            }
        }

        return new FacilityList(list, problems, skipped, skippedReason);
    }

    /// <summary>
    /// A unit's status, capacity and coordinates, or null when any is missing or wrong (each
    /// problem recorded with its line and fix).
    /// </summary>
    public UnitBasics? Basics(CsvRow row, string statusColumn, string capacityColumn, string capacityUnit, string lonColumn, string latColumn)
    {
        FacilityStatus? status = Status(row, statusColumn);
        double? capacity = OptionalNumber(row, capacityColumn);
        if (capacity is null or < 0)
        {
            Problem(row, $"capacity '{Text(row, capacityColumn)}' {capacityUnit} is missing or negative.", $"give the capacity in {capacityUnit} as a non-negative number.");
            return null;
        }

        if (!TryCoordinates(row, lonColumn, latColumn, out double lon, out double lat) || status is null)
        {
            return null;
        }

        return new UnitBasics(status.Value, capacity.Value, lon, lat);
    }

    /// <summary>"file:line" of a row, as facilities record their source.</summary>
    public string Source(CsvRow row) => $"{Table.File}:{row.Line}";

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

/// <summary>What every unit row must give: status, capacity and WGS84 location.</summary>
internal readonly record struct UnitBasics(FacilityStatus Status, double Capacity, double Longitude, double Latitude);
