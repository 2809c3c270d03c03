using System.Globalization;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal;
using GridEmissions.Pipeline.Ensembles;

namespace GridEmissions.Pipeline.Tests.Ensembles;

public sealed class EnsembleTests(EnsembleFixture fixture) : IClassFixture<EnsembleFixture>
{
    private static double[] Band(string path, int band)
    {
        using var ds = RasterDataset.Open(path);
        double[] v = ds.ReadBand(band);
        RegionMask.ZeroNoData(v, RegionMask.NoData);
        return v;
    }

    private double[] MemberTotal(int member, int year)
    {
        using var ds = RasterDataset.Open(YearGrid.PathIn(fixture.Folder.MemberDir(member), year));
        Assert.Equal("total", ds.BandDescription(ds.BandCount));
        double[] v = ds.ReadBand(ds.BandCount);
        RegionMask.ZeroNoData(v, RegionMask.NoData);
        return v;
    }

    private static double Median(double[] v)
    {
        double[] s = [.. v.Order()];
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }

    [Fact]
    public void The_P50_total_is_the_median_of_the_member_totals_every_year()
    {
        var (_, rows) = HenanRunFixture.ReadCsv(Path.Combine(fixture.Statistics, "totals.csv"));
        foreach (var row in rows.Where(r => r["sector"] == "total"))
        {
            int year = int.Parse(row["year"], CultureInfo.InvariantCulture);
            double[] totals = [.. Enumerable.Range(1, EnsembleFixture.Members).Select(m =>
            {
                using var ds = RasterDataset.Open(YearGrid.PathIn(fixture.Folder.MemberDir(m), year));
                double[] v = ds.ReadBand(ds.BandCount);
                RegionMask.ZeroNoData(v, RegionMask.NoData);
                return PreciseSum.Of(v);
            })];
            double median = Median(totals);
            Assert.True(Math.Abs(HenanRunFixture.Number(row["p50_t"]) - median) <= 1e-12 * median, $"{year}: P50 {row["p50_t"]} vs median {median}");
            Assert.True(HenanRunFixture.Number(row["p10_t"]) <= HenanRunFixture.Number(row["p50_t"]) && HenanRunFixture.Number(row["p50_t"]) <= HenanRunFixture.Number(row["p90_t"]));
        }

        Assert.Equal(37, rows.Count(r => r["sector"] == "total"));
    }

    [Fact]
    public void Every_member_is_conserved_and_audited_and_the_members_differ()
    {
        Assert.True(fixture.Summary.MaxRelativeError <= 1e-9);
        for (int m = 1; m <= EnsembleFixture.Members; m++)
        {
            var (_, audit) = HenanRunFixture.ReadCsv(Path.Combine(fixture.Folder.MemberDir(m), "audit.csv"));
            Assert.Equal(37 * 8, audit.Count);
            Assert.All(audit, r => Assert.Equal("true", r["passes"]));
        }

        var (_, members) = HenanRunFixture.ReadCsv(Path.Combine(fixture.Statistics, "members.csv"));
        Assert.Equal(EnsembleFixture.Members, members.Count);
        Assert.Equal(EnsembleFixture.Members, members.Select(r => r["power_share_2060"]).Distinct().Count());
        Assert.All(members, r => Assert.InRange(HenanRunFixture.Number(r["power_share_2060"]), 6, 20));
        Assert.All(members, r => Assert.InRange(HenanRunFixture.Number(r["power_utilisation_max"]), 0.8, 0.95));
        Assert.NotEqual(MemberTotal(1, 2060).Max(), MemberTotal(2, 2060).Max());
    }

    [Fact]
    public void Per_cell_quantiles_are_ordered_and_exact()
    {
        string nc = Path.Combine(fixture.Statistics, "ensemble_quantiles.nc");
        using var ds = RasterDataset.Open($"NETCDF:\"{nc}\":total");
        Assert.Equal(37 * 3, ds.BandCount);
        for (int t = 0; t < 37; t++)
        {
            double[] p10 = Band(ds.Path, (t * 3) + 1), p50 = Band(ds.Path, (t * 3) + 2), p90 = Band(ds.Path, (t * 3) + 3);
            for (int i = 0; i < p10.Length; i++)
            {
                Assert.True(p10[i] <= p50[i] && p50[i] <= p90[i], $"year index {t}, cell {i}: {p10[i]}, {p50[i]}, {p90[i]}");
            }
        }

        // the 2060 median of every cell is the median of the members' cells
        double[] median2060 = Band(ds.Path, (36 * 3) + 2);
        double[][] members = [.. Enumerable.Range(1, EnsembleFixture.Members).Select(m => MemberTotal(m, 2060))];
        for (int i = 0; i < median2060.Length; i++)
        {
            double expected = Median([.. members.Select(m => m[i])]);
            Assert.True(Math.Abs(median2060[i] - expected) <= 1e-9 * Math.Max(1, expected), $"cell {i}: {median2060[i]} vs {expected}");
        }

        Assert.Equal(median2060, Band(Path.Combine(fixture.Statistics, "grids", "median_2060.tif"), 1));
        CfChecker.AssertPasses(nc);
    }

