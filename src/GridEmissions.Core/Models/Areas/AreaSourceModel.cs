using GridEmissions.Core.Allocation;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Models.Areas;

/// <summary>
/// Area-source evolution model (buildings, agriculture, cement and diffuse industry). Weights
/// are a stated function of the evolving residents (<see cref="PopulationProxy"/>) and the land
/// layers (<see cref="LandLayers"/>), times the city's multiplier (1 unless the scenario says why):
/// <list type="bullet">
/// <item>population: urban_weight × urban residents + rural_weight × rural residents + land_weight × km² of built-up land in the region;</item>
/// <item>rural: rural_weight × rural residents + land_weight × km² of cropland in the region;</item>
/// <item>industry: urban_weight × urban residents + rural_weight × rural residents + land_weight × km² of built-up land in the region.</item>
/// </list>
/// With a land_share s, the weight of a cell is (1 − s) × its share of those weights + s × its share of the
/// proxy's land layer (km² in the region), so a fixed part of the sector follows land alone, whatever the
/// residents do (e.g. service buildings on built-up land beside homes that follow residents).
/// Every term follows the data cell by cell, so the weights vary as smoothly as the data: no
/// masks, rings or floors.
/// </summary>
public sealed class AreaSourceModel(string sectorId, AreaModelSpec spec, CellGeography geography, PopulationProxy proxy, LandLayers land) : ISourceModel
{
    private double[]? landPart; // km² of the land layer × city multiplier per region cell, for land_share (once per run)
    private double landPartSum;

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
            _ => land.BuiltUp,
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

        if (spec.LandShare > 0)
        {
            MixLandShare(w, layer, fraction, cellKm2, cellCity, multiplierByCity);
        }

        return new SectorYear(w, 0, 0, [], []);
    }

    /// <summary>Replaces the weights by (1 − s) × their shares + s × the cells' shares of the land layer.</summary>
    private void MixLandShare(double[] w, double[] layer, double[] fraction, double cellKm2, int[] cellCity, double[] multiplierByCity)
    {
        double share = spec.LandShare;
        // The land part does not change over the run (static layer, fraction and multipliers): built once.
        if (landPart is null)
        {
            landPart = new double[w.Length];
            for (int i = 0; i < w.Length; i++)
            {
                if (fraction[i] > 0)
                {
                    int city = cellCity[i];
                    landPart[i] = layer[i] * fraction[i] * cellKm2 * (city >= 0 ? multiplierByCity[city] : 1.0);
                    landPartSum += landPart[i];
                }
            }
        }

        double[] landKm2 = landPart;
        double landSum = landPartSum, weightSum = 0;
        for (int i = 0; i < w.Length; i++)
        {
            if (fraction[i] > 0)
            {
                weightSum += w[i];
            }
        }

        string layerName = spec.Proxy == AreaProxy.Rural ? "cropland" : "built-up land";
        if (!(landSum > 0))
        {
            throw new AllocationException($"sector '{SectorId}': land_share {share} places part of the sector on {layerName}, but the region's cells hold none; set land_share to 0 or name a {layerName} grid that covers the region.");
        }

        if (share < 1 && !(weightSum > 0))
        {
            throw new AllocationException($"sector '{SectorId}': land_share {share} leaves {1 - share} of the sector to the weights, but they are zero in every cell of the region; give a positive urban_weight, rural_weight or land_weight, or set land_share to 1.");
        }

        double byWeight = share < 1 ? (1 - share) / weightSum : 0, byLand = share / landSum;
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = fraction[i] > 0 ? (byWeight * w[i]) + (byLand * landKm2[i]) : 0;
        }
    }
}
