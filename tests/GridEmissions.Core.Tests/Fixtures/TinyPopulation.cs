using GridEmissions.Core.Models;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Tests.Fixtures;

/// <summary>A base urban proxy for <see cref="TinyGeography"/> (the two seat cells are urban) and population specs.</summary>
internal static class TinyPopulation
{
    public static UrbanBase SeatsUrban(CellGeography geo)
    {
        var urban = new bool[geo.Grid.CellCount];
        var weight = new double[geo.Grid.CellCount];
        foreach (CityInfo c in geo.Cities)
        {
            geo.Grid.TryLocate(c.SeatX, c.SeatY, out int i);
            urban[i] = true;
            weight[i] = 200_000;
        }

        return new UrbanBase(urban, weight);
    }

    /// <summary>Population (million) and urbanisation (percent) linear from 2020 to 2050.</summary>
    public static PopulationSpec Linear(double population2020, double population2050, double urban2020, double urban2050, double elasticity = 1) =>
        new([PointSpecBuilder.At(2020, population2020), PointSpecBuilder.At(2050, population2050)],
            [PointSpecBuilder.At(2020, urban2020), PointSpecBuilder.At(2050, urban2050)], elasticity, PointSpecBuilder.Test);

    public static PopulationProxy Proxy(CellGeography geo, PopulationSpec spec, int seed = 7) => new(geo, SeatsUrban(geo), spec, 2020, seed);
}
