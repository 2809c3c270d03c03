using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sectors;

namespace GridEmissions.Core.Tests.Scenarios;

public sealed class ShippedScenarioTests
{
    public static TheoryData<string> Shipped => new() { "henan-neutrality.yaml", "henan-reference.yaml", "yrd-neutrality.yaml", "yrd-reference.yaml" };

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Shipped_scenario_has_no_problems(string name)
    {
        var problems = ScenarioReader.Validate(ScenarioFixtures.ShippedScenario(name));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Shipped_scenario_models_every_catalogue_sector_and_sector_targets_plus_the_off_grid_part_sum_to_the_total(string name)
    {
        var scenario = ScenarioReader.Read(ScenarioFixtures.ShippedScenario(name));
        Assert.Equal(SectorCatalog.Ids, scenario.Sectors.Select(s => s.Sector.Id));
        var targets = SectorTargets.Compute(scenario);
        foreach (int year in scenario.Years)
        {
            double total = targets.TotalMt(year);
            double sum = targets.SectorIds.Sum(id => targets.TargetMt(year, id)) + targets.OffGridMt(year);
            Assert.True(Math.Abs(sum - total) <= 1e-12 * total, $"{year}: expected {total}, got {sum}, difference {sum - total}");
        }
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Shipped_scenario_gives_every_number_block_a_basis_and_a_note(string name)
    {
        var scenario = ScenarioReader.Read(ScenarioFixtures.ShippedScenario(name));
        var provenances = scenario.Total.AnchorsMt.Select(a => a.Provenance)
            .Concat(scenario.Total.Rates.Select(r => r.Provenance))
            .Concat(scenario.Total.GdpGrowth.Select(r => r.Provenance))
            .Concat(scenario.Total.IntensityReduction.Select(r => r.Provenance))
            .Concat(scenario.Population.PopulationMillion.Select(p => p.Provenance))
            .Concat(scenario.Population.UrbanisationPercent.Select(p => p.Provenance))
            .Append(scenario.Population.Provenance)
            .Concat(scenario.Sectors.SelectMany(s => s.SharePercent.Select(p => p.Provenance).Append(s.BaselineMt.Provenance).Append(s.Model.Provenance)))
            .Concat(scenario.OffGrid?.TargetMt.Select(v => v.Provenance) ?? []);
        Assert.All(provenances, p =>
        {
            Assert.Contains(p.Basis, new[] { Provenance.Study, Provenance.Data, Provenance.Assumption });
            Assert.False(string.IsNullOrWhiteSpace(p.Note));
            Assert.NotEqual(Provenance.ToolDefault, p);
        });
    }

    [Fact]
    public void Henan_neutrality_total_hits_the_study_anchors()
    {
        var targets = SectorTargets.Compute(ScenarioReader.Read(ScenarioFixtures.ShippedScenario("henan-neutrality.yaml")));
        Assert.Equal(587.31, targets.TotalMt(2024));
        Assert.Equal(591, targets.TotalMt(2028));
        Assert.Equal(514, targets.TotalMt(2035));
        Assert.Equal(39, targets.TotalMt(2060));
        Assert.Equal(2028, PeakYear(targets));
    }

    [Fact]
    public void Henan_reference_follows_the_study_intensity_reduction_rates_from_587_31_Mt()
    {
        var scenario = ScenarioReader.Read(ScenarioFixtures.ShippedScenario("henan-reference.yaml"));
        Assert.Equal(PathwayMethod.Intensity, scenario.Total.Method);
        double[] study = [4.6, 6.4, 8.3, 10.3, 12.4, 14.6, 16.5];
        Assert.Equal(study, scenario.Total.IntensityReduction.Select(r => r.PercentPerYear));
        Assert.All(scenario.Total.IntensityReduction, r => Assert.Equal(Provenance.Study, r.Provenance.Basis));
        var targets = SectorTargets.Compute(scenario);
        Assert.Equal(587.31, targets.TotalMt(2024));
        var power = (PointModelSpec)scenario.Sectors.Single(s => s.Sector.Id == "power").Model;
        Assert.Empty(power.Ccus);
    }

    [Fact]
    public void Yrd_neutrality_total_peaks_at_2430_Mt_in_2027_and_follows_the_study_rates()
    {
        var targets = SectorTargets.Compute(ScenarioReader.Read(ScenarioFixtures.ShippedScenario("yrd-neutrality.yaml")));
        Assert.Equal(2390, targets.TotalMt(2024));
        Assert.Equal(2400, targets.TotalMt(2025));
        Assert.Equal(2027, PeakYear(targets));
        Assert.Equal(2430, targets.TotalMt(2027));
        Assert.Equal(0.9 * 2430, targets.TotalMt(2035), 9);
        for (int year = 2036; year <= 2060; year++)
        {
            double rate = year <= 2050 ? -9.4 : -4.4;
            double expected = targets.TotalMt(year - 1) * (1 + (rate / 100));
            double got = targets.TotalMt(year);
            Assert.True(Math.Abs(got - expected) <= 1e-9 * expected, $"{year}: expected {expected}, got {got}, difference {got - expected}");
        }
    }

    [Fact]
    public void Yrd_neutrality_baselines_are_the_study_sector_figures()
    {
        var scenario = ScenarioReader.Read(ScenarioFixtures.ShippedScenario("yrd-neutrality.yaml"));
        var study = new Dictionary<string, double> { ["power"] = 980, ["steel"] = 250, ["cement"] = 160, ["petrochemicals"] = 150, ["transport"] = 200 };
        foreach (var (id, mt) in study)
        {
            var baseline = scenario.Sectors.Single(s => s.Sector.Id == id).BaselineMt;
            Assert.Equal(mt, baseline.Value);
            Assert.Equal(Provenance.Study, baseline.Provenance.Basis);
        }
    }

    /// <summary>CEADs 2019 rows (and the residential rows) mapped to a sector other than other_industry (tools/data/ceads_split.py's MAPPING).</summary>
    private static readonly Dictionary<string, string> CeadsMapping = new(StringComparer.Ordinal)
    {
        ["Production and Supply of Electric Power, Steam and Hot Water"] = "power",
        ["Smelting and Pressing of Ferrous Metals"] = "steel",
        ["Nonmetal Mineral Products"] = "cement",
        ["Petroleum Processing and Coking"] = "petrochemicals",
        ["Raw Chemical Materials and Chemical Products"] = "petrochemicals",
        ["Chemical Fiber"] = "petrochemicals",
        ["Transportation, Storage, Post and Telecommunication Services"] = "transport",
        ["Urban"] = "buildings",
        ["Rural"] = "buildings",
        ["Wholesale, Retail Trade and Catering Services"] = "buildings",
        ["Others"] = "buildings",
        ["Farming, Forestry, Animal Husbandry, Fishery and Water Conservancy"] = "agriculture",
    };

    [Theory]
    [InlineData("yrd-neutrality.yaml")]
    [InlineData("yrd-reference.yaml")]
    public void Yrd_holds_the_studys_13_percent_indirect_off_the_grid_and_splits_the_rest_of_the_650_Mt_by_CEADs_2019(string name)
    {
        var scenario = ScenarioReader.Read(ScenarioFixtures.ShippedScenario(name));
        var targets = SectorTargets.Compute(scenario);
        Assert.NotNull(scenario.OffGrid);
        Assert.Equal(Provenance.Study, scenario.OffGrid!.TargetMt[0].Provenance.Basis);
        Assert.Equal(0.13 * 2390, targets.OffGridMt(2024), 9);
        Assert.Equal(360, targets.OffGridMt(2025), 9);
        double onGrid = 2390 - 1740 - (0.13 * 2390); // the study's total − its five itemised (direct) sectors − its indirect part
        Assert.Equal(339.3, onGrid, 9);

        GridEmissions.Core.Tabular.CsvTable ceads = GridEmissions.Core.Tabular.CsvTable.Load(Path.Combine(ScenarioFixtures.RepoRoot, "sources", "ceads_2019_provinces.csv"));
        string[] provinces = ["Shanghai", "Jiangsu", "Zhejiang", "Anhui"];
        var mt = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in ceads.Rows.Where(r => provinces.Contains(r[ceads.ColumnIndex("province")])))
        {
            string sector = row[ceads.ColumnIndex("sector")];
            if (sector is "TotalEmissions" or "Total Consumption")
            {
                continue;
            }

            string ours = CeadsMapping.GetValueOrDefault(sector, "other_industry");
            mt[ours] = mt.GetValueOrDefault(ours) + double.Parse(row[ceads.ColumnIndex("scope1_total_mt")], System.Globalization.CultureInfo.InvariantCulture);
        }

        string[] split = ["buildings", "agriculture", "other_industry"];
        double base3 = split.Sum(s => mt[s]);
        double Baseline(string id) => scenario.Sectors.Single(s => s.Sector.Id == id).BaselineMt.Value;
        Assert.Equal(Math.Round(onGrid * mt["buildings"] / base3, 2), Baseline("buildings"), 9);
        Assert.Equal(Math.Round(onGrid * mt["agriculture"] / base3, 2), Baseline("agriculture"), 9);
        Assert.Equal(Math.Round(onGrid - Baseline("buildings") - Baseline("agriculture"), 2), Baseline("other_industry"), 9); // rounding remainder
        Assert.Equal(2390 - targets.OffGridMt(2024), scenario.Sectors.Sum(s => s.BaselineMt.Value), 6);
    }

    [Theory]
    [InlineData("henan-neutrality.yaml")]
    [InlineData("henan-reference.yaml")]
    public void Henan_has_no_off_grid_part(string name) => Assert.Null(ScenarioReader.Read(ScenarioFixtures.ShippedScenario(name)).OffGrid);

    [Fact]
    public void Yrd_reference_declines_more_slowly_than_the_neutrality_pathway()
    {
        var reference = SectorTargets.Compute(ScenarioReader.Read(ScenarioFixtures.ShippedScenario("yrd-reference.yaml")));
        var neutrality = SectorTargets.Compute(ScenarioReader.Read(ScenarioFixtures.ShippedScenario("yrd-neutrality.yaml")));
        Assert.Equal(2390, reference.TotalMt(2024));
        foreach (int year in new[] { 2035, 2050, 2060 })
        {
            Assert.True(reference.TotalMt(year) > neutrality.TotalMt(year), $"{year}: reference {reference.TotalMt(year)} vs neutrality {neutrality.TotalMt(year)}");
        }
    }

    private static int PeakYear(SectorTargets targets) =>
        Enumerable.Range(targets.StartYear, targets.EndYear - targets.StartYear + 1).MaxBy(targets.TotalMt);
}
