using GridEmissions.Core.Facilities;
using GridEmissions.Core.Tabular;

namespace GridEmissions.Core.Tests.Facilities;

public class GemGasReaderTests
{
    private const string Header = "fuel_type,project,unit,capacity,status,province,start_year,lat,lng,technology";

    private static FacilityList Read(params string[] rows) =>
        GemGasReader.Read(CsvTable.Parse(new StringReader(Header + "\n" + string.Join("\n", rows)), "gas.csv"), ["Jiangsu", "Shanghai"]);

    [Fact]
    public void Read_builds_fossil_gas_units_with_emissions_from_capacity_factor_and_emission_factor()
    {
        Facility f = Assert.Single(Read("fossil gas: natural gas,Wangting,2,400,operating,Jiangsu,2006,31.4,120.5,CCGT").Facilities);
        Assert.Equal(("GOGPT:Wangting#2", "power", FacilityStatus.Operating), (f.Id, f.SectorId, f.Status));
        Assert.Equal(400 * 8760 * GemGasReader.DefaultCapacityFactor * GemGasReader.DefaultTonnesPerMwh, f.ReferenceEmissionsTonnes, 6);
        Assert.Equal("gas.csv:2", f.Source);
    }

    [Fact]
    public void Read_reports_a_missing_coordinate_an_unknown_status_and_a_negative_capacity_each_on_its_line()
    {
        FacilityList list = Read(
            "fossil gas: natural gas,NoLng,1,400,operating,Jiangsu,2006,31.4,,CCGT",
            "fossil gas: natural gas,Odd,1,400,dreaming,Jiangsu,2006,31.4,120.5,CCGT",
            "fossil gas: natural gas,Neg,1,-5,operating,Jiangsu,2006,31.4,120.5,CCGT");
        Assert.Empty(list.Facilities);
        Assert.Equal([2, 3, 4], list.Problems.Select(p => p.Line));
        Assert.Contains("'lng'", list.Problems[0].Fix, StringComparison.Ordinal);
        Assert.Contains("'dreaming'", list.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("negative", list.Problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_skips_other_provinces_and_steel_mill_gases()
    {
        FacilityList list = Read(
            "fossil gas: natural gas,A,1,400,operating,Jiangsu,2006,31.4,120.5,CCGT",
            "fossil gas: natural gas,B,1,400,operating,Henan,2006,34.7,113.6,CCGT",
            "blast furnace gas,C,1,50,operating,Jiangsu,2006,31.4,120.5,ST");
        Assert.Equal(["GOGPT:A#1"], list.Facilities.Select(f => f.Id));
        Assert.Equal(2, list.SkippedRows);
    }
}
