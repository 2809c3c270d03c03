using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Models.Areas;

/// <summary>
/// Area-source evolution model (buildings, agriculture, cement and diffuse industry). Weights
/// are a stated function of the evolving population proxy, times the city's multiplier:
/// <list type="bullet">
/// <item>population: urban_weight × urban residents + rural_weight × rural residents;</item>
/// <item>rural: rural_weight × rural residents + land_weight × km² of rural land in the region;</item>
/// <item>industry: urban_weight × urban residents + rural_weight × rural residents + land_weight × km² of urban-fringe land (non-urban cells next to urban cells, where industrial parks sit).</item>
/// </list>
/// </summary>
public sealed class AreaSourceModel(string sectorId, AreaModelSpec spec, CellGeography geography, PopulationProxy proxy) : ISourceModel
{
    /// <inheritdoc />
    public string SectorId { get; } = sectorId;

    /// <inheritdoc />
    public SectorYear Evolve(int year, double targetTonnes)
    {
        proxy.AdvanceTo(year);
        var grid = geography.Grid;
        var w = new double[grid.CellCount];
        double cellKm2 = grid.CellAreaKm2;
        double[] multiplierByCity = geography.Cities
            .Select(c => spec.CityMultipliers.TryGetValue(c.Adcode, out double m) ? m : 1.0).ToArray();
        bool[] urban = proxy.Urban;
        double[] fraction = geography.RegionFraction, urbanResidents = proxy.UrbanResidents, ruralResidents = proxy.RuralResidents;
        int[] cellCity = geography.CellCity;
        int columns = grid.Columns, rows = grid.Rows;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                int i = (r * columns) + c;
                if (!(fraction[i] > 0))
                {
                    continue;
                }

                double land = spec.Proxy switch
                {
                    AreaProxy.Rural => urban[i] ? 0 : fraction[i] * cellKm2,
                    AreaProxy.Industry => !urban[i] && NextToUrban(urban, r, c, rows, columns) ? fraction[i] * cellKm2 : 0,
                    _ => 0,
                };
                double value = (spec.Proxy == AreaProxy.Rural ? 0 : spec.UrbanWeight * urbanResidents[i])
                    + (spec.RuralWeight * ruralResidents[i]) + (spec.LandWeight * land);
                int city = cellCity[i];
                w[i] = value * (city >= 0 ? multiplierByCity[city] : 1.0);
            }
        }

        return new SectorYear(w, 0, 0, [], []);
    }

    // Any of the 8 neighbours urban (row/column arithmetic: this runs for every cell of national grids).
    private static bool NextToUrban(bool[] urban, int r, int c, int rows, int columns)
    {
        for (int rr = Math.Max(0, r - 1); rr <= Math.Min(rows - 1, r + 1); rr++)
        {
            int rowStart = rr * columns;
            for (int cc = Math.Max(0, c - 1); cc <= Math.Min(columns - 1, c + 1); cc++)
            {
                if ((rr != r || cc != c) && urban[rowStart + cc])
                {
                    return true;
                }
            }
        }

        return false;
    }
}
