using System.Diagnostics;
using System.Globalization;
using GridEmissions.Analysis;
using GridEmissions.Bench.Harness;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal;
using GridEmissions.Pipeline;
using NetTopologySuite.IO;

namespace GridEmissions.Bench.Modes;

/// <summary>
/// Side by side with the reference tools, alternating runs: exact zonal sums (coverage build + one
/// band's city sums) against exactextractr and terra `extract(exact = TRUE)`, and Gi* against spdep
/// `localG`, on the YRD at 10 km, 1 km and 250 m. The finer grids are the shipped 10 km grid of a
/// `gridem run` output (band 9, the total, of its base year) split evenly into 10 × 10 or 40 × 40
/// cells. Needs `tools/install-native.sh --with-bench-tools`.
/// </summary>
public static class ZonalMode
{
    private static readonly (string Label, int Split)[] Resolutions = [("10 km", 1), ("1 km", 10), ("250 m", 40)];

    /// <summary>Runs the comparison; `--run DIR` a yrd `gridem run` folder (default out/yrd-neutrality), `--repeat R`, `--terra-min-km K` (terra's 250 m call takes minutes).</summary>
    public static void Run(BenchOptions options)
    {
        string runDir = options.Positional.Count > 0 ? options.Positional[0] : RepoPaths.Of("out", "yrd-neutrality");
        var geography = RegionGeography.Load(RepoPaths.Of("boundaries", "cities.geojson"), "YRD", 10_000, 2);
        double[] coarse = ReadTotal(Path.Combine(runDir, "grids", "emissions_2024.tif"), geography.Grid);
        string work = RepoPaths.TempFolder("zonal");
        Directory.CreateDirectory(work);
        string citiesCsv = Path.Combine(work, "cities.csv");
        WriteCities(citiesCsv, geography.Coverage.Cities);
        var polygons = geography.Coverage.Cities;
        CityCoverage.Build(geography.Grid, polygons); // JIT warm-up, not measured

        var zonal = new MarkdownTable("grid", "cells", "runs", "GridEmissions s (min / median)", "exactextractr s (min / median)", "terra s (min / median)",
            "ratio exactextractr ÷ GridEmissions (min / median)", "ratio terra ÷ GridEmissions (min / median)", "max rel. Δ vs exactextractr", "max rel. Δ vs terra");
        var gi = new MarkdownTable("grid", "region cells", "GridEmissions s (weights)", "GridEmissions s (Gi*)", "spdep s (weights)", "spdep s (localG)", "ratio localG ÷ Gi*", "ratio spdep weights + localG ÷ GridEmissions weights + Gi*", "max |Δz|");
        try
        {
            foreach (var (label, split) in Resolutions)
            {
                GridSpec grid = Split(geography.Grid, split);
                double[] values = SplitValues(coarse, geography.Grid, split);
                string tif = Path.Combine(work, $"total_{split}.tif");
                GeoTiffWriter.Write(tif, grid, [new RasterBand("total", values, new Dictionary<string, string>())], new Dictionary<string, string>(), GeoTiffOptions.Default);
                var ours = new List<double>();
                var exact = new List<double>();
                var terra = new List<double>();
                double[] sums = [];
                double[] exactSums = [], terraSums = [];
                CityCoverage? coverage = null;
                for (int rep = 0; rep < (options.GiOnly ? 0 : options.Repeat); rep++)
                {
                    Console.Error.WriteLine($"zonal {label}: run {rep + 1} of {options.Repeat}");
                    var watch = Stopwatch.StartNew();
                    coverage = CityCoverage.Build(grid, polygons);
                    var totals = CityTotals.Compute(coverage, values);
                    watch.Stop();
                    ours.Add(watch.Elapsed.TotalSeconds);
                    sums = [.. totals.Cities.Select(c => c.EmissionsTonnes)];
                    (double te, exactSums) = RunR("exactextractr", tif, citiesCsv, work);
                    exact.Add(te);
                    if (grid.CellSizeMetres / 1000 >= options.TerraMinCellKm)
                    {
                        (double tt, terraSums) = RunR("terra", tif, citiesCsv, work);
                        terra.Add(tt);
                    }
                }

                coverage ??= CityCoverage.Build(grid, polygons);
                if (!options.GiOnly)
                {
                    zonal.Add(label, grid.CellCount.ToString("N0", CultureInfo.InvariantCulture), options.Repeat.ToString(CultureInfo.InvariantCulture),
                        MinMedian(ours, "0.000"), MinMedian(exact, "0.000"), terra.Count > 0 ? MinMedian(terra, "0.000") : "not run (--terra-min-km)",
                        Ratio(exact, ours), terra.Count > 0 ? Ratio(terra, ours) : "—", MaxRel(sums, exactSums).ToString("0.0E+0", CultureInfo.InvariantCulture),
                        terra.Count > 0 ? MaxRel(sums, terraSums).ToString("0.0E+0", CultureInfo.InvariantCulture) : "—");
                    Console.Error.WriteLine($"zonal {label} so far (load {MachineInfo.LoadAverage()}):\n{zonal}");
                }

                if (split <= 10 && !options.NoGi)
                {
                    gi.Add(CompareGiStar(label, grid, values, coverage!, work));
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        Console.WriteLine("Exact zonal sums (coverage build + one band's city sums), YRD, 41 cities:");
        Console.WriteLine();
        Console.WriteLine(zonal);
        Console.WriteLine("Gi* (queen, self included, analytic z) on the region cells:");
        Console.WriteLine();
        Console.WriteLine(gi);
    }

    private static string[] CompareGiStar(string label, GridSpec grid, double[] values, CityCoverage coverage, string work)
    {
        var mask = new bool[grid.CellCount];
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = coverage.CoveredFractions[i] > 0;
        }

        GetisOrdGiStar.Compute(SpatialWeights.Queen(grid, mask), values); // warm-up
        var watch = Stopwatch.StartNew();
        var weights = SpatialWeights.Queen(grid, mask);
        double oursWeights = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var result = GetisOrdGiStar.Compute(weights, values);
        double oursGi = watch.Elapsed.TotalSeconds;

        string cells = Path.Combine(work, "gi_cells.csv"), zOut = Path.Combine(work, "gi_z.csv");
        using (var w = new StreamWriter(cells))
        {
            w.WriteLine("cell,value");
            for (int i = 0; i < mask.Length; i++)
            {
                if (mask[i])
                {
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i},{values[i]:R}"));
                }
            }
        }

        var lines = Rscript("gistar.R", grid.Rows.ToString(CultureInfo.InvariantCulture), grid.Columns.ToString(CultureInfo.InvariantCulture), cells, zOut);
        double tw = Seconds(lines, "seconds_weights"), tg = Seconds(lines, "seconds_localg");
        double maxDz = 0;
        foreach (string line in File.ReadLines(zOut).Skip(1))
        {
            string[] f = line.Split(',');
            int cell = int.Parse(f[0], CultureInfo.InvariantCulture);
            maxDz = Math.Max(maxDz, Math.Abs(result.Z[cell] - double.Parse(f[1], CultureInfo.InvariantCulture)));
        }

        return [label, result.RegionCellCount.ToString("N0", CultureInfo.InvariantCulture), MarkdownTable.F(oursWeights, "0.0000"), MarkdownTable.F(oursGi, "0.0000"), MarkdownTable.F(tw, "0.000"), MarkdownTable.F(tg, "0.000"),
            MarkdownTable.F(tg / oursGi, "0.0"), MarkdownTable.F((tw + tg) / (oursWeights + oursGi), "0"), maxDz.ToString("0.0E+0", CultureInfo.InvariantCulture)];
    }

    private static double[] ReadTotal(string tif, GridSpec grid)
    {
        using var raster = RasterDataset.Open(tif);
        if (raster.Width != grid.Columns || raster.Height != grid.Rows)
        {
            throw new InvalidOperationException($"{tif} is {raster.Width} x {raster.Height}, the YRD grid {grid.Columns} x {grid.Rows}: give a yrd `gridem run` folder");
        }

        double[] v = raster.ReadBand(9);
        double? nodata = raster.NoData(9);
        for (int i = 0; i < v.Length; i++)
        {
            if (v[i] == nodata || !double.IsFinite(v[i]))
            {
                v[i] = 0;
            }
        }

        return v;
    }

    private static GridSpec Split(GridSpec g, int k) =>
        k == 1 ? g : new GridSpec($"{g.Name}-{g.CellSizeMetres / k:0}m", g.CellSizeMetres / k, g.WestColumn * k, ((g.NorthRow + 1) * k) - 1, g.Columns * k, g.Rows * k);

    // Each coarse cell's value spread evenly over its k × k fine cells (sums preserved).
    private static double[] SplitValues(double[] coarse, GridSpec g, int k)
    {
        if (k == 1)
        {
            return coarse;
        }

        int fineColumns = g.Columns * k;
        var fine = new double[(long)fineColumns * g.Rows * k];
        for (int r = 0; r < g.Rows * k; r++)
        {
            for (int c = 0; c < fineColumns; c++)
            {
                fine[((long)r * fineColumns) + c] = coarse[((r / k) * g.Columns) + (c / k)] / (k * k);
            }
        }

        return fine;
    }

    private static void WriteCities(string path, IReadOnlyList<CityPolygon> cities)
    {
        var wkb = new WKBWriter();
        using var w = new StreamWriter(path);
        w.WriteLine("adcode,wkb");
        foreach (var c in cities)
        {
            w.WriteLine($"{c.Key},{WKBWriter.ToHex(wkb.Write(c.Geometry))}");
        }
    }

    private static (double Seconds, double[] Sums) RunR(string tool, string tif, string cities, string work)
    {
        string output = Path.Combine(work, $"{tool}.csv");
        var lines = Rscript("zonal.R", tool, tif, cities, output);
        double[] sums = [.. File.ReadLines(output).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture))];
        return (Seconds(lines, "seconds"), sums);
    }

    private static List<string> Rscript(string script, params string[] args)
    {
        var start = new ProcessStartInfo("Rscript") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepoPaths.Of("tools", "bench", "zonal", script));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start) ?? throw new InvalidOperationException("cannot start Rscript (run tools/install-native.sh --with-bench-tools)");
        var err = p.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        string? line;
        while ((line = p.StandardOutput.ReadLine()) is not null)
        {
            lines.Add(line);
        }

        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"Rscript {script} failed ({p.ExitCode}): {err.Result}");
        }

        return lines;
    }

    private static double Seconds(List<string> lines, string key) =>
        double.Parse(lines.First(l => l.StartsWith(key + " ", StringComparison.Ordinal))[(key.Length + 1)..], CultureInfo.InvariantCulture);

    private static double Median(List<double> v)
    {
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }

    private static string MinMedian(List<double> v, string format) => $"{MarkdownTable.F(v.Min(), format)} / {MarkdownTable.F(Median(v), format)}";

    private static string Ratio(List<double> theirs, List<double> ours) =>
        $"{MarkdownTable.F(theirs.Min() / ours.Min(), "0.0")} / {MarkdownTable.F(Median(theirs) / Median(ours), "0.0")}";

    private static double MaxRel(double[] ours, double[] theirs)
    {
        double worst = 0;
        for (int i = 0; i < ours.Length; i++)
        {
            double scale = Math.Max(Math.Abs(ours[i]), Math.Abs(theirs[i]));
            worst = Math.Max(worst, scale > 0 ? Math.Abs(ours[i] - theirs[i]) / scale : 0);
        }

        return worst;
    }
}
