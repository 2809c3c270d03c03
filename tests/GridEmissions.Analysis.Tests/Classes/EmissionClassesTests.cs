
namespace GridEmissions.Analysis.Tests;

public sealed class EmissionClassesTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(9_999.999, 0)]
    [InlineData(10_000.0, 1)]
    [InlineData(99_999.0, 1)]
    [InlineData(100_000.0, 2)]
    [InlineData(999_999.99, 2)]
    [InlineData(1_000_000.0, 3)]
    [InlineData(5e7, 3)]
    public void A_value_on_a_break_belongs_to_the_class_above(double tonnes, int expected) =>
        Assert.Equal(expected, EmissionClasses.ClassOf(tonnes, EmissionClasses.DefaultBreaksTonnes));

    [Fact]
    public void Default_classes_have_readable_labels_and_count_and_sum_per_class()
    {
        double[] values = [0, 5e3, 1e4, 2e4, 1e5, 1e6, 3e6, 7];
        bool[] mask = [true, true, true, true, true, true, true, false];
        var result = EmissionClasses.Classify(values, regionMask: mask);

        Assert.Equal(["<10 kt", "10–100 kt", "100 kt–1 Mt", ">1 Mt"], result.Classes.Select(c => c.Label));
        Assert.Equal([2, 2, 1, 2], result.Classes.Select(c => c.Cells));
        Tolerance.Close(5e3, result.Classes[0].EmissionsTonnes, 0, "class 0 tonnes");
        Tolerance.Close(3e4, result.Classes[1].EmissionsTonnes, 0, "class 1 tonnes");
        Tolerance.Close(4e6, result.Classes[3].EmissionsTonnes, 0, "class 3 tonnes");
        Tolerance.Close(1.0, result.Classes.Sum(c => c.ShareOfTotal), 1e-15, "shares");
        Assert.Equal(EmissionClasses.OutsideRegion, result.CellClass[7]);
        Assert.Equal(3, result.CellClass[5]);
    }

    [Fact]
    public void Breaks_must_ascend_strictly() =>
        Assert.Throws<ArgumentException>(() => EmissionClasses.Classify([1.0], [1e5, 1e4]));
}
