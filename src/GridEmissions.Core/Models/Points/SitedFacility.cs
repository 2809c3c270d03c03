using GridEmissions.Core.Facilities;

namespace GridEmissions.Core.Models.Points;

/// <summary>A facility with its location in grid CRS metres.</summary>
public sealed record SitedFacility(Facility Facility, double X, double Y);
