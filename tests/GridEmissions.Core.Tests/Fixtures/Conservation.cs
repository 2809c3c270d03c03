using System.Globalization;
using System.Numerics;
using GridEmissions.Core.Allocation;

namespace GridEmissions.Core.Tests.Fixtures;

/// <summary>Conservation checks with explicit tolerance and messages that state expected, got and difference.</summary>
internal static class Conservation
{
    public static void AssertConserved(double expected, double got, double relativeTolerance, string what)
    {
        double difference = got - expected;
        double scale = Math.Max(Math.Abs(expected), double.Epsilon);
        bool ok = expected == 0 ? got == 0 : Math.Abs(difference) <= relativeTolerance * scale;
        Assert.True(ok, string.Create(CultureInfo.InvariantCulture,
            $"{what}: expected {expected:R}, got {got:R}, difference {difference:R} (relative {Math.Abs(difference) / scale:E3}, tolerance {relativeTolerance:E1})"));
    }

    public static void AssertConserved(double expected, ReadOnlySpan<double> cells, double relativeTolerance, string what) =>
        AssertConserved(expected, ExactSum(cells), relativeTolerance, what);

    /// <summary>The exactly rounded sum of finite doubles (independent of <see cref="PreciseSum"/>): every value is an integer multiple of 2^-1074.</summary>
    public static double ExactSum(ReadOnlySpan<double> values)
    {
        BigInteger total = BigInteger.Zero;
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("ExactSum needs finite values");
            }

            long bits = BitConverter.DoubleToInt64Bits(v);
            int exponent = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xFFFFFFFFFFFFFL;
            mantissa = exponent == 0 ? mantissa : mantissa | (1L << 52);
            int shift = exponent == 0 ? 0 : exponent - 1; // value = mantissa × 2^(shift − 1074)
            BigInteger m = new BigInteger(mantissa) << shift;
            total += v < 0 ? -m : m;
        }

        if (total.IsZero)
        {
            return 0;
        }

        int sign = total.Sign;
        BigInteger abs = BigInteger.Abs(total);
        long length = (long)abs.GetBitLength();
        int drop = (int)Math.Max(0, length - 62);
        double head = (double)(abs >> drop);
        return sign * Math.ScaleB(head, drop - 1074);
    }
}
