using GridEmissions.Core.Models;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Tests.Fixtures;

/// <summary>Land layers for <see cref="TinyGeography"/> (the two seat cells dense and built up) and population specs.</summary>
internal static class TinyPopulation
{
    /// <summary>Seat cells: 200,000 residents, 80 % built-up; other region cells: 10,000 residents (scaled by their region share), 60 % cropland.</summary>
    public static LandLayers SeatsDense(CellGeography geo)
    {
        int n = geo.Grid.CellCount;
        var residents = new double[n];
        var builtUp = new double[n];
        var cropland = new double[n];
        for (int i = 0; i < n; i++)
        {
            residents[i] = 10_000 * geo.RegionFraction[i];
            cropland[i] = geo.RegionFraction[i] > 0 ? 0.6 : 0;
        }

        foreach (CityInfo c in geo.Cities)
        {
            geo.Grid.TryLocate(c.SeatX, c.SeatY, out int i);
            residents[i] = 200_000;
            builtUp[i] = 0.8;
            cropland[i] = 0.1;
        }

        return new LandLayers(residents, builtUp, cropland);
    }

    /// <summary>Population (million) and urbanisation (percent) linear from 2020 to 2050.</summary>
    public static PopulationSpec Linear(double population2020, double population2050, double urban2020, double urban2050, double elasticity = 1) =>
        new([PointSpecBuilder.At(2020, population2020), PointSpecBuilder.At(2050, population2050)],
            [PointSpecBuilder.At(2020, urban2020), PointSpecBuilder.At(2050, urban2050)], elasticity, PointSpecBuilder.Test);

    public static PopulationProxy Proxy(CellGeography geo, PopulationSpec spec) => new(geo, SeatsDense(geo), spec, 2020);
}
