namespace GridEmissions.Core.Sinks;

/// <summary>A source of captured CO2 in a year: a CCUS-fitted facility or a removal site.</summary>
/// <param name="Id">Facility id or site name.</param>
/// <param name="Kind">Sector id (e.g. power, steel, removals).</param>
/// <param name="X">Grid CRS easting, metres.</param>
/// <param name="Y">Grid CRS northing, metres.</param>
/// <param name="Tonnes">CO2 captured in the year, t (≥ 0).</param>
public sealed record CaptureSource(string Id, string Kind, double X, double Y, double Tonnes);

/// <summary>A storage site located in grid CRS metres.</summary>
/// <param name="Site">The site as the scenario gives it.</param>
/// <param name="X">Easting, metres.</param>
/// <param name="Y">Northing, metres.</param>
public sealed record LocatedSite(StorageSite Site, double X, double Y);

/// <summary>One source → site delivery of a year.</summary>
public sealed record StorageFlow(int Year, string SourceId, string SourceKind, string Site, double Tonnes, double DistanceKm);

/// <summary>A site's year: injected, cumulative and the capacity left (t).</summary>
public sealed record StorageSiteYear(int Year, string Site, string Province, double InjectedTonnes, double CumulativeTonnes, double CapacityTonnes)
{
    /// <summary>Capacity left after the year, t.</summary>
    public double RemainingTonnes => CapacityTonnes - CumulativeTonnes;
}

/// <summary>What was captured in a year and could not be stored (no open site with room within reach).</summary>
public sealed record UnmetStorage(int Year, string SourceId, string SourceKind, double Tonnes, string Reason);

/// <summary>
/// Routes captured CO2 to storage each year: the year's sources in decreasing order of tonnes (ties by
/// id), each to the nearest open site first (ties by name), then the next nearest while CO2 remains;
/// a site never takes more than its cumulative capacity; what is left is unmet demand, reported with
/// its reason. Deterministic; cost O(sources × sites × log sites) per year.
/// </summary>
public sealed class StorageRouter
{
    private readonly IReadOnlyList<LocatedSite> sites;
    private readonly double maxDistanceMetres;
    private readonly double[] cumulative;
    private readonly List<StorageFlow> flows = [];
    private readonly List<StorageSiteYear> siteYears = [];
    private readonly List<UnmetStorage> unmet = [];

    /// <summary>Creates a router with empty sites.</summary>
    public StorageRouter(IReadOnlyList<LocatedSite> sites, double maxDistanceKm)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (sites.Any(s => !(s.Site.CapacityMt >= 0)))
        {
            throw new ArgumentException("storage capacities must be zero or more");
        }

        this.sites = sites;
        maxDistanceMetres = maxDistanceKm * 1000;
        cumulative = new double[sites.Count];
    }

    /// <summary>Every delivery so far.</summary>
    public IReadOnlyList<StorageFlow> Flows => flows;

    /// <summary>Every site's yearly balance so far (one row per site and routed year).</summary>
    public IReadOnlyList<StorageSiteYear> SiteYears => siteYears;

    /// <summary>Unmet storage demand so far.</summary>
    public IReadOnlyList<UnmetStorage> Unmet => unmet;

    /// <summary>Routes one year's captured CO2 (years must be routed in increasing order).</summary>
    public void Route(int year, IEnumerable<CaptureSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var injected = new double[sites.Count];
        foreach (CaptureSource s in sources.Where(s => s.Tonnes > 0).OrderByDescending(s => s.Tonnes).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            double left = s.Tonnes;
            var order = Enumerable.Range(0, sites.Count)
                .Where(i => sites[i].Site.FromYear <= year)
                .Select(i => (Index: i, Distance: Math.Sqrt(Square(sites[i].X - s.X) + Square(sites[i].Y - s.Y))))
                .Where(t => t.Distance <= maxDistanceMetres)
                .OrderBy(t => t.Distance).ThenBy(t => sites[t.Index].Site.Name, StringComparer.Ordinal)
                .ToList();
            foreach ((int i, double distance) in order)
            {
                double room = (sites[i].Site.CapacityMt * 1e6) - cumulative[i];
                if (room <= 0)
                {
                    continue;
                }

                double take = Math.Min(room, left);
                cumulative[i] += take;
                injected[i] += take;
                left -= take;
                flows.Add(new StorageFlow(year, s.Id, s.Kind, sites[i].Site.Name, take, distance / 1000));
                if (left <= 0)
                {
                    break;
                }
            }

            if (left > 0)
            {
                string reason = order.Count == 0 ? "no storage site open within reach" : "every storage site within reach is full";
                unmet.Add(new UnmetStorage(year, s.Id, s.Kind, left, reason));
            }
        }

        for (int i = 0; i < sites.Count; i++)
        {
            siteYears.Add(new StorageSiteYear(year, sites[i].Site.Name, sites[i].Site.Province, injected[i], cumulative[i], sites[i].Site.CapacityMt * 1e6));
        }
    }

    private static double Square(double v) => v * v;
}