    [Fact]
    public void Hotspot_and_rank_probabilities_are_probabilities_and_the_maps_are_drawn()
    {
        double[] p = Band(Path.Combine(fixture.Statistics, "grids", "hotspot_probability_2060.tif"), 1);
        Assert.All(p, v => Assert.InRange(v, 0, 1));
        Assert.Contains(p, v => v == 1);
        var (_, ranks) = HenanRunFixture.ReadCsv(Path.Combine(fixture.Statistics, "city_rank_probability.csv"));
        foreach (var g in ranks.GroupBy(r => (r["year"], r["adcode"])))
        {
            Assert.Equal(1, g.Sum(r => HenanRunFixture.Number(r["probability"])), 12);
        }

        var (_, cities) = HenanRunFixture.ReadCsv(Path.Combine(fixture.Statistics, "city_quantiles.csv"));
        Assert.Equal(37 * 9 * 18, cities.Count);
        Assert.All(cities, r => Assert.True(HenanRunFixture.Number(r["p10_t"]) <= HenanRunFixture.Number(r["p50_t"]) && HenanRunFixture.Number(r["p50_t"]) <= HenanRunFixture.Number(r["p90_t"])));
        foreach (string map in new[] { "median_total_2060.png", "spread_total_2060.png", "hotspot_probability_2060.png", "median_total_2035.png" })
        {
            Assert.Contains(map, fixture.Summary.Maps);
            Assert.True(new FileInfo(Path.Combine(fixture.Statistics, "maps", map)).Length > 50_000, map);
        }
    }

    [Fact]
    public void A_member_run_alone_is_byte_identical_to_the_same_member_in_the_ensemble()
    {
        var alone = EnsembleFolder.Create(Path.Combine(fixture.Parent, "alone"), fixture.Scenario, EnsembleFixture.Members, false);
        EnsembleMember.Run(alone, 3);
        foreach (string file in new[] { Path.Combine("grids", "emissions_2024.tif"), Path.Combine("grids", "emissions_2045.tif"), Path.Combine("grids", "emissions_2060.tif"), "audit.csv", "parameters.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(fixture.Folder.MemberDir(3), file)), File.ReadAllBytes(Path.Combine(alone.MemberDir(3), file)));
        }
    }

    [Fact]
    public void A_merge_with_missing_members_names_them()
    {
        var folder = EnsembleFolder.Create(Path.Combine(fixture.Parent, "missing"), fixture.Scenario, 3, false);
        var e = Assert.Throws<InputError>(() => EnsembleMerge.Merge(folder));
        Assert.Contains("3 of 3 members are missing or unfinished: member-001, member-002, member-003", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Root, "statistics")));
    }

    [Fact]
    public void A_merge_of_members_on_different_grids_is_refused()
    {
        string copy = Path.Combine(fixture.Parent, "tampered");
        var folder = EnsembleFolder.Create(copy, fixture.Scenario, 2, false);
        foreach (int m in new[] { 1, 2 })
        {
            foreach (string f in Directory.GetFiles(fixture.Folder.MemberDir(m), "*", SearchOption.AllDirectories))
            {
                string to = Path.Combine(folder.MemberDir(m), Path.GetRelativePath(fixture.Folder.MemberDir(m), f));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(f, to);
            }
        }

        var s = Core.Scenarios.ScenarioReader.Read(fixture.Scenario);
        var grid = RegionGeography.Load(s.Inputs.Boundaries, s.Region, s.CellSizeMetres, s.MarginCells).Grid;
        var other = grid with { Columns = grid.Columns + 2, WestColumn = grid.WestColumn - 1 };
        GeoTiffWriter.Write(YearGrid.PathIn(folder.MemberDir(2), 2024), other, [new RasterBand("total", new double[other.CellCount], new Dictionary<string, string>(), "t")], new Dictionary<string, string>(), GeoTiffOptions.Default);
        var e = Assert.Throws<InputError>(() => EnsembleMerge.Merge(folder));
        Assert.Contains("member 2 is on a different grid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Slurm_script_is_a_job_array_with_one_member_per_task_and_its_resources()
    {
        string text = SlurmScript.Text(fixture.Folder, "/opt/gridem/gridem", new SlurmResources(1500, "00:20:00", "short", null), "gridem-henan");
        Assert.Contains("#SBATCH --array=1-4\n", text, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --mem=1500M\n", text, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --time=00:20:00\n", text, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --partition=short\n", text, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --cpus-per-task=1\n", text, StringComparison.Ordinal);
        Assert.Contains($"exec /opt/gridem/gridem ensemble member {fixture.Root} --index \"$SLURM_ARRAY_TASK_ID\"", text, StringComparison.Ordinal);
    }
    [Fact]
    public void An_ensemble_into_a_root_another_run_holds_fails_at_once_and_leaves_the_root_alone()
    {
        // The fixture's ensemble is finished; its root is locked here as a running ensemble would hold it.
        string before = string.Join("\n", Directory.EnumerateFiles(fixture.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        using (OutputLock.Acquire(fixture.Parent, Path.GetFileName(fixture.Root)))
        {
            foreach (bool force in new[] { false, true })
            {
                var e = Assert.Throws<InputError>(() => EnsembleRun.Local(fixture.Scenario, EnsembleFixture.Members, fixture.Root, force));
                Assert.Contains("another gridem run", e.Message, StringComparison.Ordinal);
                Assert.Contains($"PID {Environment.ProcessId}", e.Message, StringComparison.Ordinal);
                Assert.Throws<InputError>(() => EnsembleRun.Slurm(fixture.Scenario, EnsembleFixture.Members, fixture.Root, force, new SlurmResources(1024, "00:30:00")));
            }
        }

        Assert.Equal(before, string.Join("\n", Directory.EnumerateFiles(fixture.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)));
        Assert.False(File.Exists(Path.Combine(fixture.Parent, ".ensemble.lock")));
    }
}
