namespace GridEmissions.Core.Scenarios;

/// <summary>How the regional total pathway is defined.</summary>
public enum PathwayMethod
{
    /// <summary>Anchor values interpolated between (linear or geometric), then compound rates after the last anchor.</summary>
    Anchors,

    /// <summary>CO2 intensity × GDP: the base-year total carried by GDP growth and intensity reduction rates.</summary>
    Intensity,
}

/// <summary>Interpolation between anchor years.</summary>
public enum Interpolation
{
    /// <summary>Straight line between anchors.</summary>
    Linear,

    /// <summary>Constant compound annual rate between anchors.</summary>
    Geometric,
}

/// <summary>The regional total CO2 pathway (Mt CO2/yr).</summary>
/// <param name="Method">Anchors or intensity.</param>
/// <param name="Interpolation">Between anchors.</param>
/// <param name="AnchorsMt">Anchor totals (Mt); the first must be the base year.</param>
/// <param name="Rates">Compound rates applied after the last anchor (percent per year, negative = decline).</param>
/// <param name="GdpGrowth">Intensity method: GDP growth rates per period.</param>
/// <param name="IntensityReduction">Intensity method: CO2-intensity reduction rates per period (positive = reduction).</param>
public sealed record TotalPathwaySpec(
    PathwayMethod Method,
    Interpolation Interpolation,
    IReadOnlyList<YearValue> AnchorsMt,
    IReadOnlyList<RatePeriod> Rates,
    IReadOnlyList<RatePeriod> GdpGrowth,
    IReadOnlyList<RatePeriod> IntensityReduction);
