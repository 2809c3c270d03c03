using GridEmissions.Core.Models.Points;
using GridEmissions.Gdal;
using NetTopologySuite.Geometries;

namespace GridEmissions.Pipeline;

/// <summary>The facility layer of a year: one point per unit (EPSG:4326) with its status, output, gross, captured and emitted CO2.</summary>
public static class FacilityLayer
{
    /// <summary>Attribute fields, in order.</summary>
    public static IReadOnlyList<VectorFieldSpec> Fields { get; } =
    [
        new("region", VectorFieldType.String),
        new("scenario", VectorFieldType.String),
        new("year", VectorFieldType.Integer64),
        new("sector", VectorFieldType.String),
        new("facility_id", VectorFieldType.String),
        new("name", VectorFieldType.String),
        new("city_adcode", VectorFieldType.String),
        new("city", VectorFieldType.String),
        new("status", VectorFieldType.String),
        new("route", VectorFieldType.String),
        new("capacity", VectorFieldType.Real),
        new("capacity_unit", VectorFieldType.String),
        new("utilisation", VectorFieldType.Real),
        new("activity", VectorFieldType.Real),
        new("activity_unit", VectorFieldType.String),
        new("gross_t", VectorFieldType.Real),
        new("captured_t", VectorFieldType.Real),
        new("emissions_t", VectorFieldType.Real),
    ];

    /// <summary>Writes the layer; <paramref name="located"/> gives each record with its WGS84 lon/lat.</summary>
    public static void Write(string path, string region, string scenario, int year, IEnumerable<LocatedFacility> located)
    {
        ArgumentNullException.ThrowIfNull(located);
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var features = new List<VectorFeature>();
        foreach (var (r, lon, lat, adcode, city) in located)
        {
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["region"] = region,
                ["scenario"] = scenario,
                ["year"] = (long)year,
                ["sector"] = r.SectorId,
                ["facility_id"] = r.FacilityId,
                ["name"] = r.Name,
                ["city_adcode"] = adcode,
                ["city"] = city,
                ["status"] = r.Status,
                ["route"] = r.Route,
                ["capacity"] = r.Capacity,
                ["capacity_unit"] = r.CapacityUnit,
                ["utilisation"] = r.Utilisation,
                ["activity"] = r.Activity,
                ["activity_unit"] = r.ActivityUnit,
                ["gross_t"] = r.GrossTonnes,
                ["captured_t"] = r.CapturedTonnes,
                ["emissions_t"] = r.EmissionsTonnes,
            };
            features.Add(new VectorFeature(features.Count, factory.CreatePoint(new Coordinate(lon, lat)), attributes));
        }

        var spec = new VectorLayerSpec(FormattableString.Invariant($"facilities_{year}"), "EPSG:4326", Fields, VectorGeometryType.Point);
        VectorWriter.Write(path, "GeoJSON", spec, features);
    }
}
