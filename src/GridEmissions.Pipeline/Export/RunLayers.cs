using System.Globalization;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Tabular;
using GridEmissions.Gdal;
using NetTopologySuite.Geometries;

namespace GridEmissions.Pipeline;

/// <summary>
/// The GIS layers of a run in <c>layers/</c>, for QGIS, ArcGIS, geopandas or a web map (EPSG:4326,
/// one geometry type per layer): <c>facilities</c> (a point per unit with its status, output,
/// emitted and captured CO2 in the key years, as GeoJSON and GeoPackage) and <c>top_cells</c>
/// (the largest cells of every key year and sector as cell polygons with their centres). Built
/// from the run's own tables (facilities.csv, analysis/top_cells.csv), so they say the same.
/// </summary>
public static class RunLayers
{
    /// <summary>Fields of the facility layer, with a status/output/emitted/captured column per key year.</summary>
    public static IReadOnlyList<VectorFieldSpec> FacilityFields(IReadOnlyList<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var fields = new List<VectorFieldSpec>
        {
            new("region", VectorFieldType.String),
            new("scenario", VectorFieldType.String),
            new("sector", VectorFieldType.String),
            new("facility_id", VectorFieldType.String),
            new("name", VectorFieldType.String),
            new("city_adcode", VectorFieldType.String),
            new("city", VectorFieldType.String),
            new("lon", VectorFieldType.Real),
            new("lat", VectorFieldType.Real),
            new("route", VectorFieldType.String),
            new("capacity", VectorFieldType.Real),
            new("capacity_unit", VectorFieldType.String),
            new("output_unit", VectorFieldType.String),
        };
        foreach (int y in years)
        {
            fields.Add(new(Invariant($"status_{y}"), VectorFieldType.String));
            fields.Add(new(Invariant($"output_{y}"), VectorFieldType.Real));
            fields.Add(new(Invariant($"emitted_t_{y}"), VectorFieldType.Real));
            fields.Add(new(Invariant($"captured_t_{y}"), VectorFieldType.Real));
        }

        return fields;
    }

    /// <summary>Fields of the top-cell layer.</summary>
    public static IReadOnlyList<VectorFieldSpec> TopCellFields { get; } =
    [
        new("region", VectorFieldType.String),
        new("scenario", VectorFieldType.String),
        new("year", VectorFieldType.Integer64),
        new("sector", VectorFieldType.String),
        new("rank", VectorFieldType.Integer64),
        new("cell_id", VectorFieldType.String),
        new("centre_lon", VectorFieldType.Real),
        new("centre_lat", VectorFieldType.Real),
        new("emissions_t", VectorFieldType.Real),
        new("share_of_total", VectorFieldType.Real),
    ];

    /// <summary>Writes the layers of the run whose tables are in <paramref name="runFolder"/> through <paramref name="file"/> (names relative to <c>layers/</c>).</summary>
    public static IReadOnlyList<string> Write(AnalysisContext context, string runFolder, Func<string, string> file)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(file);
        var written = new List<string>();
        string facilities = Path.Combine(runFolder, "facilities.csv");
        if (File.Exists(facilities))
        {
            var (spec, features) = Facilities(context, CsvTable.Load(facilities));
            VectorWriter.Write(file("facilities.geojson"), "GeoJSON", spec, features);
            VectorWriter.Write(file("facilities.gpkg"), "GPKG", spec, features);
            written.Add("facilities.geojson");
            written.Add("facilities.gpkg");
        }

        string top = Path.Combine(runFolder, "analysis", "top_cells.csv");
        if (File.Exists(top))
        {
            var (spec, features) = TopCells(context.Region.Grid, CsvTable.Load(top));
            VectorWriter.Write(file("top_cells.geojson"), "GeoJSON", spec, features);
            VectorWriter.Write(file("top_cells.gpkg"), "GPKG", spec, features);
            written.Add("top_cells.geojson");
            written.Add("top_cells.gpkg");
        }

