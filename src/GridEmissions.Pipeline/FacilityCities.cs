using GridEmissions.Analysis;
using GridEmissions.Core.Models.Points;

namespace GridEmissions.Pipeline;

/// <summary>A facility-year record with its WGS84 position and the city it is booked to.</summary>
public sealed record LocatedFacility(FacilityYearRecord Record, double Lon, double Lat, string CityAdcode, string City);

/// <summary>
/// The city a facility belongs to, as the city totals book it (<see cref="FacilityBookings"/>): the
/// city whose polygon holds the site, or the nearest within <see cref="FacilityCityLocator.DefaultReachMetres"/>
/// (coastal and offshore sites); none beyond. Sites are looked up once each.
/// </summary>
public sealed class FacilityCities
{
    private readonly FacilityCityLocator locator;
    private readonly IReadOnlyList<CityRecord> cities;
    private readonly Dictionary<(double X, double Y), (string Adcode, string Name)> known = [];

    /// <summary>The cities of <paramref name="region"/>.</summary>
    public FacilityCities(RegionGeography region)
    {
        ArgumentNullException.ThrowIfNull(region);
        locator = new FacilityCityLocator(region.Coverage.Cities);
        cities = region.Cities;
    }

    /// <summary>The adcode and English name of the city of a site in grid coordinates (empty strings outside every city's reach).</summary>
    public (string Adcode, string Name) Of(double x, double y)
    {
        if (!known.TryGetValue((x, y), out var city))
        {
            int index = locator.Locate(x, y).CityIndex;
            city = index >= 0 ? (cities[index].Adcode, cities[index].NameEn) : (string.Empty, string.Empty);
            known[(x, y)] = city;
        }

        return city;
    }
}
