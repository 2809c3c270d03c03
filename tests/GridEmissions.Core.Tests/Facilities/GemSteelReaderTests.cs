using GridEmissions.Core.Facilities;
using GridEmissions.Core.Tabular;

namespace GridEmissions.Core.Tests.Facilities;

public class GemSteelReaderTests
{
    private const string Header =
        "plant-id,plant-name-(english),subnational-unit-(province/state),plant-status,start-date,lat,lng," +
        "operating-nominal-crude-steel-capacity-(ttpa),operating-nominal-eaf-steel-capacity-(ttpa)," +
        "construction-nominal-crude-steel-capacity-(ttpa),construction-nominal-eaf-steel-capacity-(ttpa)";

    private static FacilityList Read(params string[] rows) =>
        GemSteelReader.Read(CsvTable.Parse(new StringReader(Header + "\n" + string.Join("\n", rows)), "steel.csv"), ["Henan"]);

    [Fact]
    public void Read_splits_a_plant_into_its_routes_and_its_pipeline()
    {
        FacilityList list = Read("P1,Anyang Steel,Henan,operating,2005,36.1,114.3,1000,200,500,0");
        Assert.Empty(list.Problems);
        Assert.Equal(["P1:eaf", "P1:bof", "P1:construction-bof"], list.Facilities.Select(f => f.Id));
        Facility bof = list.Facilities[1];
        Assert.Equal((800d, "kt steel/yr", FacilityStatus.Operating), (bof.Capacity, bof.CapacityUnit, bof.Status));
        Assert.Equal(800 * 1000 * GemSteelReader.BfBofTonnesPerTonne * GemSteelReader.ReferenceUtilisation, bof.ReferenceEmissionsTonnes, 6);
        Assert.Equal(FacilityStatus.Construction, list.Facilities[2].Status);
        Assert.All(list.Facilities, f => Assert.Equal("steel", f.SectorId));
    }

    [Fact]
    public void Read_reports_a_missing_coordinate_an_unknown_status_and_a_negative_capacity_each_on_its_line()
    {
        FacilityList list = Read(
            "P1,NoLat,Henan,operating,2005,,114.3,1000,0,0,0",
            "P2,Odd,Henan,sleeping,2005,36.1,114.3,1000,0,0,0",
            "P3,Neg,Henan,operating,2005,36.1,114.3,-1000,0,0,0");
        Assert.Equal([2, 3, 4], list.Problems.Select(p => p.Line));
        Assert.Contains("coordinates", list.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("'sleeping'", list.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("negative", list.Problems[2].Message, StringComparison.Ordinal);
        Assert.All(list.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Fix)));
        Assert.DoesNotContain(list.Facilities, f => f.Id.StartsWith("P3:bof", StringComparison.Ordinal) && f.Capacity < 0);
    }

    [Fact]
    public void Read_skips_plants_outside_the_provinces()
    {
        FacilityList list = Read("P1,A,Henan,operating,2005,36.1,114.3,1000,0,0,0", "P2,B,Hebei,operating,2005,38.1,114.3,1000,0,0,0");
        Assert.Equal(["P1:bof"], list.Facilities.Select(f => f.Id));
        Assert.Equal(1, list.SkippedRows);
    }
}
