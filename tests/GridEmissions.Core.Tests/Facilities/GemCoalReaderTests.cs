using GridEmissions.Core.Facilities;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tabular;

namespace GridEmissions.Core.Tests.Facilities;

public class GemCoalReaderTests
{
    private const string Header =
        "GEM unit/phase ID,Plant name,Unit name,Capacity (MW),Status,Start year,Retired year,Planned retirement,Combustion technology," +
        "\"Subnational unit (province, state)\",Latitude,Longitude,Capacity factor,Annual CO2 (million tonnes / annum)";

    private static readonly string[] Henan = ["Henan"];

    private static FacilityList Read(params string[] rows) =>
        GemCoalReader.Read(CsvTable.Parse(new StringReader(Header + "\n" + string.Join("\n", rows)), "coal.csv"), Henan);

    [Fact]
    public void Read_builds_a_power_facility_from_a_good_row()
    {
        FacilityList list = Read("G100,Yaomeng,Unit 1,600,operating,2008.0,,2040,supercritical,Henan,33.75,113.25,0.5,2.5");
        Facility f = Assert.Single(list.Facilities);
        Assert.Empty(list.Problems);
        Assert.Equal(("G100", "Yaomeng Unit 1", "power", FacilityStatus.Operating), (f.Id, f.Name, f.SectorId, f.Status));
        Assert.Equal((600d, 2008, 2040, 2.5e6, 0.5), (f.Capacity, f.StartYear!.Value, f.PlannedRetirementYear!.Value, f.ReferenceEmissionsTonnes, f.ReferenceUtilisation));
        Assert.Equal((113.25, 33.75), (f.Longitude, f.Latitude));
        Assert.Equal("coal.csv:2", f.Source);
    }

    [Fact]
    public void Read_reports_a_missing_coordinate_an_unknown_status_and_a_negative_capacity_each_on_its_line_with_a_fix()
    {
        FacilityList list = Read(
            "G1,Good,Unit 1,600,operating,2008,,,sub,Henan,33.7,113.2,0.5,2",
            "G2,NoLat,Unit 1,600,operating,2008,,,sub,Henan,,113.2,0.5,2",
            "G3,Odd,Unit 1,600,zombie,2008,,,sub,Henan,33.7,113.2,0.5,2",
            "G4,Neg,Unit 1,-600,operating,2008,,,sub,Henan,33.7,113.2,0.5,2");
        Assert.Equal(["G1"], list.Facilities.Select(f => f.Id));
        Assert.Equal([3, 4, 5], list.Problems.Select(p => p.Line));
        Assert.All(list.Problems, p => Assert.Equal("coal.csv", p.File));
        Assert.All(list.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Fix)));
        ScenarioProblem coordinate = list.Problems[0], status = list.Problems[1], capacity = list.Problems[2];
        Assert.Contains("coordinates", coordinate.Message, StringComparison.Ordinal);
        Assert.Contains("WGS84", coordinate.Fix, StringComparison.Ordinal);
        Assert.Contains("'zombie'", status.Message, StringComparison.Ordinal);
        Assert.Contains("operating", status.Fix, StringComparison.Ordinal);
        Assert.Contains("'-600'", capacity.Message, StringComparison.Ordinal);
        Assert.Contains("non-negative", capacity.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_keeps_only_the_scenarios_provinces_ignoring_case()
    {
        FacilityList list = Read(
            "G1,A,1,600,operating,2008,,,sub,HENAN,33.7,113.2,0.5,2",
            "G2,B,1,600,operating,2008,,,sub,Shandong,36.7,117.2,0.5,2",
            "G3,C,1,600,zombie,2008,,,sub,Hebei,38.0,114.5,0.5,2");
        Assert.Equal(["G1"], list.Facilities.Select(f => f.Id));
        Assert.Equal(2, list.SkippedRows);
        Assert.Empty(list.Problems);
    }

    [Fact]
    public void Read_rebuilds_emissions_from_heat_rate_and_emission_factor_when_the_co2_column_is_empty()
    {
        string header = Header + ",Heat rate (Btu per kWh),Emission factor (kg of CO2 per TJ)";
        var table = CsvTable.Parse(new StringReader(header + "\nG1,A,1,600,operating,2008,,,sub,Henan,33.7,113.2,0.5,,9000,95000\n"), "coal.csv");
        Facility f = Assert.Single(GemCoalReader.Read(table, Henan).Facilities);
        double expected = 600 * 8760 * 0.5 * 9000 * 1000 * 1.055056e-9 * 95000 / 1000;
        Assert.Equal(expected, f.ReferenceEmissionsTonnes, 6);
    }

    [Fact]
    public void Read_reports_every_missing_column_on_the_header_line()
    {
        var table = CsvTable.Parse(new StringReader("GEM unit/phase ID,Plant name\nG1,A\n"), "coal.csv");
        FacilityList list = GemCoalReader.Read(table, Henan);
        Assert.Empty(list.Facilities);
        Assert.True(list.Problems.Count >= 10);
        Assert.All(list.Problems, p => Assert.Equal(1, p.Line));
        Assert.Contains(list.Problems, p => p.Message.Contains("'Latitude'", StringComparison.Ordinal));
    }
}
