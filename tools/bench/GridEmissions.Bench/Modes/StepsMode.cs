using System.Diagnostics;
using System.Globalization;
using GridEmissions.Analysis;
using GridEmissions.Bench.Harness;
using GridEmissions.Bench.National;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Models;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Scenarios;
using static GridEmissions.Bench.Harness.MarkdownTable;

namespace GridEmissions.Bench.Modes;

/// <summary>
/// `national-steps`: where a national year goes. Builds the national case (`--cell-km`, default 1)
/// and replays <see cref="Core.Projection.ProjectionRunner"/>'s yearly loop for `--years` years
/// (default 3) with a stopwatch around each step, doing what the runner does in the same order:
/// the population proxy's advance, each sector's model, the modelled weights kept at the facilities of
/// point sources, city caps, harmonisation in place in the lent buffer, the audit, the
/// facility records scaled to the grid, the total, the pattern indicators (<see cref="SectorPatterns"/>; the
/// base year's shares and top-decile selection apart) and the city totals the
/// national sink computes. All on one thread: the runner does steps 4b–7 of a sector on a second
/// thread while it computes the next sector (steps 0–4), so its year is shorter than this table's sum.
/// A profile, not a run: its outputs are discarded.
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
        var cells = new double[n]; // lent to the models and harmonised in place, as in ProjectionRunner (which alternates two such buffers)
        var patterns = new SectorPatterns();
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
                SectorYear evolved = c.Models[id].Evolve(year, target, cells);
                Add($"1 evolve: {kind} model ({id})", k, w.Elapsed);
                w.Restart();
                double[]? modelled = null; // the modelled weight of each facility's cell, before the caps, as in ProjectionRunner
                if (evolved.Facilities.Count > 0)
                {
                    modelled = [.. evolved.Facilities.Select(r => r.EmissionsTonnes > 0 ? evolved.Weights[r.CellIndex] : 0)];
                }

                Add("1b modelled weights at the facilities (point sources)", k, w.Elapsed);
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
                    var scaled = evolved.Facilities.Select((r, j) => r.EmissionsTonnes <= 0 ? r : r.Scaled(modelled[j] > 0 ? cells[r.CellIndex] / modelled[j] : 0)).ToList();
                    Add("4b facility records scaled to the grid", k, w.Elapsed);
                    GC.KeepAlive(scaled);
                }

                Pattern(id, year, cells, c.Proxy.Urban, outcome.CellsUsed, target, patterns, total, k, Add);
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

    // The runner's total and pattern indicators (SectorPatterns, as ProjectionRunner calls it), the base year's
    // shares and top decile timed apart.
    private static void Pattern(string id, int year, double[] cells, bool[] urban, int used, double target, SectorPatterns patterns, double[] total, int k, Action<string, int, TimeSpan> add)
    {
        var w = Stopwatch.StartNew();
        if (!patterns.HasBase(id))
        {
            BaseYearShares shares = BaseYearShares.Of(cells, SectorPatterns.Scale(target));
            add("6a patterns: base-year shares (kept for the run)", k, w.Elapsed);
            w.Restart();
            patterns.AddBase(id, shares, SectorPatterns.TopDecile(cells, used));
            add("6b patterns: base-year top decile (selection)", k, w.Elapsed);
        }

        w.Restart();
        GC.KeepAlive(patterns.Row(year, id, cells, urban, used, target, double.NaN, total));
        add("5+6 add to the total and pattern indicators", k, w.Elapsed);
    }
}
