using GridEmissions.Core.Facilities;
using GridEmissions.Core.Tabular;

namespace GridEmissions.Core.Tests.Facilities;

public class UserFacilityReaderTests
{
    private static readonly string Header = string.Join(",", UserFacilityReader.Columns);

    private static FacilityList Read(params string[] rows) =>
        UserFacilityReader.Read(CsvTable.Parse(new StringReader(Header + "\n" + string.Join("\n", rows)), "mine.csv"));

    [Fact]
    public void Read_builds_a_facility_of_any_known_sector()
    {
        Facility f = Assert.Single(Read("F1,My plant,steel,500,kt steel/yr,construction,2027,,,113.6,34.7,900000,0.8").Facilities);
        Assert.Equal(("F1", "steel", FacilityStatus.Construction, 2027), (f.Id, f.SectorId, f.Status, f.StartYear!.Value));
        Assert.Equal(900000 / 0.8, f.TonnesPerUtilisation, 6);
        Assert.Equal("mine.csv:2", f.Source);
    }

    [Fact]
    public void Read_reports_each_bad_value_on_its_line_with_a_fix()
    {
        FacilityList list = Read(
            "F1,A,powr,500,MW,operating,2000,,,113.6,34.7,1e6,0.5",
            "F2,B,power,-1,MW,operating,2000,,,113.6,34.7,1e6,0.5",
            "F3,C,power,500,MW,operating,2000,,,113.6,34.7,1e6,1.5",
            "F4,D,power,500,MW,operating,20x0,,,113.6,34.7,1e6,0.5",
            "F5,E,power,500,MW,operating,2000,,,,34.7,1e6,0.5");
        Assert.Equal([2, 3, 4, 5, 6], list.Problems.Select(p => p.Line));
        Assert.Contains("power", list.Problems[0].Fix, StringComparison.Ordinal);
        Assert.Contains("(0, 1]", list.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("not a year", list.Problems[3].Message, StringComparison.Ordinal);
        Assert.Equal(["F4"], list.Facilities.Select(f => f.Id));
        Assert.Null(list.Facilities[0].StartYear);
    }
}