        return written;
    }

    /// <summary>The facility layer: one point per facility id present in any key year, in order of first appearance.</summary>
    public static (VectorLayerSpec Spec, List<VectorFeature> Features) Facilities(AnalysisContext context, CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(table);
        IReadOnlyList<int> years = context.KeyYears;
        int Col(string name) => table.ColumnIndex(name) is int i and >= 0 ? i : throw new InvalidOperationException($"{table.File} has no column '{name}'");
        int year = Col("year"), id = Col("facility_id"), status = Col("status"), activity = Col("activity"), emitted = Col("emissions_t"), captured = Col("captured_t");
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var byId = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (CsvRow r in table.Rows)
        {
            int y = int.Parse(r[year], CultureInfo.InvariantCulture);
            if (!years.Contains(y))
            {
                continue;
            }

            string key = r[Col("sector")] + "/" + r[id];
            if (!byId.TryGetValue(key, out var a))
            {
                a = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["region"] = r[Col("region")],
                    ["scenario"] = r[Col("scenario")],
                    ["sector"] = r[Col("sector")],
                    ["facility_id"] = r[id],
                    ["name"] = r[Col("name")],
                    ["city_adcode"] = r[Col("city_adcode")],
                    ["city"] = r[Col("city")],
                    ["lon"] = Number(r[Col("lon")]),
                    ["lat"] = Number(r[Col("lat")]),
                    ["route"] = r[Col("route")],
                    ["capacity"] = Number(r[Col("capacity")]),
                    ["capacity_unit"] = r[Col("capacity_unit")],
                    ["output_unit"] = r[Col("activity_unit")],
                };
                foreach (int k in years)
                {
                    a[Invariant($"status_{k}")] = "absent";
                    a[Invariant($"output_{k}")] = 0.0;
                    a[Invariant($"emitted_t_{k}")] = 0.0;
                    a[Invariant($"captured_t_{k}")] = 0.0;
                }

                byId[key] = a;
                order.Add(key);
            }

            a[Invariant($"status_{y}")] = r[status];
            a[Invariant($"output_{y}")] = Number(r[activity]);
            a[Invariant($"emitted_t_{y}")] = Number(r[emitted]);
            a[Invariant($"captured_t_{y}")] = Number(r[captured]);
        }

        var features = new List<VectorFeature>(order.Count);
        foreach (string key in order)
        {
            var a = byId[key];
            features.Add(new VectorFeature(features.Count, factory.CreatePoint(new Coordinate((double)a["lon"]!, (double)a["lat"]!)), a));
        }

        return (new VectorLayerSpec("facilities", "EPSG:4326", FacilityFields(years), VectorGeometryType.Point), features);
    }

    /// <summary>The top-cell layer: each row of top_cells.csv as its cell's polygon (MultiPolygon, corners in lon/lat) with the centre.</summary>
    public static (VectorLayerSpec Spec, List<VectorFeature> Features) TopCells(GridSpec grid, CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(table);
        using var albers = SpatialReference.ChinaAlbersGrid();
        using var wgs84 = SpatialReference.Wgs84();
        using var toWgs84 = CoordinateTransformer.Create(albers, wgs84);
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var features = new List<VectorFeature>();
        int Col(string name) => table.ColumnIndex(name);
        foreach (CsvRow r in table.Rows)
        {
            string cellId = r[Col("cell_id")];
            int index = CellIndex(grid, cellId);
            Envelope e = grid.CellEnvelope(index);
            Coordinate centre = grid.CellCentre(index);
            var (lon, lat) = toWgs84.Transform(centre.X, centre.Y);
            Coordinate[] ring = [.. new[] { (e.MinX, e.MinY), (e.MaxX, e.MinY), (e.MaxX, e.MaxY), (e.MinX, e.MaxY), (e.MinX, e.MinY) }
                .Select(p => toWgs84.Transform(p.Item1, p.Item2)).Select(p => new Coordinate(p.X, p.Y))];
            var polygon = factory.CreateMultiPolygon([factory.CreatePolygon(ring)]);
            var a = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["region"] = r[Col("region")],
                ["scenario"] = r[Col("scenario")],
                ["year"] = long.Parse(r[Col("year")], CultureInfo.InvariantCulture),
                ["sector"] = r[Col("sector")],
                ["rank"] = long.Parse(r[Col("rank")], CultureInfo.InvariantCulture),
                ["cell_id"] = cellId,
                ["centre_lon"] = Math.Round(lon, 6),
                ["centre_lat"] = Math.Round(lat, 6),
                ["emissions_t"] = Number(r[Col("emissions_t")]),
                ["share_of_total"] = Number(r[Col("share_of_total")]),
            };
            features.Add(new VectorFeature(features.Count, polygon, a));
        }

        return (new VectorLayerSpec("top_cells", "EPSG:4326", TopCellFields, VectorGeometryType.MultiPolygon), features);
    }

    /// <summary>The row-major index of a cell id (<see cref="GridSpec.CellId"/>) of <paramref name="grid"/>.</summary>
    public static int CellIndex(GridSpec grid, string cellId)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(cellId);
        int n = cellId.IndexOf('N', StringComparison.Ordinal);
        if (cellId.Length < 4 || cellId[0] != 'E' || n < 2
            || !long.TryParse(cellId.AsSpan(1, n - 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out long column)
            || !long.TryParse(cellId.AsSpan(n + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out long row))
        {
            throw new ArgumentException($"'{cellId}' is not a cell id (E<column>N<row>)", nameof(cellId));
        }

        long c = column - grid.WestColumn, rr = grid.NorthRow - row;
        if (c < 0 || c >= grid.Columns || rr < 0 || rr >= grid.Rows)
        {
            throw new ArgumentException($"cell '{cellId}' is outside the grid {grid.Name}", nameof(cellId));
        }

        return grid.Index((int)c, (int)rr);
    }

    private static double Number(string s) => s.Length == 0 ? double.NaN : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => FormattableString.Invariant(s);
}
