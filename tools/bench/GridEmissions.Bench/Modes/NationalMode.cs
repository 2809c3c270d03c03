using System.Diagnostics;
using System.Globalization;
using GridEmissions.Analysis;
using GridEmissions.Bench.Harness;
using GridEmissions.Bench.National;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Models;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Scenarios;
using static GridEmissions.Bench.Harness.MarkdownTable;

namespace GridEmissions.Bench.Modes;

/// <summary>
/// `national`: mainland China on a 1 km grid (≈ 20 million cells; `--cell-km` for coarser), 8
/// sectors, `--years` years from 2024, ~370 synthetic cities, every GEM coal unit as a point source,
/// city totals every year and sector, GeoTIFFs for 2024, 2035 and 2060. Runs in this process and
/// prints the phase times, the per-year memory trace and the result line. `national-sweep` runs it
/// in fresh processes for 5/10/37 years and 4/2/1 km cells.
/// </summary>
public static class NationalMode
{
    private static readonly int[] TiffYears = [2024, 2035, 2060];

    /// <summary>One national run in this process.</summary>
    public static void Run(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string outDir = options.Keep ?? RepoPaths.TempFolder("national");
        Directory.CreateDirectory(outDir);
        var trace = new MarkdownTable("year", "s since start", "RSS MiB", "managed heap MiB (now)", "peak RSS MiB so far");
        foreach (string line in MachineInfo.Describe())
        {
            Console.Error.WriteLine(line);
        }

        try
        {
            Measurement m = Measure.Run(string.Create(CultureInfo.InvariantCulture, $"national {options.CellKm} km, {options.Years} years"), sampler => Workload(options, outDir, sampler, trace));
            Console.WriteLine($"### National: {m.Label}\n");
            var phases = new MarkdownTable("phase", "s");
            foreach (string phase in new[] { "seats_s", "cities_s", "coverage_s", "facilities_s", "proxy_s", "models_s", "projection_s", "city_totals_s", "geotiff_s", "core_s" })
            {
                phases.Add(phase[..^2], F(m.Figure(phase)));
            }

            Console.WriteLine(phases);
            Console.WriteLine(trace);
            Console.WriteLine($"cells {m.Figure("cells"):#,0} ({m.Figure("columns")} x {m.Figure("rows")}), cells in the country {m.Figure("region_cells"):#,0}, cities {m.Figure("cities")}, coal units on the grid {m.Figure("units")}, corridors {m.Figure("corridors")}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall {m.WallSeconds:0.0} s, peak RSS {m.PeakWorkingSetMiB:0} MiB, peak managed heap {m.PeakManagedHeapMiB:0} MiB, peak live after a gen2 GC {m.Figure("peak_live_after_gen2_mib"):0} MiB, allocated {m.AllocatedMiB / 1024:0.0} GiB, GCs {m.Gen0Collections}/{m.Gen1Collections}/{m.Gen2Collections}, GC pause {m.GcPauseSeconds:0.0} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cells×years per s (whole run) {m.Figure("cells") * m.Figure("years") / m.WallSeconds:#,0}; cells×sectors×years per s (projection) {m.Figure("cells") * m.Figure("sectors") * m.Figure("years") / m.Figure("projection_s"):#,0}; worst city-total residual {m.Figure("worst_residual"):E1}; GeoTIFF MiB {m.Figure("tiff_mib"):0}"));
            ChildProcess.Report(m);
        }
        finally
        {
            if (options.Keep is null)
            {
                ScenariosMode.DeleteQuietly(outDir);
            }
        }
    }

    /// <summary>`national-sweep`: the national case in fresh processes across years and cell sizes.</summary>
    public static void Sweep(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var header = new[] { "cell km", "cells", "years", "wall s", "projection s", "peak RSS MiB", "peak managed MiB", "peak live after gen2 MiB", "allocated GiB", "gen2 GCs", "cells×years per s", "cells×sectors×years per s (projection)" };
        var results = new List<Measurement>();
        Measurement Child(double km, int years)
        {
            var cached = results.FirstOrDefault(r => r.Figure("cell_km") == km && r.Figure("years") == years);
            if (cached is not null)
            {
                return cached;
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== national {km} km, {years} years (load {MachineInfo.LoadAverage()})"));
            var m = ChildProcess.Run("national", "--cell-km", km.ToString(CultureInfo.InvariantCulture), "--years", years.ToString(CultureInfo.InvariantCulture));
            results.Add(m);
            return m;
        }

        if (options.Sweep is "years" or "all")
        {
            var t = new MarkdownTable(header);
            foreach (int y in new[] { 5, 10, 37 })
            {
                Row(t, Child(options.CellKm, y));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### National {options.CellKm} km: memory against years\n"));
            Console.WriteLine(t);
        }

        if (options.Sweep is "cells" or "all")
        {
            var t = new MarkdownTable(header);
            foreach (double km in new[] { 4.0, 2.0, 1.0 })
            {
                Row(t, Child(km, options.Years));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### National {options.Years} years: scaling with cells\n"));
            Console.WriteLine(t);
        }
    }

    private static void Row(MarkdownTable t, Measurement m) => t.Add(F(m.Figure("cell_km"), "0.#"), F(m.Figure("cells"), "#,0"), F(m.Figure("years"), "0"),
        F(m.WallSeconds, "0.0"), F(m.Figure("projection_s"), "0.0"), F(m.PeakWorkingSetMiB, "0"), F(m.PeakManagedHeapMiB, "0"), F(m.Figure("peak_live_after_gen2_mib"), "0"), F(m.AllocatedMiB / 1024, "0.0"),
        F(m.Gen2Collections, "0"), F(m.Figure("cells") * m.Figure("years") / m.WallSeconds, "#,0"), F(m.Figure("cells") * m.Figure("sectors") * m.Figure("years") / m.Figure("projection_s"), "#,0"));

    private static Dictionary<string, double> Workload(BenchOptions options, string outDir, MemorySampler sampler, MarkdownTable trace)
    {
        var figures = new Dictionary<string, double>(StringComparer.Ordinal) { ["cell_km"] = options.CellKm };
        NationalCase c = NationalCase.Build(options.CellKm * 1000, options.Years, (name, seconds) =>
        {
            figures[name + "_s"] = seconds;
            sampler.Sample();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {seconds:0.00} s, RSS {Environment.WorkingSet / 1048576.0:0} MiB, heap {GC.GetTotalMemory(false) / 1048576.0:0} MiB"));
        });
        (GridSpec grid, CityCoverage coverage, CellGeography cells, Scenario scenario) = (c.Grid, c.Coverage, c.Cells, c.Scenario);
        using var sink = new CityTotalsSink(coverage, grid, scenario, outDir, TiffYears.ToHashSet(), options.Checksum);
        var runner = new ProjectionRunner(scenario, c.Targets, cells, c.Models, c.Proxy);
        var projection = Stopwatch.StartNew();
        ProjectionResult result = runner.Run(sink, year =>
        {
            sampler.Sample();
            double rss = Environment.WorkingSet / 1048576.0, heap = GC.GetTotalMemory(false) / 1048576.0, peak = MemorySampler.PeakResidentMiB();
            trace.Add(year.ToString(CultureInfo.InvariantCulture), F(projection.Elapsed.TotalSeconds, "0.0"), F(rss, "0"), F(heap, "0"), F(peak, "0"));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {year}: {projection.Elapsed.TotalSeconds:0.0} s, RSS {rss:0} MiB, heap {heap:0} MiB, peak RSS {peak:0} MiB"));
        });
        projection.Stop();
        figures["projection_s"] = projection.Elapsed.TotalSeconds;

        figures["city_totals_s"] = sink.CityTotalsTime.TotalSeconds;
        figures["geotiff_s"] = sink.GeoTiffTime.TotalSeconds;
        figures["core_s"] = figures["projection_s"] - figures["city_totals_s"] - figures["geotiff_s"];
        figures["cells"] = grid.CellCount;
        figures["columns"] = grid.Columns;
        figures["rows"] = grid.Rows;
        figures["region_cells"] = cells.RegionFraction.Count(f => f > 0);
        figures["cities"] = c.Cities.Count;
        figures["lattice_seats"] = c.Seats.Count(s => s.FromLattice);
        figures["units"] = c.Units.Count;
        figures["corridors"] = c.Corridors.Count;
        figures["sectors"] = scenario.Sectors.Count;
        figures["years"] = scenario.Years.Count;
        figures["audit_rows"] = result.Audit.Count;
        figures["worst_audit_error"] = result.Audit.Max(a => a.RelativeError);
        figures["worst_residual"] = sink.WorstRelativeResidual;
        figures["city_total_runs"] = sink.CityTotalRuns;
        figures["facility_records"] = sink.FacilityRecords;
        figures["tiffs"] = sink.Written.Count;
        figures["tiff_mib"] = sink.Written.Sum(f => new FileInfo(f).Length) / 1048576.0;
        figures["coverage_entries"] = coverage.EntryCount;
        figures["coverage_problems"] = coverage.Problems.Count;
        if (options.Checksum)
        {
            Console.Error.WriteLine($"checksum of every grid: {sink.Checksum:X16}");
            figures["checksum_low32"] = sink.Checksum & 0xFFFFFFFF;
        }

        return figures;
    }
}
