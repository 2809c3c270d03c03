using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Models.Areas;

/// <summary>
/// Area-source evolution model (buildings, agriculture, cement and diffuse industry). Weights
/// are a stated function of the evolving residents (<see cref="PopulationProxy"/>) and the land
/// layers (<see cref="LandLayers"/>), times the city's multiplier (1 unless the scenario says why):
/// <list type="bullet">
/// <item>population: urban_weight × urban residents + rural_weight × rural residents;</item>
/// <item>rural: rural_weight × rural residents + land_weight × km² of cropland in the region;</item>
/// <item>industry: urban_weight × urban residents + rural_weight × rural residents + land_weight × km² of built-up land in the region.</item>
/// </list>
/// Every term follows the data cell by cell, so the weights vary as smoothly as the data: no
/// masks, rings or floors.
/// </summary>
public sealed class AreaSourceModel(string sectorId, AreaModelSpec spec, CellGeography geography, PopulationProxy proxy, LandLayers land) : ISourceModel
{
    /// <inheritdoc />
    public string SectorId { get; } = sectorId;

    /// <inheritdoc />
    public SectorYear Evolve(int year, double targetTonnes) => Evolve(year, targetTonnes, new double[geography.Grid.CellCount]);

    /// <inheritdoc />
    public SectorYear Evolve(int year, double targetTonnes, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var grid = geography.Grid;
        if (weights.Length != grid.CellCount)
        {
            throw new ArgumentException($"the weight buffer holds {weights.Length} cells, the grid {grid.CellCount}", nameof(weights));
        }

        proxy.AdvanceTo(year);
        var w = weights;
        double cellKm2 = grid.CellAreaKm2;
        double[] multiplierByCity = geography.Cities
            .Select(c => spec.CityMultipliers.TryGetValue(c.Adcode, out double m) ? m : 1.0).ToArray();
        double[] fraction = geography.RegionFraction, urbanResidents = proxy.UrbanResidents, ruralResidents = proxy.RuralResidents;
        double[] layer = spec.Proxy switch
        {
            AreaProxy.Rural => land.Cropland,
            AreaProxy.Industry => land.BuiltUp,
            _ => [],
        };
        int[] cellCity = geography.CellCity;
        for (int i = 0; i < w.Length; i++)
        {
            if (!(fraction[i] > 0))
            {
                w[i] = 0;
                continue;
            }

            double landKm2 = layer.Length > 0 ? layer[i] * fraction[i] * cellKm2 : 0;
            double value = (spec.UrbanWeight * urbanResidents[i]) + (spec.RuralWeight * ruralResidents[i]) + (spec.LandWeight * landKm2);
            int city = cellCity[i];
            w[i] = value * (city >= 0 ? multiplierByCity[city] : 1.0);
        }

        return new SectorYear(w, 0, 0, [], []);
    }
}
