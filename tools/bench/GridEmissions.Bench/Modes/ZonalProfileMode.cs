using System.Diagnostics;
using System.Globalization;
using GridEmissions.Analysis;
using GridEmissions.Bench.Harness;
using GridEmissions.Core.Grids;
using GridEmissions.Pipeline;
using NetTopologySuite.Operation.Valid;

namespace GridEmissions.Bench.Modes;

/// <summary>
/// `zonal-profile`: GridEmissions' side of `zonal` alone (no R needed), to see where a build goes:
/// the YRD's 41 cities at 10 km, 1 km and 250 m, `--repeat R` times each, the coverage build and
/// the one-band city sums timed apart, and the polygons' validity check (part of every build) alone:
/// the fast proof the build runs, and NTS's IsValidOp, which it falls back to.
/// The values are the cells' own index (any finite band costs the same).
/// </summary>
public static class ZonalProfileMode
{
    /// <summary>Runs the profile.</summary>
    public static void Run(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var geography = RegionGeography.Load(RepoPaths.Of("boundaries", "cities.geojson"), "YRD", 10_000, 2);
        var polygons = geography.Coverage.Cities;
        CityCoverage.Build(geography.Grid, polygons); // JIT warm-up
        var table = new MarkdownTable("grid", "cells", "entries", "validity proof s (min)", "IsValidOp s (min)", "build s (min / median)", "city sums s (min / median)", "build + sums s (min / median)");
        foreach (int split in new[] { 1, 10, 40 })
        {
            GridSpec g = geography.Grid;
            GridSpec grid = split == 1 ? g : new GridSpec($"{g.Name}-{g.CellSizeMetres / split:0}m", g.CellSizeMetres / split, g.WestColumn * split, ((g.NorthRow + 1) * split) - 1, g.Columns * split, g.Rows * split);
            var values = new double[grid.CellCount];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = i % 1000;
            }

            var proof = new List<double>();
            var valid = new List<double>();
            var build = new List<double>();
            var sums = new List<double>();
            var both = new List<double>();
            int entries = 0;
            for (int rep = 0; rep < options.Repeat; rep++)
            {
                var watch = Stopwatch.StartNew();
                foreach (CityPolygon p in polygons)
                {
                    _ = PolygonValidity.IsCertainlyValid(p.Geometry);
                }

                proof.Add(watch.Elapsed.TotalSeconds);
                watch.Restart();
                foreach (CityPolygon p in polygons)
                {
                    _ = new IsValidOp(p.Geometry).IsValid;
                }

                valid.Add(watch.Elapsed.TotalSeconds);
                watch.Restart();
                CityCoverage coverage = CityCoverage.Build(grid, polygons);
                double tb = watch.Elapsed.TotalSeconds;
                watch.Restart();
                CityTotals.Compute(coverage, values);
                double ts = watch.Elapsed.TotalSeconds;
                build.Add(tb);
                sums.Add(ts);
                both.Add(tb + ts);
                entries = coverage.EntryCount;
            }

            table.Add(split == 1 ? "10 km" : split == 10 ? "1 km" : "250 m", grid.CellCount.ToString("N0", CultureInfo.InvariantCulture), entries.ToString("N0", CultureInfo.InvariantCulture),
                MarkdownTable.F(proof.Min(), "0.000"), MarkdownTable.F(valid.Min(), "0.000"), MinMedian(build), MinMedian(sums), MinMedian(both));
        }

        Console.WriteLine($"### Zonal, GridEmissions alone (load {MachineInfo.LoadAverage()})\n");
        Console.WriteLine(table);
    }

    private static string MinMedian(List<double> v)
    {
        var s = v.Order().ToArray();
        double median = s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
        return $"{MarkdownTable.F(s[0], "0.000")} / {MarkdownTable.F(median, "0.000")}";
    }
}
