using FsCheck.Fluent;
using GridEmissions.Core.Facilities;
using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Tests.Fixtures;

namespace GridEmissions.Core.Tests.Models.Points;

public class UnitLifecycleTests
{
    private const int BaseYear = 2020;
    private const int Seed = 7;

    private static (int Enter, int Retire, string Why)? Window(Facility f, double life = 40, int delay = 0, double p = 1, int seed = Seed) =>
        UnitLifecycle.Window(f, BaseYear, life, delay, p, seed);

    [Fact]
    public void Window_of_a_retired_unit_ends_at_its_reported_retirement_year()
    {
        var w = Window(FacilityBuilder.Unit("r", status: FacilityStatus.Retired, start: 1995, retired: 2025));
        Assert.Equal((1995, 2025), (w!.Value.Enter, w.Value.Retire));
    }

    [Theory]
    [InlineData(FacilityStatus.Retired, 2019)]
    [InlineData(FacilityStatus.Retired, 2020)]
    [InlineData(FacilityStatus.Retired, null)]
    [InlineData(FacilityStatus.Mothballed, null)]
    public void Window_of_a_unit_retired_by_the_base_year_is_empty(FacilityStatus status, int? retired)
    {
        Assert.Null(Window(FacilityBuilder.Unit("r", status: status, retired: retired)));
    }

    [Fact]
    public void Window_of_an_operating_unit_with_a_planned_retirement_year_ends_that_year()
    {
        var w = Window(FacilityBuilder.Unit("p", start: 2005, plannedRetirement: 2031));
        Assert.Equal((BaseYear, 2031), (w!.Value.Enter, w.Value.Retire));
        Assert.Contains("planned", w.Value.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2000, 40, 2040)]
    [InlineData(2015, 30, 2045)]
    [InlineData(2010, 39.6, 2050)]
    public void Window_of_an_operating_unit_ends_at_start_plus_lifetime(int start, double life, int retire)
    {
        var w = Window(FacilityBuilder.Unit("l", start: start), life: life);
        Assert.Equal((BaseYear, retire), (w!.Value.Enter, w.Value.Retire));
    }

    [Fact]
    public void Window_of_an_overdue_unit_ends_within_the_grace_years_deterministically_for_a_seed()
    {
        var years = new HashSet<int>();
        Properties.Check(Gen.Choose(0, 1_000_000), k =>
        {
            Facility f = FacilityBuilder.Unit("old-" + k, start: 1960 + (k % 20));
            var w = Window(f);
            Assert.NotNull(w);
            int retire = w.Value.Retire;
            Assert.InRange(retire, BaseYear + 1, BaseYear + UnitLifecycle.OverdueGraceYears);
            Assert.Equal(retire, Window(f)!.Value.Retire);
            years.Add(retire);
        });
        Assert.True(years.Count >= UnitLifecycle.OverdueGraceYears - 1, $"overdue retirements spread over only {years.Count} years: {string.Join(", ", years.Order())}");
    }

    [Fact]
    public void Window_of_an_overdue_unit_depends_on_the_seed()
    {
        var differ = Enumerable.Range(0, 50).Count(k =>
        {
            Facility f = FacilityBuilder.Unit("old-" + k, start: 1970);
            return Window(f, seed: 1)!.Value.Retire != Window(f, seed: 2)!.Value.Retire;
        });
        Assert.True(differ > 10, $"only {differ} of 50 overdue units changed retirement year with the seed");
    }

    [Theory]
    [InlineData(FacilityStatus.Construction, 2024, 0, 2024)]
    [InlineData(FacilityStatus.Construction, 2024, 3, 2027)]
    [InlineData(FacilityStatus.Construction, null, 0, 2022)]
    [InlineData(FacilityStatus.Permitted, null, 1, 2024)]
    [InlineData(FacilityStatus.PrePermit, null, 0, 2024)]
    [InlineData(FacilityStatus.Announced, null, 2, 2027)]
    [InlineData(FacilityStatus.Announced, 2015, 0, 2021)]
    public void Window_of_a_pipeline_unit_starts_at_its_start_year_plus_the_delay_and_never_before_the_year_after_the_base(FacilityStatus status, int? start, int delay, int enter)
    {
        var w = Window(FacilityBuilder.Unit("n", status: status, start: start), life: 30, delay: delay);
        Assert.Equal((enter, enter + 30), (w!.Value.Enter, w.Value.Retire));
    }

    [Theory]
    [InlineData(FacilityStatus.Cancelled)]
    [InlineData(FacilityStatus.Shelved)]
    public void Window_of_a_cancelled_or_shelved_unit_is_empty(FacilityStatus status)
    {
        Assert.Null(Window(FacilityBuilder.Unit("c", status: status, start: 2022)));
    }

    [Fact]
    public void Window_of_every_pipeline_unit_is_empty_at_entry_probability_zero_and_about_half_at_one_half()
    {
        FacilityStatus[] pipeline = [FacilityStatus.Construction, FacilityStatus.Permitted, FacilityStatus.PrePermit, FacilityStatus.Announced];
        var units = Enumerable.Range(0, 400).Select(k => FacilityBuilder.Unit("pipe-" + k, status: pipeline[k % 4], start: 2025)).ToList();
        Assert.All(units, f => Assert.Null(Window(f, p: 0)));
        Assert.All(units, f => Assert.NotNull(Window(f, p: 1)));
        int entered = units.Count(f => Window(f, p: 0.5) is not null);
        Assert.InRange(entered, 150, 250);
        Assert.Equal(entered, units.Count(f => Window(f, p: 0.5) is not null));
    }
}
