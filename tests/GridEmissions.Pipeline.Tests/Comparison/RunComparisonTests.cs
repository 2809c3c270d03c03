using GridEmissions.Core.Allocation;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal;
using GridEmissions.Pipeline.Comparison;

namespace GridEmissions.Pipeline.Tests.Comparison;

public sealed class RunComparisonTests(ComparisonFixture fixture) : IClassFixture<ComparisonFixture>
{
    private static double[] Band(string path, string name)
    {
        using var ds = RasterDataset.Open(path);
        for (int b = 1; b <= ds.BandCount; b++)
        {
            if (ds.BandDescription(b) == name)
            {
                double[] v = ds.ReadBand(b);
                RegionMask.ZeroNoData(v, RegionMask.NoData);
                return v;
            }
        }

        throw new InvalidOperationException($"no band {name} in {path}");
    }

    [Theory]
    [InlineData("compare-policy", "henan-reference", "henan-neutrality")]
    [InlineData("compare-plant", "henan-neutrality", "henan-plant-whatif")]
    public void The_difference_grid_of_the_totals_sums_to_the_difference_of_the_run_totals(string compare, string a, string b)
    {
        foreach (int year in new[] { 2024, 2030, 2035, 2045, 2060 })
        {
            double[] d = Band(YearGrid.PathIn(Path.Combine(fixture.Parent, compare), year).Replace("emissions_", "difference_", StringComparison.Ordinal), "total");
            double ta = PreciseSum.Of(Band(YearGrid.PathIn(fixture.Run(a), year), "total"));
            double tb = PreciseSum.Of(Band(YearGrid.PathIn(fixture.Run(b), year), "total"));
            double error = Math.Abs(PreciseSum.Of(d) - (tb - ta)) / Math.Max(ta, tb);
            Assert.True(error <= 1e-9, $"{compare} {year}: Σ difference {PreciseSum.Of(d)} vs {tb - ta} (relative error {error:E2})");
        }

        ComparisonResult result = compare == "compare-policy" ? fixture.Policy : fixture.Plant;
        Assert.Equal(37 * 9, result.SumChecks.Count);
        Assert.True(result.MaxRelativeError <= RunComparison.Tolerance);
    }

    [Fact]
    public void The_policy_comparison_sees_the_neutrality_pathway_below_the_reference_in_2035()
    {
        DifferenceSum t2035 = fixture.Policy.SumChecks.Single(s => s.Year == 2035 && s.Sector == "total");
        Assert.True(t2035.DifferenceSumTonnes < -1e6, $"2035 difference {t2035.DifferenceSumTonnes}");
        Assert.Equal(0, fixture.Policy.SumChecks.Single(s => s.Year == 2024 && s.Sector == "total").DifferenceSumTonnes, 6);
    }

    [Fact]
    public void The_plant_what_if_moves_power_emissions_away_from_the_retired_unit_without_changing_the_targets()
    {
        foreach (DifferenceSum s in fixture.Plant.SumChecks)
        {
            Assert.True(Math.Abs(s.DifferenceSumTonnes) <= 1e-9 * Math.Max(1, s.TotalA), $"{s.Sector} {s.Year}: the what-if changes no target, yet Σ difference is {s.DifferenceSumTonnes}");
        }

        var (_, rows) = HenanRunFixture.ReadCsv(Path.Combine(fixture.Run("henan-neutrality"), "facilities.csv"));
        var unit = rows.First(r => r["facility_id"] == fixture.RetiredUnit && r["year"] == "2031");
        Assert.True(HenanRunFixture.Number(unit["emissions_t"]) > 0, "the unit emits in the base run in 2031");
        GridSpec grid = RunFolder.Load(fixture.Run("henan-neutrality"), null).Region.Grid;
        int cell = Enumerable.Range(0, grid.CellCount).Single(i => grid.CellId(i) == unit["cell_id"]);
        double[] power = Band(Path.Combine(fixture.Parent, "compare-plant", "grids", "difference_2031.tif"), "power");
        Assert.True(power[cell] < 0, $"power difference at the retired unit's cell is {power[cell]}");
        Assert.Contains(power, v => v > 0);
        double[] before = Band(Path.Combine(fixture.Parent, "compare-plant", "grids", "difference_2029.tif"), "power");
        Assert.Equal(0, before[cell]);
    }

