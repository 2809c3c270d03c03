using GridEmissions.Core.Scenarios;

namespace GridEmissions.Core.Tests.Scenarios;

public sealed class ScenarioReaderTests : IDisposable
{
    // Line numbers matter in these tests: the raw strings start at line 1.
    private const string Valid = """
        id: tiny
        title: "Tiny"
        variant: enhanced
        region: Henan
        provinces: [Henan]
        boundaries: ../boundaries/cities.geojson
        years: {start: 2024, end: 2040}
        seed: 7
        inputs:
          coal_units: ../sources/gem_coal_units.csv
          corridors: ../sources/corridors.geojson
          population_grid: ../proxies/worldpop_2020_5arcmin.tif
          built_up_grid: ../proxies/modis_2019_built_up_0p1deg.tif
          cropland_grid: ../proxies/modis_2019_cropland_0p1deg.tif
        total:
          method: anchors
          interpolation: geometric
          anchors:
            - {year: 2024, value_mt: 100, basis: study, note: "base"}
            - {year: 2030, value_mt: 80, basis: study, note: "later"}
          rates:
            - {from: 2031, to: 2035, percent_per_year: -5, basis: assumption, note: "a"}
            - {from: 2036, to: 2040, percent_per_year: -2, basis: assumption, note: "b"}
        population:
          million: [{year: 2024, value: 10, basis: study, note: "p"}]
          urbanisation_percent: [{year: 2024, value: 50, basis: study, note: "u"}]
          basis: assumption
          note: "n"
        sectors:
          power:
            baseline_mt: {value: 60, basis: assumption, note: "x"}
            share_percent: [{year: 2035, value: 40, basis: assumption, note: "s"}]
            model:
              type: point
              basis: assumption
              note: "m"
              facilities: [coal_units]
              lifetime_years: 40
              utilisation: {min: 0.1, max: 0.9}
              entry: {delay_years: 1, probability: 1.0}
              merit_order: oldest
              ccus: [{from_year: 2035, capture_rate: 0.9, share_of_capacity: 0.2, min_capacity_mw: 600, basis: assumption, note: "c"}]
          transport:
            baseline_mt: {value: 25, basis: assumption, note: "x"}
            model: {type: line, basis: assumption, note: "m", urban_share: 0.4}
          buildings:
            baseline_mt: {value: 15, basis: assumption, note: "x"}
            model: {type: area, proxy: population, basis: assumption, note: "m"}
        city_caps:
          - {adcode: "410100", sector: power, cap_mt: [{year: 2030, value: 20, basis: assumption, note: "c"}]}
        """;

    // Deliberate errors, one per marked line.
    private const string Broken = """
        id: broken
        region: Henan
        provinces: [Henan]
        boundaries: ../boundaries/cities.geojson
        years: {start: 2024, end: 2060}
        inputs:
          coal_units: ../sources/gem_coal_units.csv
          corridors: ../sources/no_such_corridors.geojson
          population_grid: ../proxies/worldpop_2020_5arcmin.tif
          built_up_grid: ../proxies/modis_2019_built_up_0p1deg.tif
          cropland_grid: ../proxies/modis_2019_cropland_0p1deg.tif
        total:
          method: anchors
          interpolaton: geometric
          anchors:
            - {year: 2024, value_mt: 100, basis: study, note: "base"}
            - {year: 2040, value_mt: 80, basis: study, note: "later"}
            - {year: 2035, value_mt: 90, basis: study, note: "out of order"}
          rates:
            - {from: 2042, to: 2060, percent_per_year: -5, basis: assumption, note: "leaves 2041 without a rate"}
        population:
          million: [{year: 2024, value: 10, basis: study, note: "p"}]
          urbanisation_percent: [{year: 2024, value: 50, note: "no basis"}]
          basis: assumption
          note: "n"
        sectors:
          power:
            baseline_mt: {value: 110, basis: assumption, note: "x"}
            model:
              type: point
              basis: assumption
              note: "m"
              facilities: [coal_units]
              utilisation: {min: 0.9, max: 0.5}
          transport:
            baseline_mt: {value: -10, basis: assumption, note: "x"}
            model: {type: line, basis: assumption, note: "m"}
          powr:
            baseline_mt: {value: 5, basis: assumption, note: "x"}
        """;

