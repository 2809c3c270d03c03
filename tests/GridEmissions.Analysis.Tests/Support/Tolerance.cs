using System.Globalization;

namespace GridEmissions.Analysis.Tests;

/// <summary>Assertions that state expected, got and difference.</summary>
internal static class Tolerance
{
    public static void Close(double expected, double actual, double absolute, string what)
    {
        double diff = actual - expected;
        if (!(Math.Abs(diff) <= absolute) && !(double.IsNaN(expected) && double.IsNaN(actual)))
        {
            Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R}, difference {diff:R} (tolerance {absolute:R})"));
        }
    }

    public static void Relative(double expected, double actual, double relative, string what) =>
        Close(expected, actual, relative * Math.Max(Math.Abs(expected), double.Epsilon), what);
}
