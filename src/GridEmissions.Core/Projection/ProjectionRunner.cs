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
/// stream to the sink (one year in memory at a time). A sector's grid goes to the sink and the
/// pattern indicators on a second thread while the next sector is computed, and the year's total while
/// the population proxy advances to the next year; the sink's calls still
/// come one at a time and in order, so the outputs are those of a serial run. A target that
/// cannot be conserved stops the run with an <see cref="AllocationException"/>.
/// </summary>
public sealed class ProjectionRunner(Scenario scenario, SectorTargets targets, CellGeography geography, IReadOnlyDictionary<string, ISourceModel> models, PopulationProxy proxy)
{
    /// <summary>
    /// Runs every year into the sink; <paramref name="onYear"/> reports progress once a year's total is in the sink (on
    /// the second thread, in year order, one call at a time, while the first computes the next year).
    /// </summary>
    public ProjectionResult Run(IProjectionSink sink, Action<int>? onYear = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        int n = geography.Grid.CellCount;
        var audit = new List<AuditRow>();
        var patterns = new List<PatternRow>();
        var notes = new List<string>();
        var sectorPatterns = new SectorPatterns();
        var total = new double[n];
        // Sector k is modelled and harmonised in buffer k % 2 while the hand-off gives sector k − 1 (the other buffer) to the
        // sink and the pattern indicators on a second thread. The sink gets its calls one at a time, in order, as a serial run
        // makes them. The buffer is lent to the model for its weights and the harmoniser scales them in place (cell by cell:
        // the bits of a separate output grid), so no grid is allocated per sector-year. The year's total is summed on the
        // second thread, which also hands it to the sink after the last sector, while the first thread advances the proxy
        // to the next year: the patterns therefore read the year's urban mask from a copy, taken once the previous year's
        // work is done.
        double[][] buffers = [new double[n], new double[n]];
        var urban = new bool[n];
        using var handOff = new HandOff();
        int handed = 0;
        foreach (int year in scenario.Years)
        {
            proxy.AdvanceTo(year);
            handOff.Wait(); // the copy's readers (the previous year's sectors) are done
            proxy.Urban.CopyTo(urban, 0);
            var onGrid = default(PreciseAccumulator);
            foreach (SectorSpec spec in scenario.Sectors)
            {
                Sector sector = spec.Sector;
                var key = new AllocationKey(scenario.Region, sector.Id, year);
                double target = targets.TargetMt(year, sector.Id) * 1e6;
                double[] cells = buffers[handed++ % 2]; // the hand-off's work on it (two sectors ago) finished at the last Post
                SectorYear evolved = models[sector.Id].Evolve(year, target, cells);
                notes.AddRange(evolved.Notes);
                // a point sector's modelled weight in each facility's cell, before the caps: it scales the facility records
                double[]? modelledNow = evolved.Facilities.Count > 0 ? ModelledAtFacilities(evolved.Facilities, evolved.Weights) : null;

                IReadOnlyList<string> capNotes = CityCapAdjuster.Apply(key, scenario.CityCaps, geography, target, evolved.Weights);
                notes.AddRange(capNotes);
                // in place when the model filled the lent buffer; a model that returns its own grid keeps it
                AllocationOutcome outcome = Harmonizer.Allocate(key, target, evolved.Weights, cells, out CellCensus census);
                string closure = string.Join("; ", new[] { evolved.Closure }.Concat(modelledNow is not null ? capNotes.Select(n => "city cap redistributes facility output: " + n) : []).Where(c => c.Length > 0));
                audit.Add(MassBalanceAudit.Check(scenario.Id, outcome, census, evolved.FacilityCount, evolved.RetiredCount) with { Closure = closure });
                onGrid.Add(census.Sum);
                double corridor = models[sector.Id] is LineSourceModel line ? line.LastCorridorShare : double.NaN;
                int y = year;
                handOff.Post(() =>
                {
                    sink.WriteSector(y, sector, cells);
                    if (modelledNow is not null)
                    {
                        sink.WriteFacilities(y, FacilitiesOnTheGrid(evolved.Facilities, modelledNow, cells));
                    }

                    patterns.Add(sectorPatterns.Row(y, sector.Id, cells, urban, outcome.CellsUsed, target, corridor, total));
                });
            }

            if (scenario.OffGrid is { } offGrid)
            {
                audit.Add(OffGridAudit.Check(scenario.Region, scenario.Id, year, targets.OffGridMt(year) * 1e6, targets.TotalMt(year) * 1e6, onGrid.Value, offGrid.Reason));
            }

            int done = year;
            handOff.Then(() =>
            {
                sink.WriteTotal(done, total); // every sector of the year is in the sink and the total
                Array.Clear(total);
                onYear?.Invoke(done);
            });
        }

        handOff.Wait();
        return new ProjectionResult(audit, patterns, notes);
    }

    /// <summary>
    /// The facility records scaled to what the grid carries: each facility in a cell is scaled by
    /// the cell's allocated / modelled ratio (a city cap, and harmonisation's rounding), so the
    /// facilities in a cell always sum to the cell. <paramref name="modelled"/> is the modelled weight of each record's cell.
    /// </summary>
    private static IReadOnlyList<Models.Points.FacilityYearRecord> FacilitiesOnTheGrid(IReadOnlyList<Models.Points.FacilityYearRecord> records, double[] modelled, double[] cells)
    {
        var scaled = new List<Models.Points.FacilityYearRecord>(records.Count);
        for (int k = 0; k < records.Count; k++)
        {
            Models.Points.FacilityYearRecord r = records[k];
            if (r.EmissionsTonnes <= 0)
            {
                scaled.Add(r);
                continue;
            }

            int cell = r.CellIndex;
            scaled.Add(r.Scaled(modelled[k] > 0 ? cells[cell] / modelled[k] : 0));
        }

        return scaled;
    }

    /// <summary>The modelled weight of each record's cell (records without emissions get 0: they are not scaled).</summary>
    private static double[] ModelledAtFacilities(IReadOnlyList<Models.Points.FacilityYearRecord> records, double[] weights)
    {
        var modelled = new double[records.Count];
        for (int k = 0; k < records.Count; k++)
        {
            modelled[k] = records[k].EmissionsTonnes > 0 ? weights[records[k].CellIndex] : 0;
        }

        return modelled;
    }
}
