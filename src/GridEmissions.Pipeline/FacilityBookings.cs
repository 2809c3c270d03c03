using System.Globalization;
using GridEmissions.Analysis;
using GridEmissions.Core.Tabular;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// The point sources of a run booked to their cities, read from the run's <c>facilities.csv</c>:
/// every record that emits goes to the city of its <c>city_adcode</c>, where the run located it
/// (<see cref="FacilityCities"/>: the polygon holding it, or the nearest city within
/// <see cref="FacilityCityLocator.DefaultReachMetres"/>), so city totals keep each facility whole in
/// its city instead of splitting its cell by area.
/// </summary>
public sealed class FacilityBookings
{
    private readonly Dictionary<(int Year, string Sector), List<BookedPoint>> points;

    private FacilityBookings(Dictionary<(int Year, string Sector), List<BookedPoint>> points) => this.points = points;

    /// <summary>The name of the facility table in a run folder.</summary>
    public const string FileName = "facilities.csv";

    /// <summary>The booked points of a sector in a year (all point sectors for <see cref="YearGrids.Total"/>), in file order.</summary>
    public IReadOnlyList<BookedPoint> Of(int year, string sector)
    {
        if (sector == YearGrids.Total)
        {
            return [.. points.Where(p => p.Key.Year == year).OrderBy(p => p.Key.Sector, StringComparer.Ordinal).SelectMany(p => p.Value)];
        }

        return points.TryGetValue((year, sector), out var list) ? list : [];
    }

    /// <summary>Reads <c>facilities.csv</c> of <paramref name="runFolder"/> and books each emitting record to its city.</summary>
    public static FacilityBookings Load(string runFolder, RegionGeography region)
    {
        ArgumentNullException.ThrowIfNull(region);
        string path = Path.Combine(runFolder, FileName);
        if (!File.Exists(path))
        {
            throw new InputError(path, "the facility table is missing.", "point at a complete `gridem run` output folder (it holds facilities.csv).");
        }

        CsvTable table = CsvTable.Load(path);
        string[] required = ["year", "sector", "city_adcode", "emissions_t", "cell_id"];
        if (table.MissingColumns(required) is { Count: > 0 } missing)
        {
            throw new InputError(path, "the facility table lacks the column(s) " + string.Join(", ", missing) + ".", "point at a `gridem run` output folder written by this version.");
        }

        int year = table.ColumnIndex("year"), sector = table.ColumnIndex("sector"), adcode = table.ColumnIndex("city_adcode");
        int emissions = table.ColumnIndex("emissions_t"), cellId = table.ColumnIndex("cell_id");
        var cellIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < region.Grid.CellCount; i++)
        {
            cellIndex[region.Grid.CellId(i)] = i;
        }

        // The run located every site once (FacilityCities: the polygon holding it, or the nearest city in reach) and wrote its adcode.
        var cityOf = new Dictionary<string, int>(StringComparer.Ordinal) { [string.Empty] = -1 };
        for (int c = 0; c < region.Cities.Count; c++)
        {
            cityOf[region.Cities[c].Adcode] = c;
        }

        var result = new Dictionary<(int Year, string Sector), List<BookedPoint>>();
        foreach (CsvRow row in table.Rows)
        {
            double t = Number(row, emissions, path, "emissions_t");
            if (t == 0)
            {
                continue;
            }

            if (!cellIndex.TryGetValue(row[cellId], out int cell))
            {
                throw new InputError(path, $"line {row.Line}: cell '{row[cellId]}' is not a cell of the region's grid '{region.Grid.Name}'.", "use the scenario the run was made with (--scenario).");
            }

            if (!cityOf.TryGetValue(row[adcode], out int city))
            {
                throw new InputError(path, $"line {row.Line}: city_adcode '{row[adcode]}' is not a city of region '{region.Region}'.", "use the scenario the run was made with (--scenario).");
            }

            int y0 = (int)Number(row, year, path, "year");
            var key = (y0, row[sector]);
            if (!result.TryGetValue(key, out var list))
            {
                result[key] = list = [];
            }

            list.Add(new BookedPoint(cell, city, t));
        }

        return new FacilityBookings(result);
    }

    private static double Number(CsvRow row, int column, string path, string name) =>
        double.TryParse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw new InputError(path, $"line {row.Line}: {name} '{row[column]}' is not a finite number.", "point at an unmodified `gridem run` output folder.");
}
