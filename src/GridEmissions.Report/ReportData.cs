using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridEmissions.Gdal;
using GridEmissions.Rendering;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace GridEmissions.Report;

/// <summary>
/// Everything the report shows, read from a finished run folder only (manifest, grids, CSVs,
/// GeoJSON, the pathway SVG) and put into one JSON object: grid overlays per year × sector as
/// Web Mercator PNGs (data URLs) coloured with the static maps' classed log scale, city outlines
/// with totals of every year and sector, hotspot zones of the analysed years, facilities with
/// their status per year, the audit summary, inputs and attributions.
/// </summary>
public static class ReportData
{
    /// <summary>Longer side of each overlay image in pixels.</summary>
    public const int OverlayPixels = 480;

    private static readonly Dictionary<string, string> SectorNamesZh = new(StringComparer.Ordinal)
    {
        ["power"] = "电力", ["steel"] = "钢铁", ["cement"] = "水泥", ["petrochemicals"] = "石化",
        ["other_industry"] = "其他工业", ["transport"] = "交通", ["buildings"] = "建筑", ["agriculture"] = "农业", ["total"] = "合计",
    };

    /// <summary>
    /// The grid overlays of <paramref name="runDir"/> for <paramref name="startYear"/>–<paramref name="endYear"/>,
    /// prepared ahead of the rest of the report: they need only the yearly grids, so a run can encode
    /// them while it writes its analysis. <see cref="Build(string, ReportOverlays?)"/> uses them when
    /// their years are the report's.
    /// </summary>
    public static ReportOverlays PrepareOverlays(string runDir, int startYear, int endYear)
    {
        ArgumentNullException.ThrowIfNull(runDir);
        string File(string relative) => Path.Combine(runDir, relative);
        int[] years = [.. Enumerable.Range(startYear, endYear - startYear + 1).Where(y => System.IO.File.Exists(File($"grids/emissions_{y}.tif")))];
        var fields = new JsonObject();
        string[] sectors = years.Length == 0 ? [] : Overlays(fields, File, years);
        return new ReportOverlays(years, fields, sectors);
    }

    /// <summary>Builds the report's JSON from <paramref name="runDir"/>.</summary>
    public static JsonObject Build(string runDir) => Build(runDir, null);

    /// <summary>Builds the report's JSON from <paramref name="runDir"/>, with overlays prepared earlier when they cover the same years.</summary>
    public static JsonObject Build(string runDir, ReportOverlays? prepared)
    {
        ArgumentNullException.ThrowIfNull(runDir);
        string File(string relative) => Path.Combine(runDir, relative);
        using JsonDocument manifest = JsonDocument.Parse(System.IO.File.ReadAllText(File("manifest.json")));
        JsonElement m = manifest.RootElement;
        int start = m.GetProperty("start_year").GetInt32(), end = m.GetProperty("end_year").GetInt32();
        int[] years = [.. Enumerable.Range(start, end - start + 1).Where(y => System.IO.File.Exists(File($"grids/emissions_{y}.tif")))];
        if (years.Length == 0)
        {
            throw new InvalidDataException($"'{runDir}' has no grids/emissions_<year>.tif");
        }

        var root = new JsonObject
        {
            ["tool"] = m.GetProperty("tool").GetString(),
            ["scenario"] = m.GetProperty("scenario_id").GetString(),
            ["title"] = m.GetProperty("scenario_title").GetString(),
            ["region"] = m.GetProperty("region").GetString(),
            ["units"] = m.GetProperty("units").GetString(),
            ["years"] = new JsonArray([.. years.Select(y => (JsonNode)y)]),
        };

        string[] sectors;
        if (prepared is not null && prepared.Years.SequenceEqual(years))
        {
            sectors = prepared.Sectors;
            MoveFields(prepared.Fields, root);
        }
        else
        {
            sectors = Overlays(root, File, years);
        }

        root["sectors"] = new JsonArray([.. sectors.Select(s => (JsonNode)new JsonObject { ["id"] = s, ["zh"] = SectorNamesZh.GetValueOrDefault(s, s) })]);
        // The parts read different files of the run: built on every core, then added in this order.
        JsonObject[] parts = [[], [], [], []];
        Parallel.Invoke(
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => Cities(parts[0], File, years, sectors, start),
            () => Zones(parts[1], File, years),
            () => Facilities(parts[2], File, years),
            () => Audit(parts[3], File));
        foreach (JsonObject part in parts)
        {
            MoveFields(part, root);
        }
        root["inputs"] = new JsonArray([.. m.GetProperty("inputs").EnumerateArray().Select(i => (JsonNode)new JsonObject
        {
            ["role"] = i.GetProperty("role").GetString(),
            ["file"] = i.GetProperty("file").GetString(),
            ["sha256"] = i.GetProperty("sha256").GetString(),
            ["licence"] = i.TryGetProperty("licence", out JsonElement l) ? l.GetString() : null,
            ["attribution"] = i.TryGetProperty("attribution", out JsonElement a) ? a.GetString() : null,
        })]);
        root["license"] = m.TryGetProperty("license", out JsonElement licence) ? licence.GetString() : null;
        root["pathwaySvg"] = System.IO.File.Exists(File("maps/pathway.svg")) ? StripXmlDeclaration(System.IO.File.ReadAllText(File("maps/pathway.svg"))) : null;
        return root;
    }

