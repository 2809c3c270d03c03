using GridEmissions.Core.Models;

namespace GridEmissions.Analysis;

/// <summary>Turns an exact city coverage into the models' view of the cells: region fraction and main city per cell.</summary>
public static class CoverageGeography
{
    /// <summary>
    /// The fraction of each cell inside any city (capped at 1) and the city holding the largest
    /// share of it (-1 outside every city). <paramref name="cities"/> must follow the order of
    /// <see cref="CityCoverage.Cities"/>.
    /// </summary>
    public static CellGeography ToCellGeography(CityCoverage coverage, IReadOnlyList<CityInfo> cities)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(cities);
        if (cities.Count != coverage.Cities.Count)
        {
            throw new ArgumentException($"{cities.Count} city records for a coverage of {coverage.Cities.Count} cities", nameof(cities));
        }

        int n = coverage.Grid.CellCount;
        var fraction = new double[n];
        var city = new int[n];
        Array.Fill(city, -1);
        var best = new double[n];
        foreach (CellCityFraction e in coverage.Entries)
        {
            fraction[e.CellIndex] = Math.Min(1, fraction[e.CellIndex] + e.Fraction);
            if (e.Fraction > best[e.CellIndex])
            {
                best[e.CellIndex] = e.Fraction;
                city[e.CellIndex] = e.CityIndex;
            }
        }

        return new CellGeography(coverage.Grid, fraction, city, cities);
    }
}
