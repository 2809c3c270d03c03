using GridEmissions.Core.Facilities;

namespace GridEmissions.Core.Tests.Facilities;

public class FacilityStatusTests
{
    [Theory]
    [InlineData("operating", FacilityStatus.Operating)]
    [InlineData(" Operating-Pre-Retirement ", FacilityStatus.Operating)]
    [InlineData("operating pre-retirement", FacilityStatus.Operating)]
    [InlineData("construction", FacilityStatus.Construction)]
    [InlineData("pre-construction", FacilityStatus.Permitted)]
    [InlineData("permitted", FacilityStatus.Permitted)]
    [InlineData("pre-permit", FacilityStatus.PrePermit)]
    [InlineData("ANNOUNCED", FacilityStatus.Announced)]
    [InlineData("shelved", FacilityStatus.Shelved)]
    [InlineData("cancelled", FacilityStatus.Cancelled)]
    [InlineData("retired", FacilityStatus.Retired)]
    [InlineData("mothballed", FacilityStatus.Mothballed)]
    public void Parse_reads_gem_status_words(string word, FacilityStatus expected)
    {
        Assert.Equal(expected, FacilityStatuses.Parse(word));
    }

    [Fact]
    public void Parse_returns_null_for_an_unknown_word_and_every_listed_word_parses()
    {
        Assert.Null(FacilityStatuses.Parse("zombie"));
        Assert.Null(FacilityStatuses.Parse(string.Empty));
        Assert.All(FacilityStatuses.Words, w => Assert.NotNull(FacilityStatuses.Parse(w)));
    }

    [Fact]
    public void IsPipeline_is_true_for_projects_that_may_still_enter()
    {
        Assert.Equal(
            [FacilityStatus.Construction, FacilityStatus.Permitted, FacilityStatus.PrePermit, FacilityStatus.Announced],
            Enum.GetValues<FacilityStatus>().Where(s => s.IsPipeline()));
    }
}
