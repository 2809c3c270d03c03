using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Models.Lines;

/// <summary>
/// Line-source evolution model (transport). Corridor weight of a cell = Σ over classes of
/// length × class weight × traffic growth × (city population / base city population) ×
/// (1 − electrification of the class). Urban-traffic weight = urban residents × (1 −
/// urban electrification). The parts are normalised at the base year so the urban part holds
/// <see cref="LineModelSpec.UrbanShare"/> of the sector then, and each network of
/// <see cref="LineModelSpec.Networks"/> (rail, road: each over its own classes) its share; afterwards each part moves with
/// its own growth and electrification, so the corridor share changes over time. Hub parts
/// (<see cref="LineModelSpec.Hubs"/>: aviation at airports by route count, shipping at ports by
/// size class) hold their base-year shares then and grow with traffic, unelectrified (the study's
/// 2060 residuals are "long-haul aviation, and shipping"). Hubs in cells without region area are
/// left out and named in the first year's notes.
/// </summary>
public sealed class LineSourceModel : ISourceModel
{
    private readonly LineModelSpec spec;
    private readonly CellGeography geography;
    private readonly CorridorNetwork network;
    private readonly PopulationProxy proxy;
    private readonly int baseYear;
    private readonly SortedDictionary<string, (double Share, double[] Weights)> hubParts = new(StringComparer.Ordinal);
    private readonly List<string> hubNotes = [];
    private readonly (string Name, double Share, string[] Classes)[] parts;
    private double[] partNorms = [];
    private double urbanNorm = double.NaN;

    /// <summary>The lines the network was built from (corridors, station links, road proxy), for the run's network layer; empty when not given.</summary>
    public IReadOnlyList<CorridorLine> Lines { get; init; } = [];

    /// <summary>Creates the model over a network intersected with the grid.</summary>
    public LineSourceModel(string sectorId, LineModelSpec spec, CellGeography geography, CorridorNetwork network, PopulationProxy proxy, int baseYear, IReadOnlyList<TransportHub>? hubs = null, IReadOnlyList<string>? networkNotes = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(network);
        SectorId = sectorId;
        this.spec = spec;
        this.geography = geography;
        this.network = network;
        this.proxy = proxy;
        this.baseYear = baseYear;
        foreach (string cls in network.LengthMetresByClass.Keys)
        {
            if (!spec.ClassWeights.ContainsKey(cls))
            {
                throw new ArgumentException($"corridor class '{cls}' has no weight in the transport model's class_weights ({string.Join(", ", spec.ClassWeights.Keys)})");
            }

            if (spec.Networks.Count > 0 && !spec.Networks.Values.Any(n => n.Classes.Contains(cls)))
            {
                throw new ArgumentException($"corridor class '{cls}' belongs to none of the transport model's networks ({string.Join(", ", spec.Networks.Keys)})");
            }
        }

        parts = spec.Networks.Count == 0
            ? [("corridors", 1.0, [.. network.LengthMetresByClass.Keys])]
            : [.. spec.Networks.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => (n.Key, n.Value.Share, n.Value.Classes.ToArray()))];

