using GridEmissions.Core.Models;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Allocation;

/// <summary>
/// Applies a scenario's city caps to a sector's weights before harmonisation: when a city's cells
/// would carry more than its cap, they are scaled down to exactly the cap and the excess is
/// spread over the rest of the region in proportion to its weights. Cells are assigned to the
/// city that holds most of their area. A cap acts from the year of its first value only.
/// </summary>
public static class CityCapAdjuster
{
    /// <summary>Adjusts <paramref name="weights"/> in place; returns a note for each cap that bound.</summary>
    public static IReadOnlyList<string> Apply(AllocationKey key, IReadOnlyList<CityCap> caps, CellGeography geography, double targetTonnes, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(caps);
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(weights);
        var notes = new List<string>();
        foreach (CityCap cap in caps.Where(c => c.SectorId == key.SectorId))
        {
            int city = -1;
            for (int c = 0; c < geography.Cities.Count; c++)
            {
                if (geography.Cities[c].Adcode == cap.Adcode)
                {
                    city = c;
                }
            }

            // A cap acts from its first year only (no holding of the first value backwards).
            if (city < 0 || targetTonnes <= 0 || cap.CapMt.Count == 0 || key.Year < cap.CapMt.Min(v => v.Year))
            {
                continue;
            }

            double capTonnes = Trajectory.At(cap.CapMt, key.Year) * 1e6;
            double inside = 0, all = PreciseSum.Of(weights);
            for (int i = 0; i < weights.Length; i++)
            {
                if (geography.CellCity[i] == city)
                {
                    inside += weights[i];
                }
            }

            if (cap.IsExactTarget && capTonnes > targetTonnes * (1 + Harmonizer.RelativeTolerance))
            {
                throw new AllocationException($"City target of {capTonnes / 1e6:0.###} Mt for {cap.Adcode} exceeds the regional target of {targetTonnes / 1e6:0.###} Mt for {key}: lower the city target or raise the sector's pathway.", true);
            }

            if (cap.IsExactTarget && capTonnes > 0 && inside <= 0)
            {
                throw new AllocationException($"City target of {capTonnes / 1e6:0.###} Mt for {cap.Adcode} for {key} has no weight to carry it: the sector's model puts nothing in that city.", true);
            }

            if (all <= 0 || (!cap.IsExactTarget && inside / all * targetTonnes <= capTonnes))
            {
                continue;
            }

            capTonnes = Math.Min(capTonnes, targetTonnes);
            double outside = all - inside;
            if (outside <= 0 && capTonnes < targetTonnes)
            {
                throw new AllocationException($"City {(cap.IsExactTarget ? "target" : "cap")} of {capTonnes / 1e6:0.###} Mt on {cap.Adcode} for {key} cannot hold: the rest of the region has no weight to take the remainder.", true);
            }

            double insideScale = inside > 0 ? capTonnes / targetTonnes * all / inside : 0;
            double outsideScale = outside > 0 ? (targetTonnes - capTonnes) / targetTonnes * all / outside : 0;
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] *= geography.CellCity[i] == city ? insideScale : outsideScale;
            }

            notes.Add(FormattableString.Invariant($"{key.Year}: {key.SectorId} {(cap.IsExactTarget ? "set to its city target of" : "capped at")} {capTonnes / 1e6:0.###} Mt in city {cap.Adcode}"));
        }

        return notes;
    }
}
