namespace GridEmissions.Core.Models.Points;

/// <summary>Mutable per-run state of one unit inside <see cref="PointSourceModel"/>.</summary>
internal sealed class FleetUnit(SitedFacility sited, int cell, int enter, int retire, string windowReason)
{
    public SitedFacility Sited { get; } = sited;

    public int Cell { get; set; } = cell;

    public int Enter { get; } = enter;

    public int Retire { get; set; } = retire;

    public string WindowReason { get; set; } = windowReason;

    public double CaptureRate { get; set; }

    public bool Relocated { get; set; }

    public bool OperatedLastYear { get; set; }

    public bool IsExpansion { get; init; }

    public double EffectiveTonnesPerUtilisation => Sited.Facility.TonnesPerUtilisation * (1 - CaptureRate);

    public bool OperatesIn(int year) => year >= Enter && year < Retire;
}
