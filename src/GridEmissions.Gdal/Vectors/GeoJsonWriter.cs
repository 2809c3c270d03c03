using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GridEmissions.Gdal.Native;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Precision;

namespace GridEmissions.Gdal;

/// <summary>
/// Writes RFC 7946 GeoJSON through NetTopologySuite.IO.GeoJSON4STJ: WGS84 lon/lat (geometries in
/// another CRS are reprojected by OSR first), counter-clockwise exterior and clockwise interior
/// rings, coordinates snapped to <see cref="VectorLayerSpec.CoordinatePrecision"/> decimals
/// (6 ≈ 0.1 m) with the topology kept valid, no <c>crs</c> member. The collection carries the
/// layer name as a "name" member (which OGR and QGIS read as the layer name). Real fields are
/// always written with a decimal point so readers type them as reals; non-finite numbers become
/// null. A MultiPolygon layer writes every polygon as a MultiPolygon. Written to a temporary file and moved into place; the same features give the same bytes.
/// </summary>
public static class GeoJsonWriter
{
    /// <summary>Writes <paramref name="features"/> as a new GeoJSON file at <paramref name="path"/>, replacing any existing one.</summary>
    public static void Write(string path, VectorLayerSpec spec, IEnumerable<VectorFeature> features)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(features);
        using var output = new AtomicOutput(path);
        using (var stream = new FileStream(output.TempPath, FileMode.CreateNew, FileAccess.Write))
        {
            Write(stream, spec, features);
        }

        output.Commit();
    }

    /// <summary>Writes the feature collection to a stream (UTF-8, one feature a line, as OGR does).</summary>
    public static void Write(Stream stream, VectorLayerSpec spec, IEnumerable<VectorFeature> features)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(features);
        using CoordinateTransformer? toWgs84 = ToWgs84(spec.CrsWkt);
        var precision = new PrecisionModel(Math.Pow(10, spec.CoordinatePrecision));
        JsonSerializerOptions options = Options(spec.CoordinatePrecision);
        string name = JsonSerializer.Serialize(spec.Name, options);
        stream.Write(System.Text.Encoding.UTF8.GetBytes($"{{\n\"type\": \"FeatureCollection\",\n\"name\": {name},\n\"features\": [\n"));
        bool first = true;
        foreach (VectorFeature feature in features)
        {
            var attributes = new AttributesTable();
            foreach (VectorFieldSpec field in spec.Fields)
            {
                attributes.Add(field.Name, Value(field, feature.Attributes.GetValueOrDefault(field.Name)));
            }

            Geometry? geometry = feature.Geometry is null ? null : Prepare(feature.Geometry, toWgs84, precision);
            if (spec.GeometryType == VectorGeometryType.MultiPolygon && geometry is Polygon single)
            {
                geometry = single.Factory.CreateMultiPolygon([single]); // one geometry type per layer, even where snapping left a single part
            }
            if (!first)
            {
                stream.Write(",\n"u8);
            }

            stream.Write(JsonSerializer.SerializeToUtf8Bytes(new Feature(geometry, attributes), options));
            first = false;
        }

        stream.Write("\n]\n}\n"u8);
        stream.Flush();
    }

    /// <summary>Reprojects to WGS84 lon/lat and snaps to the precision grid, keeping polygons valid.</summary>
    internal static Geometry Prepare(Geometry geometry, CoordinateTransformer? toWgs84, PrecisionModel precision)
    {
        if (toWgs84 is null)
        {
            return Snapped(geometry, precision);
        }

        return Snap(toWgs84.Transform(geometry), precision);
    }

    /// <summary>
    /// <paramref name="lonLat"/> snapped to <paramref name="decimals"/> decimals as this writer writes it. The result is
    /// kept for as long as the geometry lives, so a geometry written again (a region's cities in every key year) is
    /// snapped once; geometries must not be changed after they were written.
    /// </summary>
    public static Geometry Snapped(Geometry lonLat, int decimals)
    {
        ArgumentNullException.ThrowIfNull(lonLat);
        return Snapped(lonLat, new PrecisionModel(Math.Pow(10, decimals)));
    }

    private static Geometry Snapped(Geometry lonLat, PrecisionModel precision)
    {
        SnapCache cache = Snaps.GetValue(lonLat, _ => new SnapCache());
        lock (cache)
        {
            if (!cache.ByScale.TryGetValue(precision.Scale, out Geometry? snapped))
            {
                snapped = Snap(lonLat, precision);
                cache.ByScale[precision.Scale] = snapped;
            }

            return snapped;
        }
    }

    private static Geometry Snap(Geometry lonLat, PrecisionModel precision)
    {
        Geometry snapped = GeometryPrecisionReducer.Reduce(lonLat, precision);
        return snapped.IsEmpty && !lonLat.IsEmpty
            ? throw new InvalidOperationException($"a {lonLat.GeometryType} collapses to nothing at {precision.MaximumSignificantDigits} significant digits")
            : snapped;
    }

    private static readonly ConditionalWeakTable<Geometry, SnapCache> Snaps = new();

    private sealed class SnapCache
    {
        public Dictionary<double, Geometry> ByScale { get; } = [];
    }

    private static CoordinateTransformer? ToWgs84(string? crs)
    {
        if (string.IsNullOrWhiteSpace(crs))
        {
            return null;
        }

        GdalLibrary.EnsureInitialized();
        using SpatialReference source = SpatialReference.FromUserInput(crs);
        using SpatialReference wgs84 = SpatialReference.Wgs84();
        return source.IsSame(wgs84) ? null : CoordinateTransformer.Create(source, wgs84);
    }

    private static object? Value(VectorFieldSpec field, object? value) => value switch
    {
        null => null,
        _ when field.Type == VectorFieldType.Real => Convert.ToDouble(value, CultureInfo.InvariantCulture) is double d && double.IsFinite(d) ? new RealValue(d) : null,
        _ when field.Type == VectorFieldType.Integer64 => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static JsonSerializerOptions Options(int decimals)
    {
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new RealValueConverter());
        options.Converters.Add(new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(Math.Pow(10, decimals)), 4326), false, null, RingOrientationOption.EnforceRfc9746));
        return options;
    }

    /// <summary>A real attribute: written with a decimal point even when whole ("0.0"), so OGR types the field as Real.</summary>
    private readonly record struct RealValue(double Value);

    private sealed class RealValueConverter : JsonConverter<RealValue>
    {
        public override RealValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, RealValue value, JsonSerializerOptions options)
        {
            string text = value.Value.ToString("R", CultureInfo.InvariantCulture);
            if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
            {
                text += ".0";
            }

            writer.WriteRawValue(text, skipInputValidation: true);
        }
    }
}
