using GridEmissions.Core.Models.Lines;
using GridEmissions.Gdal;
using NetTopologySuite.Geometries;

namespace GridEmissions.Pipeline;

/// <summary>
/// The lines a run's line sectors place their corridor traffic on, as a layer (EPSG:4326, MultiLineString):
/// the corridors input (rail lines or a user's network), the station links that complete the rail lines and
/// the gravity road proxy, each line with its class and its relative traffic per metre within the class
/// (1 for input lines and station links; the routed gravity flow ÷ the mean for proxy roads). What the
/// line model's base year runs on, so a planner can see where the road proxy and the links were drawn.
/// </summary>
public static class TransportNetworkLayer
{
    /// <summary>The layer's name (file name without extension).</summary>
    public const string Name = "transport_network";

    /// <summary>Fields of the layer.</summary>
    public static IReadOnlyList<VectorFieldSpec> Fields { get; } =
    [
        new("region", VectorFieldType.String),
        new("scenario", VectorFieldType.String),
        new("sector", VectorFieldType.String),
        new("line_id", VectorFieldType.String),
        new("class", VectorFieldType.String),
        new("relative_traffic", VectorFieldType.Real),
        new("length_km", VectorFieldType.Real),
    ];

    /// <summary>Writes <c>transport_network.geojson</c> and <c>.gpkg</c> through <paramref name="file"/> when the run has line sectors with lines.</summary>
    public static void Write(PreparedRun run, Func<string, string> file)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(file);
        if (run.TransportLines.Count == 0)
        {
            return;
        }

        var (spec, features) = Build(run.Scenario.Region, run.Scenario.Id, run.TransportLines);
        VectorWriter.Write(file(Name + ".geojson"), "GeoJSON", spec, features);
        VectorWriter.Write(file(Name + ".gpkg"), "GPKG", spec, features);
    }

    /// <summary>One feature per line of each sector (sectors in ordinal order, lines in model order), in lon/lat.</summary>
    public static (VectorLayerSpec Spec, List<VectorFeature> Features) Build(string region, string scenario, IReadOnlyDictionary<string, IReadOnlyList<CorridorLine>> linesBySector)
    {
        ArgumentNullException.ThrowIfNull(linesBySector);
        using var albers = SpatialReference.ChinaAlbersGrid();
        using var wgs84 = SpatialReference.Wgs84();
        using var toWgs84 = CoordinateTransformer.Create(albers, wgs84);
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var features = new List<VectorFeature>();
        foreach (var (sector, lines) in linesBySector.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (CorridorLine line in lines)
            {
                Geometry lonLat = toWgs84.Transform(line.Geometry);
                LineString[] parts = [.. Enumerable.Range(0, lonLat.NumGeometries).Select(lonLat.GetGeometryN).OfType<LineString>()];
                if (parts.Length == 0)
                {
                    continue;
                }

                var attributes = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["region"] = region,
                    ["scenario"] = scenario,
                    ["sector"] = sector,
                    ["line_id"] = line.Id,
                    ["class"] = line.Class,
                    ["relative_traffic"] = line.Weight,
                    ["length_km"] = Math.Round(line.Geometry.Length / 1000, 3),
                };
                features.Add(new VectorFeature(features.Count, factory.CreateMultiLineString(parts), attributes));
            }
        }

        return (new VectorLayerSpec(Name, "EPSG:4326", Fields, VectorGeometryType.MultiLineString), features);
    }
}
