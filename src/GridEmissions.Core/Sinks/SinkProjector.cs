using GridEmissions.Core.Allocation;
using GridEmissions.Core.Models;

namespace GridEmissions.Core.Sinks;

/// <summary>A removal site placed on the grid.</summary>
/// <param name="Site">The site as the scenario gives it.</param>
/// <param name="Cell">Its cell index (inside the region).</param>
/// <param name="X">Grid CRS easting, metres.</param>
/// <param name="Y">Grid CRS northing, metres.</param>
public sealed record PlacedRemovalSite(RemovalSite Site, int Cell, double X, double Y);

/// <summary>One year of the signed sectors.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Sectors">Sector id → its cells (t CO2/yr, each ≤ 0), in <see cref="SinkSpec.SectorIds"/> order.</param>
/// <param name="Audit">One signed audit row per sector.</param>
/// <param name="Areas">Land class areas of the year (null without a land sink).</param>
/// <param name="RateBasedLandTonnes">Σ rate × area of the year (≥ 0; the land sink's magnitude at the class rates).</param>
/// <param name="Captured">CO2 captured at the removal sites (to be stored).</param>
public sealed record SinkYear(int Year, IReadOnlyDictionary<string, double[]> Sectors, IReadOnlyList<AuditRow> Audit, LandAreas? Areas, double RateBasedLandTonnes, IReadOnlyList<CaptureSource> Captured)
{
    /// <summary>The sum of the signed sectors per cell (≤ 0).</summary>
    public double[] Total(int cellCount)
    {
        var total = new double[cellCount];
        foreach (double[] cells in Sectors.Values)
        {
            for (int i = 0; i < cellCount; i++)
            {
                total[i] += cells[i];
            }
        }

        return total;
    }
}

/// <summary>
/// Projects the signed sectors year by year: the land sink (the scenario's regional target, or
/// Σ rate × area when it gives none, placed by the class rates) and the removals (the year's target
/// split among the sites by share), each conserved exactly and audited with its sign.
/// </summary>
public sealed class SinkProjector
{
    private readonly string scenarioId;
    private readonly string region;
    private readonly SinkSpec spec;
    private readonly CellGeography geography;
    private readonly LandSinkModel? land;
    private readonly IReadOnlyList<PlacedRemovalSite> sites;

    /// <summary>Creates the projector; <paramref name="cover"/> is required when the scenario has a land sink.</summary>
    public SinkProjector(string scenarioId, string region, int startYear, SinkSpec spec, CellGeography geography, LandCover? cover, IReadOnlyList<PlacedRemovalSite> sites)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(sites);
        this.scenarioId = scenarioId;
        this.region = region;
        this.spec = spec;
        this.geography = geography;
        this.sites = sites;
        if (spec.Land is not null)
        {
            land = new LandSinkModel(spec.Land, geography, cover ?? throw new ArgumentException("the land sink needs the land cover", nameof(cover)), startYear);
        }

        if (sites.Any(s => !geography.InRegion(s.Cell)))
        {
            throw new ArgumentException("removal sites must lie in cells inside the region", nameof(sites));
        }
    }

    /// <summary>The signed sector ids.</summary>
    public IReadOnlyList<string> SectorIds => spec.SectorIds;

    /// <summary>Allocates and audits one year.</summary>
    public SinkYear Project(int year)
    {
        int n = geography.Grid.CellCount;
        var sectors = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var audit = new List<AuditRow>();
        LandAreas? areas = null;
        double rateBased = 0;
        var captured = new List<CaptureSource>();
        var weights = new double[n];
        if (land is not null)
        {
            areas = land.Weights(year, weights);
            rateBased = PreciseSum.Of(weights);
            double target = spec.Land!.TargetMt.Count > 0 ? SinkSeries.At(spec.Land.TargetMt, year) * 1e6 : -rateBased;
            var cells = new double[n];
            var key = new AllocationKey(region, SinkSpec.LandSector, year);
            AllocationOutcome outcome = SignedAllocation.Allocate(key, target, weights, cells);
            audit.Add(SinkAudit.Check(scenarioId, outcome, cells));
            sectors[SinkSpec.LandSector] = cells;
        }

        if (spec.Removals is not null)
        {
            Array.Clear(weights);
            double shares = sites.Sum(s => s.Site.Share);
            foreach (PlacedRemovalSite s in sites)
            {
                weights[s.Cell] += s.Site.Share / shares;
            }

            double target = SinkSeries.At(spec.Removals.TargetMt, year, before: 0) * 1e6;
            var cells = new double[n];
            var key = new AllocationKey(region, SinkSpec.RemovalSector, year);
            AllocationOutcome outcome = SignedAllocation.Allocate(key, target, weights, cells);
            audit.Add(SinkAudit.Check(scenarioId, outcome, cells, sites.Count));
            sectors[SinkSpec.RemovalSector] = cells;
            foreach (PlacedRemovalSite s in sites)
            {
                captured.Add(new CaptureSource(s.Site.Name, SinkSpec.RemovalSector, s.X, s.Y, -target * s.Site.Share / shares));
            }
        }

        return new SinkYear(year, sectors, audit, areas, rateBased, captured);
    }
}