    private static string[] Overlays(JsonObject root, Func<string, string> file, int[] years)
    {
        var encoder = new OverlayEncoder();
        foreach (int year in years)
        {
            using RasterDataset tif = RasterDataset.Open(file($"grids/emissions_{year}.tif"));
            string[] names = [.. Enumerable.Range(1, tif.BandCount).Select(tif.BandDescription)];
            encoder.Add(year, tif.Width, tif.Height, tif.GeoTransform, tif.CrsWkt, names, [.. Enumerable.Range(1, names.Length).Select(tif.ReadBand)], parallel: true);
        }

        ReportOverlays overlays = encoder.Complete();
        MoveFields(overlays.Fields, root);
        return overlays.Sectors;
    }

    /// <summary>Moves every member of <paramref name="from"/> to <paramref name="to"/>, in order (a JSON node has one parent).</summary>
    private static void MoveFields(JsonObject from, JsonObject to)
    {
        foreach (string key in from.Select(p => p.Key).ToList())
        {
            JsonNode? node = from[key];
            from.Remove(key);
            to[key] = node;
        }
    }

    /// <summary>One band as a PNG data URL of the Web Mercator overlay (cells without emissions transparent).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // a pixel loop run 333 times: optimised from the first call
    internal static string Encode(MercatorOverlay overlay, double[] values, ClassedScale scale)
    {
        // Each cell is classed once; the pixels then take their cell's palette entry (in order of first appearance).
        var colourOfCell = new int[values.Length]; // 0: transparent, k + 1: class k
        for (int cell = 0; cell < values.Length; cell++)
        {
            double v = values[cell];
            colourOfCell[cell] = v > 0 && double.IsFinite(v) ? scale.Classify(v) + 1 : 0;
        }

        var slot = new int[scale.ClassCount + 1];
        Array.Fill(slot, -1);
        var palette = new List<Rgba>();
        var indices = new byte[overlay.Width * overlay.Height];
        for (int y = 0; y < overlay.Height; y++)
        {
            for (int x = 0; x < overlay.Width; x++)
            {
                int cell = overlay.CellOf(x, y);
                int colour = cell < 0 ? 0 : colourOfCell[cell];
                if (slot[colour] < 0)
                {
                    slot[colour] = palette.Count;
                    palette.Add(colour == 0 ? Rgba.Transparent : scale.ColourOfClass(colour - 1));
                }

                indices[y * overlay.Width + x] = (byte)slot[colour];
            }
        }

        return "data:image/png;base64," + Convert.ToBase64String(PngImage.EncodeIndexed(overlay.Width, overlay.Height, indices, palette));
    }

    /// <summary>Overlay pixels (as lat/lon) inside the three largest cells of the base year, with their colour: the browser test looks for them on screen.</summary>
    internal static void AddProbes(JsonArray probes, MercatorOverlay overlay, double[] values, ClassedScale scale)
    {
        int[] top = [.. values.Select((v, i) => (v, i)).Where(p => double.IsFinite(p.v) && p.v > 0).OrderByDescending(p => p.v).Take(3).Select(p => p.i)];
        foreach (int cell in top)
        {
            // The pixel whose 5 × 5 neighbourhood lies wholly in the cell (away from its edges and any outline).
            for (int i = 0; i < overlay.Width * overlay.Height; i++)
            {
                int x = i % overlay.Width, y = i / overlay.Width;
                if (x < 2 || y < 2 || x >= overlay.Width - 2 || y >= overlay.Height - 2 || overlay.CellOf(x, y) != cell)
                {
                    continue;
                }

                bool inside = true;
                for (int dy = -2; dy <= 2 && inside; dy++)
                {
                    for (int dx = -2; dx <= 2; dx++)
                    {
                        inside &= overlay.CellOf(x + dx, y + dy) == cell;
                    }
                }

                if (inside)
                {
                    double fx = (x + 0.5) / overlay.Width, fy = (y + 0.5) / overlay.Height;
                    double mx = MercatorOverlay.MercatorX(overlay.West) + fx * (MercatorOverlay.MercatorX(overlay.East) - MercatorOverlay.MercatorX(overlay.West));
                    double my = MercatorOverlay.MercatorY(overlay.North) - fy * (MercatorOverlay.MercatorY(overlay.North) - MercatorOverlay.MercatorY(overlay.South));
                    probes.Add(new JsonObject
                    {
                        ["lat"] = (2 * Math.Atan(Math.Exp(my / 6378137.0)) - Math.PI / 2) * 180 / Math.PI,
                        ["lon"] = mx / 6378137.0 * 180 / Math.PI,
                        ["colour"] = scale.ColourOf(values[cell]).ToString(),
                    });
                    break;
                }
            }
        }
    }

