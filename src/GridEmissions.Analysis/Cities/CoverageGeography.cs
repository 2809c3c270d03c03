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
        // City by city over the runs: each cell sees its cities in ascending order, as in a cell-major pass over the entries.
        for (int c = 0; c < cities.Count; c++)
        {
            foreach (CoverageRun run in coverage.RunsOfCity(c))
            {
                for (int i = run.Cell; i < run.Cell + run.Count; i++)
                {
                    fraction[i] = Math.Min(1, fraction[i] + run.Fraction);
                    if (run.Fraction > best[i])
                    {
                        best[i] = run.Fraction;
                        city[i] = c;
                    }
                }
            }
        }

        return new CellGeography(coverage.Grid, fraction, city, cities);
    }
}
