
namespace GridEmissions.Analysis.Tests;

public sealed class NormalTests
{
    // reference values: mpmath erfc at 30 digits, rounded to 17
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.1, 0.8875370839817151)]
    [InlineData(0.46875, 0.50738652678206201)]
    [InlineData(0.5, 0.47950012218695346)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.0046777349810472658)]
    [InlineData(4.0, 1.5417257900280019e-08)]
    [InlineData(5.0, 1.5374597944280349e-12)]
    [InlineData(10.0, 2.0884875837625448e-45)]
    [InlineData(26.0, 5.6631924088561428e-296)]
    [InlineData(-1.0, 1.8427007929497149)]
    public void Erfc_matches_reference_values_to_near_machine_precision(double x, double expected) =>
        Tolerance.Relative(expected, Normal.Erfc(x), 1e-14, $"erfc({x})");

    [Fact]
    public void Two_sided_p_of_1_96_is_five_percent()
    {
        Tolerance.Relative(0.049995790296440856, Normal.TwoSidedP(1.96), 1e-14, "p(1.96)"); // R 2 * pnorm(-1.96)
        Tolerance.Close(Normal.TwoSidedP(-2.5), Normal.TwoSidedP(2.5), 0, "symmetry");
        Tolerance.Close(0.97500210485177963, Normal.Cdf(1.96), 1e-15, "Phi(1.96)"); // R pnorm(1.96)
    }
}
