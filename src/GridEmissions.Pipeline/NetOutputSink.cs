using System.Globalization;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Sectors;
using GridEmissions.Core.Sinks;

namespace GridEmissions.Pipeline;

/// <summary>A year's regional totals, Mt CO2/yr: gross, each signed sector, all sinks, net, and the storage balance.</summary>
public sealed record NetYear(int Year, double GrossMt, IReadOnlyDictionary<string, double> SignedMt, double SinkMt, double NetMt, double CapturedMt, double StoredMt, double UnmetMt, double RateBasedLandMt, LandAreas? Areas);

/// <summary>
/// Wraps the run's grid sink: passes every gross grid on unchanged, and at the end of each year
/// projects the signed sectors (<see cref="SinkProjector"/>), writes them with the net grid, and
/// routes the year's captured CO2 (CCUS facilities and removal sites) to storage. Keeps the signed
/// audit rows, the yearly totals and the storage router for the run's tables. The totals are the
/// region's: gross and net include the part of the total held off the grid (<paramref name="offGridMt"/>,
/// Mt by year; null: none), which no grid carries.
/// </summary>
public sealed class NetOutputSink(GridOutputSink inner, SinkInputs inputs, int cellCount, Func<int, double>? offGridMt = null) : IProjectionSink
{
    private readonly List<AuditRow> audit = [];
    private readonly List<NetYear> years = [];
    private readonly List<CaptureSource> captured = [];
    private readonly StorageRouter router = new(inputs.StorageSites, inputs.MaxDistanceKm);

    /// <summary>Signed audit rows, in year order.</summary>
    public IReadOnlyList<AuditRow> Audit => audit;

    /// <summary>The yearly totals.</summary>
    public IReadOnlyList<NetYear> Years => years;

    /// <summary>The storage balances, flows and unmet demand.</summary>
    public StorageRouter Storage => router;

    /// <summary>The signed sector ids.</summary>
    public IReadOnlyList<string> SectorIds => inputs.Projector.SectorIds;

    /// <inheritdoc />
    public void WriteSector(int year, Sector sector, ReadOnlySpan<double> cells) => inner.WriteSector(year, sector, cells);

    /// <inheritdoc />
    public void WriteFacilities(int year, IReadOnlyList<FacilityYearRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (FacilityYearRecord r in records.Where(r => r.CapturedTonnes > 0))
        {
            captured.Add(new CaptureSource(r.FacilityId, r.SectorId, r.X, r.Y, r.CapturedTonnes));
        }

        inner.WriteFacilities(year, records);
    }

    /// <inheritdoc />
    public void WriteTotal(int year, ReadOnlySpan<double> cells)
    {
        double gross = PreciseSum.Of(cells);
        double[] net = cells.ToArray();
        inner.WriteTotal(year, cells);
        SinkYear signed = inputs.Projector.Project(year);
        audit.AddRange(signed.Audit);
        double[] sink = signed.Total(cellCount);
        for (int i = 0; i < cellCount; i++)
        {
            net[i] += sink[i];
        }

        inner.WriteSigned(year, signed.Sectors, sink, net);
        captured.AddRange(signed.Captured);
        int flowsBefore = router.Flows.Count, unmetBefore = router.Unmet.Count;
        router.Route(year, captured);
        double stored = router.Flows.Skip(flowsBefore).Sum(f => f.Tonnes);
        double unmet = router.Unmet.Skip(unmetBefore).Sum(u => u.Tonnes);
        double capturedTonnes = captured.Sum(c => c.Tonnes);
        captured.Clear();
        var signedMt = signed.Sectors.ToDictionary(kv => kv.Key, kv => PreciseSum.Of(kv.Value) / 1e6, StringComparer.Ordinal);
        double sinkMt = PreciseSum.Of(sink) / 1e6;
        double offGrid = offGridMt?.Invoke(year) ?? 0;
        years.Add(new NetYear(year, (gross / 1e6) + offGrid, signedMt, sinkMt, (PreciseSum.Of(net) / 1e6) + offGrid, capturedTonnes / 1e6, stored / 1e6, unmet / 1e6, signed.RateBasedLandTonnes / 1e6, signed.Areas));
    }

    /// <summary>storage.csv: site × year injected, cumulative, capacity and remaining (t), then one row per year of unmet demand.</summary>
    public IEnumerable<string> StorageLines(string region, string scenario)
    {
        yield return "region,scenario,year,sector,kind,site,province,injected_t,cumulative_t,capacity_t,remaining_t";
        foreach (StorageSiteYear s in router.SiteYears)
        {
            yield return FormattableString.Invariant($"{region},{scenario},{s.Year},storage,site,{GridOutputSink.Csv(s.Site)},{s.Province},{s.InjectedTonnes:R},{s.CumulativeTonnes:R},{s.CapacityTonnes:R},{s.RemainingTonnes:R}");
        }

        double unmet = 0;
        foreach (NetYear y in years)
        {
            unmet += y.UnmetMt;
            yield return FormattableString.Invariant($"{region},{scenario},{y.Year},storage,unmet,,,{y.UnmetMt * 1e6:R},{unmet * 1e6:R},,");
        }
    }

    /// <summary>storage_flows.csv: every source → site delivery and every unmet quantity with its reason.</summary>
    public IEnumerable<string> FlowLines(string region, string scenario)
    {
        yield return "region,scenario,year,sector,source,site,stored_t,distance_km,unmet_t,reason";
        foreach (StorageFlow f in router.Flows)
        {
            yield return FormattableString.Invariant($"{region},{scenario},{f.Year},{f.SourceKind},{GridOutputSink.Csv(f.SourceId)},{GridOutputSink.Csv(f.Site)},{f.Tonnes:R},{f.DistanceKm:0.###},0,");
        }

        foreach (UnmetStorage u in router.Unmet)
        {
            yield return FormattableString.Invariant($"{region},{scenario},{u.Year},{u.SourceKind},{GridOutputSink.Csv(u.SourceId)},,0,,{u.Tonnes:R},{GridOutputSink.Csv(u.Reason)}");
        }
    }

    /// <summary>The targets.csv rows of a year's signed sectors, all sinks and net (share_percent empty).</summary>
    public IEnumerable<string> TargetLines(string region, string scenario, int year)
    {
        NetYear? y = years.FirstOrDefault(v => v.Year == year);
        if (y is null)
        {
            yield break;
        }

        foreach (var (id, mt) in y.SignedMt)
        {
            yield return FormattableString.Invariant($"{region},{scenario},{year},{id},{mt:R},");
        }

        yield return FormattableString.Invariant($"{region},{scenario},{year},{NetGrids.Sink},{y.SinkMt:R},");
        yield return FormattableString.Invariant($"{region},{scenario},{year},{NetGrids.Net},{y.NetMt:R},");
    }

    /// <summary>Run-log lines: the land sink's implied scaling of the class rates (study target ÷ Σ rate × area).</summary>
    public IEnumerable<string> Notes()
    {
        foreach (NetYear y in years.Where(y => y.Areas is not null && y.RateBasedLandMt > 0 && y.SignedMt.ContainsKey(SinkSpec.LandSector)))
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{y.Year} land sink: target {y.SignedMt[SinkSpec.LandSector]:0.###} Mt; the class rates over forest {y.Areas!.ForestKm2:0} km², other vegetation {y.Areas.OtherVegetationKm2:0} km², cropland {y.Areas.CroplandKm2:0} km² give {-y.RateBasedLandMt:0.###} Mt (target / rates = {-y.SignedMt[SinkSpec.LandSector] / y.RateBasedLandMt:0.###})");
        }
    }
}
