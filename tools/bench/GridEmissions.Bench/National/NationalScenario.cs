using GridEmissions.Core.Scenarios;

namespace GridEmissions.Bench.National;

/// <summary>
/// The national benchmark's scenario: the sector and model specifications of
/// scenarios/henan-neutrality.yaml with the region, grid, years, population and total replaced.
/// The total is a SYNTHETIC BENCHMARK PATHWAY — 11,000 Mt in 2024 falling geometrically to 1,000 Mt
/// in 2060 — not a projection of China's emissions. Power runs on the GEM coal units only (no
/// national gas list is bundled); steel, whose bundled plant list covers only Henan and the YRD,
/// becomes an area source on the urban fringe.
/// </summary>
public static class NationalScenario
{
    /// <summary>Base-year total of the synthetic pathway (Mt).</summary>
    public const double BaseTotalMt = 11_000;

    /// <summary>2060 total of the synthetic pathway (Mt).</summary>
    public const double FinalTotalMt = 1_000;

    private static readonly Provenance Synthetic = new(Provenance.Assumption, "synthetic benchmark value (tools/bench), not a projection");

    /// <summary>Builds the scenario from the Henan template.</summary>
    public static Scenario Build(string templatePath, double cellSizeMetres, int years, IReadOnlyList<string> provinces)
    {
        Scenario template = ScenarioReader.Read(templatePath);
        double scale = BaseTotalMt / template.Sectors.Sum(s => s.BaselineMt.Value);
        var sectors = template.Sectors.Select(s => s with
        {
            BaselineMt = s.BaselineMt with { Value = s.BaselineMt.Value * scale, Provenance = Synthetic },
            Model = s.Model switch
            {
                PointModelSpec p when p.FacilityInputs.Contains("coal_units") => p with { FacilityInputs = ["coal_units"], ExpansionSites = [] },
                PointModelSpec => new AreaModelSpec(Synthetic, AreaProxy.Industry, 0.5, 0.1, 1000, new Dictionary<string, double>()),
                AreaModelSpec a => a with { CityMultipliers = new Dictionary<string, double>() },
                ModelSpec m => m,
            },
        }).ToList();
        return template with
        {
            Id = "national-benchmark",
            Title = "Mainland China — synthetic benchmark pathway (not a projection)",
            Variant = "benchmark",
            Region = "China",
            Provinces = provinces,
            CellSizeMetres = cellSizeMetres,
            MarginCells = 0,
            EndYear = template.StartYear + years - 1,
            Total = new TotalPathwaySpec(PathwayMethod.Anchors, Interpolation.Geometric,
                [new YearValue(template.StartYear, BaseTotalMt, Synthetic), new YearValue(2060, FinalTotalMt, Synthetic)], [], [], []),
            Population = new PopulationSpec(
                [new YearValue(2024, 1409, Synthetic), new YearValue(2035, 1380, Synthetic), new YearValue(2060, 1250, Synthetic)],
                [new YearValue(2024, 67, Synthetic), new YearValue(2035, 74, Synthetic), new YearValue(2060, 80, Synthetic)],
                1.0, Synthetic),
            Sectors = sectors,
            CityCaps = [],
        };
    }
}
