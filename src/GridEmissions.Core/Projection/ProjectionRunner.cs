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
        foreach (int year in scenario.Years)
        {
            Array.Clear(total);
            foreach (SectorSpec spec in scenario.Sectors)
            {
                Sector sector = spec.Sector;
                var key = new AllocationKey(scenario.Region, sector.Id, year);
                double target = targets.TargetMt(year, sector.Id) * 1e6;
                SectorYear evolved = models[sector.Id].Evolve(year, target);
                notes.AddRange(evolved.Notes);
                notes.AddRange(CityCapAdjuster.Apply(key, scenario.CityCaps, geography, target, evolved.Weights));
                var cells = new double[n];
                AllocationOutcome outcome = Harmonizer.Allocate(key, target, evolved.Weights, cells);
                audit.Add(MassBalanceAudit.Check(scenario.Id, outcome, cells, evolved.FacilityCount, evolved.RetiredCount));
                sink.WriteSector(year, sector, cells);
                if (evolved.Facilities.Count > 0)
                {
                    sink.WriteFacilities(year, evolved.Facilities);
                }

                for (int i = 0; i < n; i++)
                {
                    total[i] += cells[i];
                }

                patterns.Add(Pattern(year, sector.Id, cells, target, models[sector.Id], baseShares, baseTopDecile));
            }

            sink.WriteTotal(year, total);
            onYear?.Invoke(year);
        }

        return new ProjectionResult(audit, patterns, notes);
    }

    private PatternRow Pattern(int year, string sectorId, double[] cells, double target, ISourceModel model, Dictionary<string, double[]> baseShares, Dictionary<string, bool[]> baseTop)
    {
        int n = cells.Length;
        var share = new double[n];
        int used = 0;
        for (int i = 0; i < n; i++)
        {
            share[i] = target > 0 ? cells[i] / target : 0;
            if (cells[i] > 0)
            {
                used++;
            }
        }

        if (!baseShares.ContainsKey(sectorId))
        {
            baseShares[sectorId] = share;
            var top = new bool[n];
            foreach (int i in Enumerable.Range(0, n).Where(i => cells[i] > 0).OrderByDescending(i => cells[i]).ThenBy(i => i).Take(Math.Max(1, used / 10)))
            {
                top[i] = true;
            }

            baseTop[sectorId] = top;
        }

        double[] b = baseShares[sectorId];
        bool[] t = baseTop[sectorId];
        double inTop = 0, inUrban = 0, moved = 0;
        for (int i = 0; i < n; i++)
        {
            if (t[i])
            {
                inTop += share[i];
            }

            if (proxy.Urban[i])
            {
                inUrban += share[i];
            }

            moved += Math.Abs(share[i] - b[i]);
        }

        double corridor = model is LineSourceModel line ? line.LastCorridorShare : double.NaN;
        return new PatternRow(year, sectorId, inTop, inUrban, corridor, moved / 2, used);
    }
}
