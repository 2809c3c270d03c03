using System.Diagnostics;
using System.Globalization;
using GridEmissions.Analysis;
using GridEmissions.Bench.Harness;
using GridEmissions.Bench.National;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Models;
using GridEmissions.Core.Scenarios;
using static GridEmissions.Bench.Harness.MarkdownTable;

namespace GridEmissions.Bench.Modes;

/// <summary>
/// `national-steps`: where a national year goes. Builds the national case (`--cell-km`, default 1)
/// and replays <see cref="Core.Projection.ProjectionRunner"/>'s yearly loop for `--years` years
/// (default 3) with a stopwatch around each step, doing what the runner does in the same order:
/// the population proxy's advance, each sector's model, the copy of the modelled weights kept for
/// point sources, city caps, harmonisation into the one reused cell buffer, the audit, the
/// facility records scaled to the grid, the total, the pattern indicators (the base year's
/// top-decile selection apart, <see cref="Core.Projection.TopCells"/>) and the city totals the
/// national sink computes. A profile, not a run: its outputs are discarded.
/// </summary>
public static class StepsMode
{
    /// <summary>Runs the profile and prints the table.</summary>
    public static void Run(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        NationalCase c = NationalCase.Build(options.CellKm * 1000, options.Years, (name, s) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {s:0.00} s")));
        int n = c.Grid.CellCount;
        var steps = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        void Add(string step, int yearIndex, TimeSpan t)
        {
            if (!steps.TryGetValue(step, out double[]? row))
            {
                steps[step] = row = new double[options.Years];
            }

            row[yearIndex] += t.TotalSeconds;
        }

        var total = new double[n];
        var cells = new double[n]; // reused, as in ProjectionRunner
        var weights = new double[n]; // lent to the models, as in ProjectionRunner
        var modelledBuffer = new double[n]; // the point sectors' modelled weights, copied into one buffer, as in ProjectionRunner
        var baseShares = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var baseTop = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        var w = new Stopwatch();
        IReadOnlyList<int> years = c.Scenario.Years;
        for (int k = 0; k < years.Count; k++)
        {
            int year = years[k];
            w.Restart();
            c.Proxy.AdvanceTo(year);
            Add("0 proxy advance (grow urban land, distribute residents)", k, w.Elapsed);
            Array.Clear(total);
            foreach (SectorSpec spec in c.Scenario.Sectors)
            {
                string id = spec.Sector.Id;
                string kind = spec.Model.GetType().Name.Replace("ModelSpec", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
                var key = new AllocationKey(c.Scenario.Region, id, year);
                double target = c.Targets.TargetMt(year, id) * 1e6;
                w.Restart();
                SectorYear evolved = c.Models[id].Evolve(year, target, weights);
                Add($"1 evolve: {kind} model ({id})", k, w.Elapsed);
                w.Restart();
                double[]? modelled = null;
                if (evolved.Facilities.Count > 0)
                {
                    evolved.Weights.AsSpan().CopyTo(modelledBuffer);
                    modelled = modelledBuffer;
                }

                Add("1b copy of the modelled weights (point sources)", k, w.Elapsed);
                w.Restart();
                CityCapAdjuster.Apply(key, c.Scenario.CityCaps, c.Cells, target, evolved.Weights);
                Add("2 city caps", k, w.Elapsed);
                w.Restart();
                AllocationOutcome outcome = Harmonizer.Allocate(key, target, evolved.Weights, cells, out CellCensus census);
                Add("3 harmonise (pass 1: check and sum the weights; pass 2: scale, count and sum the cells)", k, w.Elapsed);
                w.Restart();
                MassBalanceAudit.Check(c.Scenario.Id, outcome, census, evolved.FacilityCount, evolved.RetiredCount);
                Add("4 audit (from the harmoniser's census: no pass)", k, w.Elapsed);
                if (modelled is not null)
                {
                    w.Restart();
                    var scaled = evolved.Facilities.Select(r => r.EmissionsTonnes <= 0 ? r : r.Scaled(modelled[r.CellIndex] > 0 ? cells[r.CellIndex] / modelled[r.CellIndex] : 0)).ToList();
                    Add("4b facility records scaled to the grid", k, w.Elapsed);
                    GC.KeepAlive(scaled);
                }

                Pattern(id, cells, outcome.CellsUsed, target, c.Proxy.Urban, baseShares, baseTop, total, k, Add);
                w.Restart();
                CityTotals.Compute(c.Coverage, cells);
                Add("7 city totals (sink)", k, w.Elapsed);
            }

            w.Restart();
            CityTotals.Compute(c.Coverage, total);
            Add("7 city totals (sink)", k, w.Elapsed);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {year} done, RSS {Environment.WorkingSet / 1048576.0:0} MiB"));
        }

        var header = new List<string> { "step" };
        header.AddRange(years.Select(y => y.ToString(CultureInfo.InvariantCulture) + " s"));
        var table = new MarkdownTable([.. header]);
        foreach (var (step, row) in steps)
        {
            table.Add([step, .. row.Select(v => F(v, "0.000"))]);
        }

        table.Add(["**year total**", .. Enumerable.Range(0, years.Count).Select(k => F(steps.Values.Sum(r => r[k]), "0.00"))]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### National {options.CellKm} km: time per step ({n:#,0} cells)\n"));
        Console.WriteLine(table);
    }

    // The runner's pattern indicators, as ProjectionRunner computes them (it is private there).
    // and, in the same pass, the sector added to the year's total.
    private static void Pattern(string id, double[] cells, int used, double target, bool[] urban, Dictionary<string, double[]> baseShares, Dictionary<string, bool[]> baseTop, double[] total, int k, Action<string, int, TimeSpan> add)
    {
        var w = Stopwatch.StartNew();
        int n = cells.Length;
        double scale = target > 0 ? 1 / target : 0;
        if (!baseShares.TryGetValue(id, out double[]? b))
        {
            w.Restart();
            b = new double[n];
            for (int i = 0; i < n; i++)
            {
                b[i] = cells[i] * scale;
            }

            baseShares[id] = b;
            add("6a patterns: base-year shares (kept for the run)", k, w.Elapsed);
            w.Restart();
            baseTop[id] = Core.Projection.TopCells.Select(cells, Math.Max(1, used / 10));
            add("6b patterns: base-year top decile (selection)", k, w.Elapsed);
        }

        w.Restart();
        bool[] t = baseTop[id];
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

        add("5+6 add to the total and pattern indicators (one pass)", k, w.Elapsed);
        GC.KeepAlive(inTop + inUrban + moved);
    }
}
