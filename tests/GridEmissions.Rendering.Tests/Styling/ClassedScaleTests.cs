namespace GridEmissions.Rendering.Tests.Styling;

public class ClassedScaleTests
{
    private readonly ClassedScale scale = Scales.EmissionsPerCell();

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(999.999, 0)]
    [InlineData(1e3, 1)]
    [InlineData(9_999.99, 1)]
    [InlineData(1e4, 2)]
    [InlineData(1e5, 3)]
    [InlineData(999_999, 3)]
    [InlineData(1e6, 4)]
    [InlineData(5e7, 4)]
    public void Classify_puts_a_value_on_a_break_in_the_class_above(double tonnes, int expected) =>
        Assert.Equal(expected, scale.Classify(tonnes));

    [Fact]
    public void Classify_keeps_zero_negative_and_nan_out_of_the_classes()
    {
        Assert.Equal(ClassedScale.Zero, scale.Classify(0));
        Assert.Equal(ClassedScale.Negative, scale.Classify(-5));
        Assert.Equal(ClassedScale.NoData, scale.Classify(double.NaN));
        Assert.Equal(ClassedScale.NoData, scale.Classify(double.PositiveInfinity));
    }

    [Fact]
    public void Class_index_never_decreases_as_the_value_grows_over_seven_orders_of_magnitude()
    {
        int previous = 0;
        for (double v = 1e-1; v < 1e8; v *= 1.01)
        {
            int c = scale.Classify(v);
            Assert.True(c >= previous, $"class fell from {previous} to {c} at {v}");
            previous = c;
        }

        Assert.Equal(scale.ClassCount - 1, previous);
    }

    [Fact]
    public void Default_colours_are_ColorBrewer_YlOrRd_and_get_darker_with_the_class()
    {
        Assert.Equal(Palettes.YlOrRd5, scale.Colours);
        double[] luminance = [.. scale.Colours.Select(c => 0.2126 * c.R + 0.7152 * c.G + 0.0722 * c.B)];
        for (int i = 1; i < luminance.Length; i++)
        {
            Assert.True(luminance[i] < luminance[i - 1], $"class {i} is not darker than class {i - 1}");
        }

        Assert.DoesNotContain(Palettes.Zero, scale.Colours);
        Assert.DoesNotContain(Palettes.NoData, scale.Colours);
    }

    [Fact]
    public void Default_labels_name_the_classes_in_t_kt_and_Mt()
    {
        Assert.Equal(["< 1 kt", "1 kt – 10 kt", "10 kt – 100 kt", "100 kt – 1 Mt", "≥ 1 Mt"], scale.Labels);
    }

    [Fact]
    public void Custom_breaks_give_one_more_class_than_breaks_from_the_ramp()
    {
        ClassedScale s = Scales.EmissionsPerCell([10, 100, 1e3, 1e4, 1e5, 1e6]);
        Assert.Equal(7, s.ClassCount);
        Assert.Equal(0, s.Classify(9.99));
        Assert.Equal(6, s.Classify(1e6));
    }

    [Fact]
    public void Breaks_that_do_not_increase_are_rejected() =>
        Assert.Throws<ArgumentException>(() => Scales.EmissionsPerCell([1e3, 1e3, 1e5]));

    [Fact]
    public void Symmetric_change_scale_mirrors_its_breaks_and_is_neutral_around_zero()
    {
        ClassedScale s = Scales.SymmetricChange();
        Assert.Equal([-1e6, -1e5, -1e4, -1e3, 1e3, 1e4, 1e5, 1e6], s.Breaks);
        Assert.Equal(4, s.Classify(0));
        Assert.Equal(4, s.Classify(-999));
        Assert.Equal(3, s.Classify(-1e3 - 1));
        Assert.Equal(5, s.Classify(1e3));
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(-s.Breaks[i], s.Breaks[^(i + 1)]);
        }

        Assert.Equal(Rgba.FromHex("#e3e3e3"), s.Colours[4]);
        Assert.NotEqual(Palettes.NoData, s.Colours[4]);
        Assert.True(s.Colours[0].B > s.Colours[0].R, "the largest decrease should be blue");
        Assert.True(s.Colours[^1].R > s.Colours[^1].B, "the largest increase should be red");
    }
}