    private readonly ScenarioSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private IReadOnlyList<ScenarioProblem> ValidateWith(string yaml) => ScenarioReader.Validate(sandbox.Write("s.yaml", yaml));

    private static string Show(IReadOnlyList<ScenarioProblem> problems) => string.Join(Environment.NewLine, problems);

    private static ScenarioProblem Single(IReadOnlyList<ScenarioProblem> problems, string fragment)
    {
        var matches = problems.Where(p => p.Message.Contains(fragment, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"expected one problem containing \"{fragment}\", found {matches.Count}:{Environment.NewLine}{Show(problems)}");
        return matches[0];
    }

    [Fact]
    public void Valid_scenario_reads_into_the_object_model_with_paths_resolved_against_its_folder()
    {
        var s = ScenarioReader.Read(sandbox.Write("s.yaml", Valid));
        Assert.Equal("tiny", s.Id);
        Assert.Equal(2024, s.StartYear);
        Assert.Equal(2040, s.EndYear);
        Assert.Equal(Path.Combine(sandbox.Root, "boundaries", "cities.geojson"), s.Inputs.Boundaries);
        Assert.Equal(Path.Combine(sandbox.Root, "sources", "gem_coal_units.csv"), s.Inputs.Files["coal_units"]);
        Assert.Equal(["power", "transport", "buildings"], s.Sectors.Select(x => x.Sector.Id));
        var power = Assert.IsType<PointModelSpec>(s.Sectors[0].Model);
        Assert.Equal(0.1, power.MinUtilisation);
        Assert.Equal(MeritOrder.Oldest, power.MeritOrder);
        Assert.Equal(0.9, Assert.Single(power.Ccus).CaptureRate);
        Assert.Equal("410100", Assert.Single(s.CityCaps).Adcode);
        Assert.Equal(new Provenance(Provenance.Study, "base"), s.Total.AnchorsMt[0].Provenance);
    }

    [Fact]
    public void A_line_model_reads_its_networks_road_proxy_and_station_links()
    {
        string yaml = Valid.Replace("urban_share: 0.4}", "urban_share: 0.4, class_weights: {trunk: 1, regional: 0.5, road: 1}, "
            + "networks: {rail: {share: 0.02, classes: [trunk, regional], basis: assumption, note: \"r\"}, road: {share: 0.58, classes: [road], basis: data, note: \"d\"}}, "
            + "road_proxy: {class: road, gravity_exponent: 1.5, basis: assumption, note: \"g\"}}", StringComparison.Ordinal);
        var line = Assert.IsType<LineModelSpec>(ScenarioReader.Read(sandbox.Write("s.yaml", yaml)).Sectors[1].Model);
        Assert.Equal(["rail", "road"], line.Networks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["trunk", "regional"], line.Networks["rail"].Classes);
        Assert.Equal(0.58, line.Networks["road"].Share);
        Assert.Equal(Provenance.Data, line.Networks["road"].Provenance.Basis);
        Assert.Equal(new RoadProxySpec("road", 1.5, new Provenance(Provenance.Assumption, "g")), line.RoadProxy);
        Assert.Null(line.StationLinks);
    }

    [Fact]
    public void Omitted_parameters_take_recorded_tool_defaults()
    {
        var s = ScenarioReader.Read(sandbox.Write("s.yaml", Valid));
        var line = Assert.IsType<LineModelSpec>(s.Sectors[1].Model);
        Assert.Equal(1.0, line.ClassWeights["trunk"]);
        var area = Assert.IsType<AreaModelSpec>(s.Sectors[2].Model);
        Assert.Equal(0.6, area.RuralWeight);
        Assert.Equal(0.0, area.LandShare);
        Assert.DoesNotContain(s.ToolDefaults, d => d.Parameter.EndsWith("land_share", StringComparison.Ordinal));
        Assert.Contains(s.ToolDefaults, d => d.Parameter == "sectors.transport.model.class_weights");
        Assert.Contains(s.ToolDefaults, d => d.Parameter == "population.urban_density_elasticity" && d.Value == "1");
        Assert.Contains(s.ToolDefaults, d => d.Parameter == "grid");
        Assert.All(s.ToolDefaults, d => Assert.Equal(Provenance.ToolDefault, d.Provenance));
    }

    [Fact]
    public void Broken_scenario_reports_every_problem_with_its_line_and_a_fix()
    {
        var problems = ValidateWith(Broken);
        var expected = new (int Line, string Message, string Fix)[]
        {
            (8, "missing file: 'inputs.corridors'", "resolved against the scenario file's folder"),
            (14, "unknown key 'interpolaton' in 'total'", "did you mean 'interpolation'?"),
            (18, "year 2035 comes after year 2040: the years are out of order", "increasing year order"),
            (20, "starts in 2042, leaving 2041–2041 without a rate", "start it in 2041"),
            (23, "'population.urbanisation_percent[0]' has no 'basis'", "basis: study"),
            (34, "min 0.9 and max 0.5: min is greater than max", "0 ≤ min ≤ max ≤ 1"),
            (36, "a baseline of an emitting sector cannot be negative", "zero or more"),
            (38, "unknown sector 'powr'", "did you mean 'power'?"),
        };
        Assert.True(problems.Count == expected.Length, $"expected {expected.Length} problems, got {problems.Count}:{Environment.NewLine}{Show(problems)}");
        foreach (var (line, message, fix) in expected)
        {
            var p = Single(problems, message);
            Assert.True(p.Line == line, $"\"{message}\": expected line {line}, got {p.Line}");
            Assert.Contains(fix, p.Fix, StringComparison.Ordinal);
            Assert.EndsWith("s.yaml", p.File, StringComparison.Ordinal);
        }

        Assert.Contains("Sector ids allowed here: power, steel, cement", Single(problems, "powr").Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_throws_one_exception_carrying_every_problem()
    {
        string path = sandbox.Write("s.yaml", Broken);
        var ex = Assert.Throws<ScenarioException>(() => ScenarioReader.Read(path));
        Assert.Equal(8, ex.Problems.Count);
        Assert.Contains("s.yaml:14: unknown key 'interpolaton'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Baselines_that_do_not_sum_to_the_base_year_total_report_the_difference()
    {
        var p = Assert.Single(ValidateWith(Valid.Replace("value: 15, basis", "value: 14.5, basis", StringComparison.Ordinal)));
        Assert.Equal(30, p.Line);
        Assert.Contains("sum to 99.5 Mt", p.Message, StringComparison.Ordinal);
        Assert.Contains("base-year total anchor (2024) is 100 Mt: difference -0.5 Mt", p.Message, StringComparison.Ordinal);
        Assert.Contains("by 0.5 Mt", p.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_off_grid_part_the_baselines_sum_to_the_total_minus_it()
    {
        string offGrid = "off_grid:\n  reason: \"imported electricity\"\n  target_mt:\n    - {year: 2024, value_mt: 10, basis: study, note: \"x\"}\n";
        var p = Assert.Single(ValidateWith(Valid + "\n" + offGrid));
        Assert.Contains("minus the off-grid part is 100 − 10 = 90 Mt: difference 10 Mt", p.Message, StringComparison.Ordinal);
        Assert.Contains("or the off-grid part", p.Fix, StringComparison.Ordinal);
        string fitted = Valid.Replace("value: 15, basis", "value: 5, basis", StringComparison.Ordinal) + "\n" + offGrid;
        Assert.Empty(ValidateWith(fitted));
        var scenario = ScenarioReader.Read(sandbox.Write("s.yaml", fitted));
        Assert.Equal("imported electricity", scenario.OffGrid!.Reason);
        var targets = SectorTargets.Compute(scenario);
        Assert.Equal(10, targets.OffGridMt(2024), 12);
        Assert.Equal(90, targets.OnGridMt(2024), 12);
    }

    [Fact]
    public void An_off_grid_part_with_a_spatial_key_or_above_the_total_is_refused_naming_the_key()
    {
        string offGrid = "off_grid:\n  reason: \"x\"\n  sites: []\n  target_mt:\n    - {year: 2024, value_mt: 10, basis: study, note: \"x\"}\n    - {year: 2035, value_mt: 500, basis: assumption, note: \"x\"}\n";
        var problems = ValidateWith(Valid.Replace("value: 15, basis", "value: 5, basis", StringComparison.Ordinal) + "\n" + offGrid);
        var spatial = Single(problems, "'off_grid.sites' places emissions on the grid");
        Assert.Contains("remove 'sites' from 'off_grid'", spatial.Fix, StringComparison.Ordinal);
        Single(problems, "above the regional total");
        Assert.DoesNotContain(problems, p => p.Message.Contains("unknown key 'sites'", StringComparison.Ordinal));
    }

    [Fact]
    public void Baselines_within_one_millionth_of_the_total_are_accepted()
    {
        Assert.Empty(ValidateWith(Valid.Replace("value: 15, basis", "value: 15.00005, basis", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("{from: 2036, to: 2040", "{from: 2035, to: 2040", 23, "overlaps the period before it (2031–2035)")]
    [InlineData("{from: 2036, to: 2040", "{from: 2036, to: 2039", 23, "ends in 2039, leaving 2040–2040 without a rate")]
    [InlineData("{from: 2036, to: 2040", "{from: 2036, to: 2045", 23, "runs to 2045, past the last year 2040")]
    [InlineData("- {year: 2030, value_mt: 80", "- {year: 2045, value_mt: 80", 20, "'total.anchors[1].year' is 2045, outside the scenario years 2024–2040")]
    [InlineData("- {year: 2024, value_mt: 100", "- {year: 2025, value_mt: 100", 19, "the first entry must be the base year 2024")]
    [InlineData("value: 40, basis", "value: 140, basis", 32, "is 140, outside 0–100 %")]
    [InlineData("capture_rate: 0.9", "capture_rate: 1.5", 42, "a capture rate must be from 0 to 1")]
    [InlineData("probability: 1.0", "probability: 2", 40, "a probability must be from 0 to 1")]
    [InlineData("lifetime_years: 40", "lifetime_years: 0", 38, "'sectors.power.model.lifetime_years' is 0, but must be above zero")]
    [InlineData("lifetime_years: 40", "lifetime_years: forty", 38, "must be a number, got 'forty'")]
    [InlineData("type: point", "type: pont", 34, "'pont', which is not a model type")]
    [InlineData("type: point", "type: line", 34, "sector 'power' cannot use a line model")]
    [InlineData("merit_order: oldest", "merit_order: youngest", 41, "'youngest', which is not one of oldest, smallest, least_efficient")]
    [InlineData("facilities: [coal_units]", "facilities: [gas_units]", 37, "lists 'gas_units', but 'inputs' has no 'gas_units'")]
    [InlineData("{from: 2031, to: 2035, percent_per_year: -5, basis: assumption, note: \"a\"}", "{from: 2031, to: 2035, percent_per_year: -5, note: \"a\"}", 22, "'total.rates[0]' has no 'basis'")]
    [InlineData("region: Henan\n", "", 1, "the top level is missing the required key 'region'")]
    [InlineData("min: 0.1, max: 0.9", "min: -0.1, max: 0.9", 39, "min is below 0")]
    [InlineData("basis: study, note: \"base\"", "basis: studdy, note: \"base\"", 19, "'studdy', which is not a basis")]
    [InlineData("sector: power, cap_mt", "sector: powerr, cap_mt", 50, "'powerr', an unknown sector")]
    [InlineData("merit_order: oldest", "merit_order: oldest\n      pipeline: {constructon: {probability: 0.9, delay_years: 1, basis: assumption, note: \"x\"}}", 42, "'constructon', which is not a GEM project status")]
    [InlineData("merit_order: oldest", "merit_order: oldest\n      pipeline: {permitted: {probability: 1.4, delay_years: 1, basis: assumption, note: \"x\"}}", 42, "a probability must be from 0 to 1")]
    [InlineData("merit_order: oldest", "merit_order: oldest\n      forced_retirements: [{year: 2030, to_year: 2028, max_capacity_mw: 300, basis: assumption, note: \"x\"}]", 42, "is 2028, before 'year' 2030")]
    [InlineData("merit_order: oldest", "merit_order: oldest\n      new_capacity: {route: EAFF, basis: assumption, note: \"x\"}", 42, "'EAFF', which is not a steel route")]
    [InlineData("merit_order: oldest", "merit_order: oldest\n      facility_overrides: [{id: x, from_year: 2030, action: mothball, basis: assumption, note: \"x\"}]", 42, "'mothball', which is not one of retire")]
    [InlineData("urban_share: 0.4}", "urban_share: 0.4, hubs: {aviation: {share: 0.1, basis: assumption, note: \"a\"}}}", 45, "needs the input 'airports', but 'inputs' has no 'airports'")]
    [InlineData("urban_share: 0.4}", "urban_share: 0.4, hubs: {shipping: {share: 1.2, basis: assumption, note: \"a\"}}}", 45, "'sectors.transport.model.hubs.shipping.share' is 1.2, but must be from 0 to 1")]
    [InlineData("urban_share: 0.4}", "urban_share: 0.4, hubs: {aviaton: {share: 0.1, basis: assumption, note: \"a\"}}}", 45, "'aviaton'")]
    [InlineData("urban_share: 0.4}", "urban_share: 0.4, networks: {rail: {share: -0.1, classes: [trunk, regional], basis: assumption, note: \"r\"}}}", 45, "'sectors.transport.model.networks.rail.share' is -0.1, but must be from 0 to 1")]
    [InlineData("urban_share: 0.4}", "urban_share: 0.4, networks: {rail: {share: 0.7, classes: [trunk, regional], basis: assumption, note: \"r\"}}}", 45, "the hub shares + the 'sectors.transport.model.networks' shares is 1.1, not the whole sector")]
    [InlineData("urban_share: 0.4}", "urban_share: 0.4, networks: {rail: {share: 0.6, classes: [trunk, regional, raod], basis: assumption, note: \"r\"}}}", 45, "names class 'raod', which 'sectors.transport.model.class_weights' does not give")]
    [InlineData("urban_share: 0.4}", "urban_share: 0.4, networks: {rail: {share: 0.6, classes: [trunk], basis: assumption, note: \"r\"}}}", 45, "class 'regional' of 'sectors.transport.model.class_weights' is in none of 'sectors.transport.model.networks'")]
    [InlineData("urban_share: 0.4}", "urban_share: 0.4, station_links: {class: regional, min_distance_km: 5, basis: assumption, note: \"s\"}}", 45, "needs the input 'stations', but 'inputs' has no 'stations'")]
    [InlineData("urban_share: 0.4}", "urban_share: 0.4, station_links: {class: regional, min_distance_km: 0, basis: assumption, note: \"s\"}}", 45, "'sectors.transport.model.station_links.min_distance_km' is 0, but must be more than 0")]
    [InlineData("urban_share: 0.4}", "urban_share: 0.4, road_proxy: {class: raod, gravity_exponent: 2, basis: assumption, note: \"g\"}}", 45, "'sectors.transport.model.road_proxy.class' is 'raod', which 'sectors.transport.model.class_weights' does not give")]
    [InlineData("urban_share: 0.4}", "urban_share: 0.4, road_proxy: {class: trunk, gravity_exponent: -1, basis: assumption, note: \"g\"}}", 45, "'sectors.transport.model.road_proxy.gravity_exponent' is -1, but must be from 0 to 4")]
    public void Each_kind_of_mistake_is_reported_on_its_line(string find, string replace, int line, string message)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var problems = ValidateWith(Valid.Replace(find, replace, StringComparison.Ordinal));
        var p = Single(problems, message);
        Assert.True(p.Line == line, $"\"{message}\": expected line {line}, got {p.Line}{Environment.NewLine}{Show(problems)}");
        Assert.False(string.IsNullOrWhiteSpace(p.Fix));
    }

    [Fact]
    public void Did_you_mean_suggests_the_nearest_allowed_word()
    {
        var problems = ValidateWith(Valid
            .Replace("utilisation:", "utilization:", StringComparison.Ordinal)
            .Replace("type: point", "type: piont", StringComparison.Ordinal)
            .Replace("  buildings:", "  biuldings:", StringComparison.Ordinal));
        Assert.Contains("did you mean 'utilisation'?", Single(problems, "unknown key 'utilization'").Fix, StringComparison.Ordinal);
        Assert.Contains("did you mean 'point'?", Single(problems, "'piont'").Fix, StringComparison.Ordinal);
        Assert.Contains("did you mean 'buildings'?", Single(problems, "unknown sector 'biuldings'").Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_far_from_every_allowed_one_gets_the_list_instead_of_a_guess()
    {
        var p = Single(ValidateWith(Valid.Replace("seed: 7", "colour: 7", StringComparison.Ordinal)), "unknown key 'colour'");
        Assert.DoesNotContain("did you mean", p.Fix, StringComparison.Ordinal);
        Assert.Contains("id, title, variant, region", p.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Intensity_method_needs_rates_covering_every_year_after_the_base_year()
    {
        string yaml = Valid.Replace("""
              method: anchors
              interpolation: geometric
              anchors:
                - {year: 2024, value_mt: 100, basis: study, note: "base"}
                - {year: 2030, value_mt: 80, basis: study, note: "later"}
              rates:
                - {from: 2031, to: 2035, percent_per_year: -5, basis: assumption, note: "a"}
                - {from: 2036, to: 2040, percent_per_year: -2, basis: assumption, note: "b"}
            """, """
              method: intensity
              anchors:
                - {year: 2024, value_mt: 100, basis: study, note: "base"}
              gdp_growth:
                - {from: 2025, to: 2040, percent_per_year: 5, basis: assumption, note: "g"}
              intensity_reduction:
                - {from: 2025, to: 2030, percent_per_year: 4.6, basis: study, note: "r"}
            """, StringComparison.Ordinal);
        var p = Assert.Single(ValidateWith(yaml));
        Assert.Contains("'total.intensity_reduction' ends in 2030, leaving 2031–2040 without a rate", p.Message, StringComparison.Ordinal);
        Assert.Equal(22, p.Line);
    }

    [Fact]
    public void Invalid_yaml_is_one_problem_on_its_line()
    {
        var p = Assert.Single(ValidateWith("id: x\nyears: {start: 2024, end: 2060\nregion: Henan\n"));
        Assert.Contains("not valid YAML", p.Message, StringComparison.Ordinal);
        Assert.InRange(p.Line, 2, 3);
    }

    [Fact]
    public void A_duplicate_key_is_reported_on_its_line()
    {
        var p = Assert.Single(ValidateWith(Valid.Replace("seed: 7", "seed: 7\nregion: YRD", StringComparison.Ordinal)));
        Assert.Contains("not valid YAML", p.Message, StringComparison.Ordinal);
        Assert.Equal(9, p.Line);
    }

    [Fact]
    public void A_missing_scenario_file_is_a_problem_not_a_crash()
    {
        var p = Assert.Single(ScenarioReader.Validate(Path.Combine(sandbox.Root, "scenarios", "nope.yaml")));
        Assert.Contains("does not exist", p.Message, StringComparison.Ordinal);
    }
}
