using GridEmissions.Core.Grids;

namespace GridEmissions.Core.Models;

/// <summary>A city of the region, with its seat in grid CRS metres.</summary>
public sealed record CityInfo(string Adcode, string NameZh, string NameEn, double SeatX, double SeatY);

/// <summary>
/// What the models need to know about where cells lie: the fraction of each cell inside the
/// region (0..1), the city each cell mostly belongs to (-1 outside every city), and the cities.
/// Built once per grid and boundary set.
/// </summary>
public sealed record CellGeography(GridSpec Grid, double[] RegionFraction, int[] CellCity, IReadOnlyList<CityInfo> Cities)
{
    /// <summary>True when the cell has any area inside the region.</summary>
    public bool InRegion(int cell) => RegionFraction[cell] > 0;
}
