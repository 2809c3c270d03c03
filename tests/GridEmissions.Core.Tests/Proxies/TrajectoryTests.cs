using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tests.Fixtures;

namespace GridEmissions.Core.Tests.Proxies;

public class TrajectoryTests
{
    [Fact]
    public void At_interpolates_linearly_between_anchors_in_any_order_and_holds_outside()
    {
        YearValue[] anchors = [PointSpecBuilder.At(2040, 20), PointSpecBuilder.At(2020, 10), PointSpecBuilder.At(2060, 0)];
        Assert.Equal(10, Trajectory.At(anchors, 2000));
        Assert.Equal(10, Trajectory.At(anchors, 2020));
        Assert.Equal(15, Trajectory.At(anchors, 2030));
        Assert.Equal(20, Trajectory.At(anchors, 2040));
        Assert.Equal(10, Trajectory.At(anchors, 2050));
        Assert.Equal(0, Trajectory.At(anchors, 2070));
        Assert.Throws<ArgumentException>(() => Trajectory.At([], 2030));
    }

    [Fact]
    public void GrowthFactor_compounds_each_year_inside_a_period_and_none_outside()
    {
        RatePeriod[] periods = [new(2021, 2025, 10, PointSpecBuilder.Test), new(2031, 2035, -10, PointSpecBuilder.Test)];
        Assert.Equal(1, Trajectory.GrowthFactor(periods, 2020, 2020));
        Assert.Equal(1.1 * 1.1, Trajectory.GrowthFactor(periods, 2020, 2022), 12);
        Assert.Equal(Math.Pow(1.1, 5), Trajectory.GrowthFactor(periods, 2020, 2030), 12);
        Assert.Equal(Math.Pow(1.1, 5) * Math.Pow(0.9, 5), Trajectory.GrowthFactor(periods, 2020, 2040), 12);
    }
}