    private static void Cities(JsonObject root, Func<string, string> file, int[] years, string[] sectors, int start)
    {
        VectorLayer layer = VectorReader.Read(file($"analysis/cities_{start}.geojson"));
        var spec = new VectorLayerSpec("cities", "EPSG:4326", [new VectorFieldSpec("adcode", VectorFieldType.String), new VectorFieldSpec("name_zh", VectorFieldType.String), new VectorFieldSpec("name_en", VectorFieldType.String)]);
        var features = layer.Features.Select(f => f with { Geometry = f.Geometry is null ? null : TopologyPreservingSimplifier.Simplify(f.Geometry, 0.005) });
        using var json = new MemoryStream();
        GeoJsonWriter.Write(json, spec, features);
        root["cities"] = JsonNode.Parse(json.ToArray());

        CsvTable totals = CsvTable.Read(file("analysis/city_totals.csv"));
        int cYear = totals.Column("year"), cSector = totals.Column("sector"), cCode = totals.Column("adcode"), cT = totals.Column("emissions_t");
        int cArea = totals.Column("area_km2"), cZh = totals.Column("name_zh"), cEn = totals.Column("name_en");
        var yearIndex = years.Select((y, i) => (y, i)).ToDictionary(p => p.y, p => p.i);
        var sectorIndex = sectors.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        var byCity = new SortedDictionary<string, (string Zh, string En, double Area, double[][] T)>(StringComparer.Ordinal);
        foreach (string[] row in totals.Rows)
        {
            string code = row[cCode];
            if (code.Length == 0 || code.StartsWith("__", StringComparison.Ordinal)
                || !yearIndex.TryGetValue(int.Parse(row[cYear], CultureInfo.InvariantCulture), out int yi)
                || !sectorIndex.TryGetValue(row[cSector], out int si))
            {
                continue;
            }

            if (!byCity.TryGetValue(code, out var city))
            {
                city = (row[cZh], row[cEn], double.Parse(row[cArea], CultureInfo.InvariantCulture), [.. sectors.Select(_ => new double[years.Length])]);
                byCity[code] = city;
            }

            city.T[si][yi] = Math.Round(double.Parse(row[cT], CultureInfo.InvariantCulture), 1);
        }

        root["cityTotals"] = new JsonArray([.. byCity.Select(c => (JsonNode)new JsonObject
        {
            ["adcode"] = c.Key,
            ["zh"] = c.Value.Zh,
            ["en"] = c.Value.En,
            ["area_km2"] = Math.Round(c.Value.Area, 1),
            ["t"] = new JsonArray([.. c.Value.T.Select(s => (JsonNode)new JsonArray([.. s.Select(v => (JsonNode)v)]))]),
        })]);
    }

    private static void Zones(JsonObject root, Func<string, string> file, int[] years)
    {
        var zones = new JsonObject();
        foreach (int year in years)
        {
            string path = file($"analysis/hotspot_zones_{year}.geojson");
            if (System.IO.File.Exists(path))
            {
                JsonNode collection = JsonNode.Parse(System.IO.File.ReadAllText(path))!;
                JsonArray features = collection["features"]!.AsArray();
                var total = new JsonArray([.. features.Where(f => (string?)f!["properties"]!["sector"] == "total").Select(f => f!.DeepClone())]);
                zones[year.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["type"] = "FeatureCollection", ["features"] = total };
            }
        }

        root["zones"] = zones;
    }

