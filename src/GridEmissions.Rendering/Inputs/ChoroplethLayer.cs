namespace GridEmissions.Rendering;

/// <summary>What a choropleth shows for each city.</summary>
public enum ChoroplethMeasure
{
    /// <summary>City total, Mt CO2/yr.</summary>
    TotalMegatonnes,

    /// <summary>Emission density, t CO2/km²/yr, from the city's area in the equal-area grid CRS.</summary>
    DensityTonnesPerKm2,
}

/// <summary>A city and its total emissions.</summary>
/// <param name="City">The city (geometry in the grid CRS, names, anchor).</param>
/// <param name="TotalTonnes">Total, t CO2/yr (NaN when unknown).</param>
public sealed record CityValue(BoundaryFeature City, double TotalTonnes)
{
    /// <summary>The value shown for a measure.</summary>
    public double ValueFor(ChoroplethMeasure measure) => measure switch
    {
        ChoroplethMeasure.TotalMegatonnes => TotalTonnes / 1e6,
        ChoroplethMeasure.DensityTonnesPerKm2 => TotalTonnes / (City.Geometry.Area / 1e6),
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "unknown measure"),
    };
}

/// <summary>City totals for a choropleth.</summary>
/// <param name="Cities">Cities with totals.</param>
/// <param name="Measure">Total (Mt) or density (t/km²).</param>
/// <param name="Provinces">Province outlines, or null.</param>
public sealed record ChoroplethLayer(IReadOnlyList<CityValue> Cities, ChoroplethMeasure Measure, IReadOnlyList<ProvinceOutline>? Provinces = null);
