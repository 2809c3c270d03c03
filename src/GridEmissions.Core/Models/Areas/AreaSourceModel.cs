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
        for (int i = 0; i < w.Length; i++)
        {
            if (!geography.InRegion(i))
            {
                continue;
            }

            double land = spec.Proxy switch
            {
                AreaProxy.Rural => proxy.Urban[i] ? 0 : geography.RegionFraction[i] * cellKm2,
                AreaProxy.Industry => !proxy.Urban[i] && NextToUrban(i) ? geography.RegionFraction[i] * cellKm2 : 0,
                _ => 0,
            };
            double value = (spec.Proxy == AreaProxy.Rural ? 0 : spec.UrbanWeight * proxy.UrbanResidents[i])
                + (spec.RuralWeight * proxy.RuralResidents[i]) + (spec.LandWeight * land);
            int city = geography.CellCity[i];
            w[i] = value * (city >= 0 ? multiplierByCity[city] : 1.0);
        }

        return new SectorYear(w, 0, 0, [], []);
    }

    private bool NextToUrban(int i)
    {
        var grid = geography.Grid;
        int c = grid.ColumnOf(i), r = grid.RowOf(i);
        for (int dr = -1; dr <= 1; dr++)
        {
            for (int dc = -1; dc <= 1; dc++)
            {
                int cc = c + dc, rr = r + dr;
                if ((dc != 0 || dr != 0) && cc >= 0 && rr >= 0 && cc < grid.Columns && rr < grid.Rows && proxy.Urban[grid.Index(cc, rr)])
                {
                    return true;
                }
            }
        }

        return false;
    }
}
