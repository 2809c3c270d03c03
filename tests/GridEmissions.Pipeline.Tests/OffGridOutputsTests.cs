using System.Globalization;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Tabular;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline.Tests;

/// <summary>
/// The YRD run holds the study's indirect emissions of imported electricity off the grid: every output must add up
/// (grid + off-grid = the study's total), the off-grid part must be on no cell and in no city, and a run without one
/// (Henan) must carry no off-grid line at all.
/// </summary>
public sealed class OffGridOutputsTests(ShippedRuns runs) : IClassFixture<ShippedRuns>
{
    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static Dictionary<(int Year, string Sector), double> Targets(string run)
    {
        CsvTable t = CsvTable.Load(Path.Combine(run, "targets.csv"));
        return t.Rows.ToDictionary(r => (int.Parse(r[t.ColumnIndex("year")], CultureInfo.InvariantCulture), r[t.ColumnIndex("sector")]), r => D(r[t.ColumnIndex("target_mt")]));
    }

    private static double GridTotalTonnes(string run, int year)
    {
        using RasterDataset r = RasterDataset.Open(Path.Combine(run, "grids", FormattableString.Invariant($"emissions_{year}.tif")));
        double[] total = r.ReadBand(r.BandCount);
        Assert.Equal("total", r.BandDescription(r.BandCount));
        return Core.Allocation.PreciseSum.Of([.. total.Where(v => v != RegionMask.NoData)]);
    }

    [Fact]
    public void The_grid_total_plus_the_off_grid_part_is_the_studys_total_every_year()
    {
        var t = Targets(runs.Yrd);
        Assert.Equal(310.7, t[(2024, "off_grid")], 9);
        Assert.Equal(360, t[(2025, "off_grid")], 9);
        foreach (int year in Enumerable.Range(2024, 37))
        {
            double expected = t[(year, "total")] * 1e6;
            double got = GridTotalTonnes(runs.Yrd, year) + (t[(year, "off_grid")] * 1e6);
            Assert.True(Math.Abs(got - expected) <= 1e-9 * expected, $"{year}: expected {expected:R} t, got grid + off-grid {got:R} t, difference {got - expected:E2}");
        }
    }

    [Fact]
    public void Each_year_has_one_passing_off_grid_audit_row_that_says_what_is_held_and_why()
    {
        CsvTable audit = CsvTable.Load(Path.Combine(runs.Yrd, "audit.csv"));
        var rows = audit.Rows.Where(r => r[audit.ColumnIndex("sector")] == "off_grid").ToList();
        Assert.Equal(37, rows.Count);
        foreach (CsvRow r in rows)
        {
            Assert.Equal("true", r[audit.ColumnIndex("passes")]);
            Assert.Equal("off_grid", r[audit.ColumnIndex("sign")]);
            Assert.Equal("0", r[audit.ColumnIndex("cells_used")]);
            Assert.True(D(r[audit.ColumnIndex("relative_error")]) <= 1e-9, $"line {r.Line}: relative error {r[audit.ColumnIndex("relative_error")]}");
            Assert.StartsWith("held off the grid: ", r[audit.ColumnIndex("closure")], StringComparison.Ordinal);
            Assert.Contains("imported electricity", r[audit.ColumnIndex("closure")], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void City_totals_hold_the_grid_only_and_never_the_off_grid_part()
    {
        var t = Targets(runs.Yrd);
        CsvTable cities = CsvTable.Load(Path.Combine(runs.Yrd, "analysis", "city_totals.csv"));
        Assert.DoesNotContain(cities.Rows, r => r[cities.ColumnIndex("sector")] == "off_grid");
        foreach (int year in new[] { 2024, 2035 })
        {
            string y = year.ToString(CultureInfo.InvariantCulture);
            double booked = Core.Allocation.PreciseSum.Of([.. cities.Rows.Where(r => r[cities.ColumnIndex("year")] == y && r[cities.ColumnIndex("sector")] == "total").Select(r => D(r[cities.ColumnIndex("emissions_t")]))]);
            double onGrid = (t[(year, "total")] - t[(year, "off_grid")]) * 1e6;
            Assert.True(Math.Abs(booked - onGrid) <= 1e-9 * onGrid, $"{year}: cities + outside {booked:R} t, on-grid part {onGrid:R} t");
        }
    }

    [Fact]
    public void The_summary_reports_the_part_held_off_the_grid_and_the_region_net_includes_it()
    {
        string summary = File.ReadAllText(Path.Combine(runs.Yrd, "summary.md"));
        Assert.Contains("## Held off the grid", summary, StringComparison.Ordinal);
        Assert.Contains("| 2024 | 2390.00 | 310.70 | 2079.30 |", summary, StringComparison.Ordinal);
        Assert.Contains("| 2025 | 2400.00 | 360.00 | 2040.00 |", summary, StringComparison.Ordinal); // every year, not only the key years
        Assert.Contains("show the region's total minus this part", summary, StringComparison.Ordinal);
        CsvTable net = CsvTable.Load(Path.Combine(runs.Yrd, "net_totals.csv"));
        CsvRow r2024 = net.Rows.Single(r => r[net.ColumnIndex("year")] == "2024");
        Assert.Equal(2390, D(r2024[net.ColumnIndex("gross_mt")]), 9);
        Assert.Equal(2360, D(r2024[net.ColumnIndex("net_mt")]), 9);
    }

    [Fact]
    public void A_run_without_an_off_grid_part_has_no_off_grid_line_anywhere()
    {
        foreach (string file in new[] { "targets.csv", "audit.csv", "summary.md", Path.Combine("analysis", "city_totals.csv") })
        {
            Assert.DoesNotContain("off_grid", File.ReadAllText(Path.Combine(runs.Henan, file)), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Held off the grid", File.ReadAllText(Path.Combine(runs.Henan, "summary.md")), StringComparison.Ordinal);
    }
}