    [Fact]
    public void The_city_table_reconciles_with_the_difference_grids()
    {
        var (header, rows) = HenanRunFixture.ReadCsv(Path.Combine(fixture.Parent, "compare-policy", "city_differences.csv"));
        Assert.Equal(CityDifferences.Header, header);
        foreach (var group in rows.Where(r => r["sector"] is "total" or "power").GroupBy(r => (r["year"], r["sector"])))
        {
            DifferenceSum s = fixture.Policy.SumChecks.Single(c => c.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) == group.Key.Item1 && c.Sector == group.Key.Item2);
            double cities = group.Sum(r => HenanRunFixture.Number(r["difference_t"]));
            Assert.True(Math.Abs(cities - s.DifferenceSumTonnes) <= 1e-6 * Math.Max(s.TotalA, s.TotalB), $"{group.Key}: cities + outside {cities} vs grid {s.DifferenceSumTonnes}");
            Assert.All(group.Where(r => r["adcode"] != "outside"), r => Assert.Equal(HenanRunFixture.Number(r["b_t"]) - HenanRunFixture.Number(r["a_t"]), HenanRunFixture.Number(r["difference_t"]), 3));
        }
    }

    [Fact]
    public void The_outputs_carry_both_runs_the_sign_and_the_units_and_the_maps_are_drawn()
    {
        string dir = Path.Combine(fixture.Parent, "compare-policy");
        using (var ds = RasterDataset.Open(Path.Combine(dir, "grids", "difference_2060.tif")))
        {
            var meta = ds.Metadata();
            Assert.Equal("henan-reference", meta["scenario_a"]);
            Assert.Equal("henan-neutrality", meta["scenario_b"]);
            Assert.Equal("B - A", meta["difference"]);
            Assert.Equal(ChinaAlbers.Wkt.Length > 0, ds.CrsWkt.Length > 0);
            Assert.Equal(9, ds.BandCount);
        }

        Assert.Equal(fixture.Policy.Maps.Count, Directory.GetFiles(Path.Combine(dir, "maps"), "*.png").Length);
        Assert.Contains("difference_total_2060.png", fixture.Policy.Maps);
        Assert.All(Directory.GetFiles(Path.Combine(dir, "maps")), f => Assert.True(new FileInfo(f).Length > 50_000, f));
        var (_, hot) = HenanRunFixture.ReadCsv(Path.Combine(dir, "hotspot_change.csv"));
        Assert.Equal(3, hot.Count);
        Assert.All(hot, r => Assert.Equal(int.Parse(r["hot_cells_b"], System.Globalization.CultureInfo.InvariantCulture) - int.Parse(r["hot_in_both"], System.Globalization.CultureInfo.InvariantCulture), int.Parse(r["gained"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("Sum check", File.ReadAllText(Path.Combine(dir, "summary.md")), StringComparison.Ordinal);
        CfChecker.AssertPasses(Path.Combine(dir, "difference.nc"));
    }

    [Fact]
    public void Runs_on_different_grids_are_refused_with_a_clear_message()
    {
        AnalysisContext a = RunFolder.Load(fixture.Run("henan-neutrality"), null);
        var s = a.Scenario;
        AnalysisContext b = a with { Region = RegionGeography.Load(s.Inputs.Boundaries, s.Region, s.CellSizeMetres, s.MarginCells + 1) };
        var e = Assert.Throws<InputError>(() => RunComparison.CheckComparable("run-a", a, "run-b", b));
        Assert.Contains("the runs are on different grids", e.Message, StringComparison.Ordinal);
        Assert.Contains("64 x 62 cells", e.Message, StringComparison.Ordinal);
    }
}