        hubNotes.AddRange((networkNotes ?? []).Select(n => $"{sectorId}: {n}"));
        BuildHubs(hubs ?? []);
    }

    private void BuildHubs(IReadOnlyList<TransportHub> hubs)
    {
        ArgumentNullException.ThrowIfNull(geography);
        foreach (var (mode, share) in spec.Hubs)
        {
            if (share.Share <= 0)
            {
                continue;
            }

            var w = new double[geography.Grid.CellCount];
            int used = 0;
            var dropped = new List<string>();
            foreach (TransportHub h in hubs.Where(h => h.Mode == mode && h.Weight > 0))
            {
                if (geography.Grid.TryLocate(h.X, h.Y, out int cell) && geography.InRegion(cell))
                {
                    w[cell] += h.Weight;
                    used++;
                }
                else
                {
                    dropped.Add(h.Name);
                }
            }

            if (used == 0)
            {
                hubNotes.Add(FormattableString.Invariant($"{SectorId}: no {mode} hub lies in the region; its share {share.Share:P1} goes to the corridors"));
                continue;
            }

            hubParts[mode] = (share.Share, w);
            hubNotes.Add(FormattableString.Invariant($"{SectorId}: {mode} {share.Share:P1} of the base year at {used} hubs") +
                (dropped.Count > 0 ? $"; left out (no region area in their cell): {string.Join(", ", dropped)}" : string.Empty));
        }
    }

    /// <inheritdoc />
    public string SectorId { get; }

    /// <summary>Corridor share of the sector's weight in the last evolved year (0..1).</summary>
    public double LastCorridorShare { get; private set; }

    /// <inheritdoc />
    public SectorYear Evolve(int year, double targetTonnes) => Evolve(year, targetTonnes, new double[geography.Grid.CellCount]);

    /// <inheritdoc />
    public SectorYear Evolve(int year, double targetTonnes, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != geography.Grid.CellCount)
        {
            throw new ArgumentException($"the weight buffer has {weights.Length} cells but the grid has {geography.Grid.CellCount}", nameof(weights));
        }

        proxy.AdvanceTo(year);

        // The corridor part is built in the (lent, cleared) weight array itself and the urban part computed
        // where it is used (urban residents × urbanFactor): no temporary arrays on ~20 million-cell grids.
        double[] w = weights;
        Array.Clear(w);
        double growth = Trajectory.GrowthFactor(spec.TrafficGrowth, baseYear, year);
        double urbanFactor = growth * (1 - (Electrification("urban", year) / 100));
        double[] urbanResidents = proxy.UrbanResidents;
        if (double.IsNaN(urbanNorm))
        {
            if (year != baseYear)
            {
                throw new InvalidOperationException($"the transport model must start at the base year {baseYear}");
            }

            partNorms = new double[parts.Length];
            for (int p = 0; p < parts.Length; p++)
            {
                Array.Clear(w);
                AddCorridors(parts[p].Classes, year, growth, 1, w);
                partNorms[p] = Allocation.PreciseSum.Of(w);
            }

            urbanNorm = Allocation.PreciseSum.Of(UrbanPart(urbanResidents, urbanFactor));
        }

        double hubShare = hubParts.Values.Sum(h => h.Share);
        double share = spec.UrbanShare;
        double statedNetworks = parts.Where((_, p) => partNorms[p] > 0).Sum(x => x.Share);
        if (!(statedNetworks > 0))
        {
            share = 1 - hubShare; // no corridor in the region: the rest is urban
        }
        else if (urbanNorm <= 0)
        {
            share = 0;
        }

        // The networks carry what urban traffic and the hubs present in the region leave, in proportion to their stated shares.
        double corridorShare = Math.Max(0, 1 - share - hubShare);
        Array.Clear(w);
        for (int p = 0; p < parts.Length; p++)
        {
            if (partNorms[p] > 0)
            {
                AddCorridors(parts[p].Classes, year, growth, corridorShare * parts[p].Share / statedNetworks / partNorms[p], w);
            }
        }

        double corridorSum = 0;
        for (int i = 0; i < w.Length; i++)
        {
            double u = urbanNorm > 0 ? share * (urbanResidents[i] * urbanFactor) / urbanNorm : 0;
            corridorSum += w[i];
            w[i] += u;
        }

        foreach (var (_, (hubPartShare, hubWeights)) in hubParts)
        {
            double scale = hubPartShare * growth / Allocation.PreciseSum.Of(hubWeights);
            for (int i = 0; i < w.Length; i++)
            {
                w[i] += hubWeights[i] * scale;
            }
        }

        double total = Allocation.PreciseSum.Of(w);
        LastCorridorShare = total > 0 ? corridorSum / total : 0;
        var notes = new List<string> { FormattableString.Invariant($"{year}: corridor share of transport weight {LastCorridorShare:P1}") };
        if (year == baseYear)
        {
            notes.AddRange(hubNotes.Select(n => FormattableString.Invariant($"{year}: {n}")));
        }

        return new SectorYear(w, 0, 0, [], notes);
    }

    private static IEnumerable<double> UrbanPart(double[] urbanResidents, double urbanFactor)
    {
        foreach (double residents in urbanResidents)
        {
            yield return residents * urbanFactor;
        }
    }

    private void AddCorridors(string[] classes, int year, double growth, double scale, double[] corridor)
    {
        double[] cityGrowth = new double[geography.Cities.Count];
        for (int c = 0; c < cityGrowth.Length; c++)
        {
            cityGrowth[c] = proxy.BaseCityPopulation[c] > 0 ? proxy.CityPopulation[c] / proxy.BaseCityPopulation[c] : 1;
        }

        double[] fraction = geography.RegionFraction;
        int[] cellCity = geography.CellCity;
        foreach (string cls in classes)
        {
            if (!network.LengthMetresByClass.TryGetValue(cls, out CorridorLengths? lengths))
            {
                continue;
            }

            double factor = scale * spec.ClassWeights[cls] * growth * (1 - (Electrification(cls, year) / 100));
            int[] cells = lengths.Cells;
            double[] metres = lengths.Metres;
            for (int j = 0; j < cells.Length; j++)
            {
                int i = cells[j];
                if (metres[j] > 0 && fraction[i] > 0)
                {
                    int city = cellCity[i];
                    corridor[i] += metres[j] * fraction[i] * factor * (city >= 0 ? cityGrowth[city] : 1);
                }
            }
        }
    }

    private double Electrification(string cls, int year) =>
        spec.ElectrificationPercent.TryGetValue(cls, out var anchors) && anchors.Count > 0 ? Trajectory.At(anchors, year) : 0;
}
