using GridEmissions.Core.Allocation;
using GridEmissions.Core.Models;
using GridEmissions.Core.Models.Lines;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sectors;

namespace GridEmissions.Core.Projection;

/// <summary>
/// Runs a scenario year by year: for every sector the model gives weights, city caps apply, the
/// harmoniser puts exactly the sector target on the grid, the audit checks it, and the grids
/// stream to the sink (one year in memory at a time). A target that cannot be conserved stops
/// the run with an <see cref="AllocationException"/>.
/// </summary>
public sealed class ProjectionRunner(Scenario scenario, SectorTargets targets, CellGeography geography, IReadOnlyDictionary<string, ISourceModel> models, PopulationProxy proxy)
{
    /// <summary>Runs every year into the sink; <paramref name="onYear"/> reports progress.</summary>
    public ProjectionResult Run(IProjectionSink sink, Action<int>? onYear = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        int n = geography.Grid.CellCount;
        var audit = new List<AuditRow>();
        var patterns = new List<PatternRow>();
        var notes = new List<string>();
        var baseShares = new Dictionary<string, double[]>();
        var baseTopDecile = new Dictionary<string, bool[]>();
        var total = new double[n];
        var cells = new double[n]; // reused: sinks copy what they keep (they get a span valid during the call)
        var weights = new double[n]; // lent to the models every sector-year: no fresh weight grid per sector-year
        double[]? modelled = null; // the modelled weights of a point sector, kept to scale its facility records (allocated once)
        foreach (int year in scenario.Years)
        {
            Array.Clear(total);
            proxy.AdvanceTo(year);
            var onGrid = default(PreciseAccumulator);
            foreach (SectorSpec spec in scenario.Sectors)
            {
                Sector sector = spec.Sector;
                var key = new AllocationKey(scenario.Region, sector.Id, year);
                double target = targets.TargetMt(year, sector.Id) * 1e6;
                SectorYear evolved = models[sector.Id].Evolve(year, target, weights);
                notes.AddRange(evolved.Notes);
                double[]? modelledNow = null;
                if (evolved.Facilities.Count > 0)
                {
                    modelledNow = modelled ??= new double[n];
                    evolved.Weights.AsSpan().CopyTo(modelledNow);
                }

                IReadOnlyList<string> capNotes = CityCapAdjuster.Apply(key, scenario.CityCaps, geography, target, evolved.Weights);
                notes.AddRange(capNotes);
                AllocationOutcome outcome = Harmonizer.Allocate(key, target, evolved.Weights, cells, out CellCensus census);
                string closure = string.Join("; ", new[] { evolved.Closure }.Concat(modelledNow is not null ? capNotes.Select(n => "city cap redistributes facility output: " + n) : []).Where(c => c.Length > 0));
                audit.Add(MassBalanceAudit.Check(scenario.Id, outcome, census, evolved.FacilityCount, evolved.RetiredCount) with { Closure = closure });
                onGrid.Add(census.Sum);
                sink.WriteSector(year, sector, cells);
                if (modelledNow is not null)
                {
                    sink.WriteFacilities(year, FacilitiesOnTheGrid(evolved.Facilities, modelledNow, cells));
                }

                patterns.Add(Pattern(year, sector.Id, cells, outcome.CellsUsed, target, models[sector.Id], baseShares, baseTopDecile, total));
            }

            if (scenario.OffGrid is { } offGrid)
            {
                audit.Add(OffGridAudit.Check(scenario.Region, scenario.Id, year, targets.OffGridMt(year) * 1e6, targets.TotalMt(year) * 1e6, onGrid.Value, offGrid.Reason));
            }

            sink.WriteTotal(year, total);
            onYear?.Invoke(year);
        }

        return new ProjectionResult(audit, patterns, notes);
    }

    /// <summary>
    /// The facility records scaled to what the grid carries: each facility in a cell is scaled by
    /// the cell's allocated / modelled ratio (a city cap, and harmonisation's rounding), so the
    /// facilities in a cell always sum to the cell.
    /// </summary>
    private static IReadOnlyList<Models.Points.FacilityYearRecord> FacilitiesOnTheGrid(IReadOnlyList<Models.Points.FacilityYearRecord> records, double[] modelled, double[] cells)
    {
        var scaled = new List<Models.Points.FacilityYearRecord>(records.Count);
        foreach (Models.Points.FacilityYearRecord r in records)
        {
            if (r.EmissionsTonnes <= 0)
            {
                scaled.Add(r);
                continue;
            }

            int cell = r.CellIndex;
            scaled.Add(r.Scaled(modelled[cell] > 0 ? cells[cell] / modelled[cell] : 0));
        }

        return scaled;
    }

    // The pattern indicators of a sector-year, in the same pass that adds the sector to the year's
    // total (independent sums, each in cell order: the same results as separate passes). `used` is
    // the harmoniser's count of cells > 0.
    private PatternRow Pattern(int year, string sectorId, double[] cells, int used, double target, ISourceModel model, Dictionary<string, double[]> baseShares, Dictionary<string, bool[]> baseTop, double[] total)
    {
        int n = cells.Length;
        double scale = target > 0 ? 1 / target : 0;

        if (!baseShares.TryGetValue(sectorId, out double[]? b))
        {
            b = new double[n];
            for (int i = 0; i < n; i++)
            {
                b[i] = cells[i] * scale;
            }

            baseShares[sectorId] = b;
            baseTop[sectorId] = TopCells(cells, Math.Max(1, used / 10));
        }

        bool[] t = baseTop[sectorId];
        bool[] urban = proxy.Urban;
        double inTop = 0, inUrban = 0, moved = 0;
        for (int i = 0; i < n; i++)
        {
            total[i] += cells[i];
            double share = cells[i] * scale;
            if (t[i])
            {
                inTop += share;
            }

            if (urban[i])
            {
                inUrban += share;
            }

            moved += Math.Abs(share - b[i]);
        }

        double corridor = model is LineSourceModel line ? line.LastCorridorShare : double.NaN;
        return new PatternRow(year, sectorId, inTop, inUrban, corridor, moved / 2, used);
    }

    /// <summary>The <paramref name="count"/> largest positive cells (ties: lowest index first), by selection.</summary>
    private static bool[] TopCells(double[] cells, int count) => Projection.TopCells.Select(cells, count);
}
