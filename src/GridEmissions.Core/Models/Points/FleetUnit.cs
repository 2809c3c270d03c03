using GridEmissions.Core.Facilities;

namespace GridEmissions.Core.Models.Points;

/// <summary>Mutable per-run state of one unit inside <see cref="PointSourceModel"/>.</summary>
internal sealed class FleetUnit(SitedFacility sited, int cell, int enter, int retire, string windowReason)
{
    public SitedFacility Sited { get; } = sited;

    public Facility Facility => Sited.Facility;

    public int Cell { get; set; } = cell;

    public double X { get; set; } = sited.X;

    public double Y { get; set; } = sited.Y;

    public int Enter { get; set; } = enter;

    public int Retire { get; set; } = retire;

    public string WindowReason { get; set; } = windowReason;

    public double CaptureRate { get; set; }

    public bool Relocated { get; set; }

    public bool OperatedLastYear { get; set; }

    public bool IsExpansion { get; init; }

    /// <summary>Pipeline projects: probability and draw (NaN otherwise); a project that does not enter has <see cref="Enter"/> = int.MaxValue.</summary>
    public double EntryProbability { get; init; } = double.NaN;

    public double EntryDraw { get; init; } = double.NaN;

    /// <summary>Upper utilisation set by an override (1 when none).</summary>
    public double UtilisationCap { get; set; } = 1;

    /// <summary>Steel: share of the capacity on each route (null for non-steel units).</summary>
    public Dictionary<string, double>? Routes { get; set; }

    /// <summary>This year's dispatched utilisation.</summary>
    public double Utilisation { get; set; }

    public bool OperatesIn(int year) => year >= Enter && year < Retire;

    public double ActivityAtFull => Facility.ActivityAtFull;

    /// <summary>Gross CO2 (t) per unit of utilisation, with the current route mix.</summary>
    public double GrossPerUtilisation => Facility.TonnesPerUtilisation * RouteFactor;

    /// <summary>Gross CO2 per unit of activity (t/MWh, t/t).</summary>
    public double GrossPerActivity => ActivityAtFull > 0 ? GrossPerUtilisation / ActivityAtFull : 0;

    /// <summary>Emitted CO2 per unit of activity after capture.</summary>
    public double NetPerActivity => GrossPerActivity * (1 - CaptureRate);

    private double RouteFactor
    {
        get
        {
            if (Routes is null || !SteelRoutes.IsKnown(Facility.Technology))
            {
                return 1;
            }

            double mix = 0;
            foreach (var (route, share) in Routes)
            {
                mix += share * SteelRoutes.TonnesPerTonne(route);
            }

            return mix / SteelRoutes.TonnesPerTonne(Facility.Technology);
        }
    }

    /// <summary>"BF-BOF", or "BF-BOF 70% + EAF 30%" while a conversion is under way.</summary>
    public string RouteLabel
    {
        get
        {
            if (Routes is null)
            {
                return Facility.Technology;
            }

            var parts = Routes.Where(r => r.Value > 1e-12).OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
            return parts.Count == 1 ? parts[0].Key : string.Join(" + ", parts.Select(r => FormattableString.Invariant($"{r.Key} {r.Value * 100:0.#}%")));
        }
    }
}