    private static void Facilities(JsonObject root, Func<string, string> file, int[] years)
    {
        string path = file("facilities.csv");
        if (!System.IO.File.Exists(path))
        {
            root["facilities"] = new JsonArray();
            return;
        }

        using RasterDataset tif = RasterDataset.Open(file($"grids/emissions_{years[0]}.tif"));
        double[] gt = tif.GeoTransform;
        using SpatialReference grid = SpatialReference.FromWkt(tif.CrsWkt);
        using SpatialReference wgs84 = SpatialReference.Wgs84();
        using CoordinateTransformer toLonLat = CoordinateTransformer.Create(grid, wgs84);
        long west = (long)Math.Round(gt[0] / gt[1]), north = (long)Math.Round(gt[3] / -gt[5]) - 1;

        CsvTable table = CsvTable.Read(path);
        int cYear = table.Column("year"), cSector = table.Column("sector"), cId = table.Column("facility_id"), cName = table.Column("name");
        int cStatus = table.Column("status"), cT = table.Column("emissions_t"), cCell = table.Column("cell_id");
        var yearIndex = years.Select((y, i) => (y, i)).ToDictionary(p => p.y, p => p.i);
        var units = new SortedDictionary<string, (string Name, string Sector, string Cell, string[] Status, double[] T)>(StringComparer.Ordinal);
        foreach (string[] row in table.Rows)
        {
            if (!yearIndex.TryGetValue(int.Parse(row[cYear], CultureInfo.InvariantCulture), out int yi))
            {
                continue;
            }

            string key = row[cSector] + "/" + row[cId];
            if (!units.TryGetValue(key, out var unit))
            {
                unit = (row[cName], row[cSector], row[cCell], new string[years.Length], new double[years.Length]);
                units[key] = unit;
            }

            unit.Status[yi] = row[cStatus];
            unit.T[yi] = Math.Round(double.Parse(row[cT], CultureInfo.InvariantCulture), 0);
        }

        var list = new JsonArray();
        foreach (var (key, u) in units)
        {
            int n = u.Cell.IndexOf('N', StringComparison.Ordinal);
            if (u.Cell.Length < 4 || u.Cell[0] != 'E' || n < 2)
            {
                continue;
            }

            long col = long.Parse(u.Cell.AsSpan(1, n - 1), CultureInfo.InvariantCulture) - west;
            long row = north - long.Parse(u.Cell.AsSpan(n + 1), CultureInfo.InvariantCulture);
            (double lon, double lat) = toLonLat.Transform(gt[0] + (col + 0.5) * gt[1], gt[3] + (row + 0.5) * gt[5]);
            list.Add(new JsonObject
            {
                ["id"] = key,
                ["name"] = u.Name,
                ["sector"] = u.Sector,
                ["lat"] = Math.Round(lat, 5),
                ["lon"] = Math.Round(lon, 5),
                ["status"] = new JsonArray([.. u.Status.Select(s => (JsonNode?)(s ?? ""))]),
                ["t"] = new JsonArray([.. u.T.Select(v => (JsonNode)v)]),
            });
        }

        root["facilities"] = list;
    }

    private static void Audit(JsonObject root, Func<string, string> file)
    {
        CsvTable audit = CsvTable.Read(file("audit.csv"));
        int cPass = audit.Column("passes"), cErr = audit.Column("relative_error");
        // cells of the wrong sign: negative emitting cells, positive sink cells (older runs: negative cells only)
        int cNeg = audit.Has("wrong_sign_cells") ? audit.Column("wrong_sign_cells") : audit.Column("negative_cells");
        double maxError = audit.Rows.Select(r => double.Parse(r[cErr], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        root["audit"] = new JsonObject
        {
            ["rows"] = audit.Rows.Count,
            ["passing"] = audit.Rows.Count(r => r[cPass] == "true"),
            ["maxRelativeError"] = maxError.ToString("E2", CultureInfo.InvariantCulture),
            ["negativeCells"] = audit.Rows.Sum(r => long.Parse(r[cNeg], CultureInfo.InvariantCulture)),
        };
    }

    private static string StripXmlDeclaration(string svg)
    {
        int at = svg.IndexOf("<svg", StringComparison.Ordinal);
        return at > 0 ? svg[at..] : svg;
    }

    /// <summary>The JSON as it is embedded in the page: "&lt;/" escaped so no string can close the script element.</summary>
    internal static string ToScriptJson(JsonObject data) =>
        data.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Replace("</", "<\\/", StringComparison.Ordinal);

    internal static Encoding Utf8 { get; } = new UTF8Encoding(false);
}

/// <summary>Grid overlays encoded ahead of the report (<see cref="ReportData.PrepareOverlays"/>); used once.</summary>
/// <param name="Years">The years they cover.</param>
/// <param name="Fields">The report fields they fill (bounds, overlays, probes, legend), in order.</param>
/// <param name="Sectors">The bands, in file order.</param>
public sealed record ReportOverlays(int[] Years, JsonObject Fields, string[] Sectors);
