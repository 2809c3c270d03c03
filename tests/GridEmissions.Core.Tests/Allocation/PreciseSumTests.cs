using System.Globalization;
using FsCheck.Fluent;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Tests.Fixtures;

namespace GridEmissions.Core.Tests.Allocation;

public class PreciseSumTests
{
    private static double Naive(IEnumerable<double> values)
    {
        double s = 0;
        foreach (double v in values)
        {
            s += v;
        }

        return s;
    }

    public static TheoryData<double[], double> Adversarial => new()
    {
        { [1e16, 1, -1e16], 1 },
        { [1, 1e100, 1, -1e100], 2 },
        { [1e308, 1e308 * 0 + 1, -1e308], 1 },
        { [3, 1e300, 2, -1e300, 1e-300], 5 },
        { Enumerable.Repeat(1.0, 1000).Prepend(1e17).Append(-1e17).ToArray(), 1000 },
    };

    [Theory]
    [MemberData(nameof(Adversarial))]
    public void Of_is_exact_on_adversarial_sequences_where_the_naive_sum_is_not(double[] values, double exact)
    {
        Assert.NotEqual(exact, Naive(values));
        Assert.Equal(exact, PreciseSum.Of(values.AsSpan()));
        Assert.Equal(exact, PreciseSum.Of(values.AsEnumerable()));
    }

    [Fact]
    public void Of_a_million_tenths_is_the_correctly_rounded_sum()
    {
        double[] tenths = Enumerable.Repeat(0.1, 1_000_000).ToArray();
        double exact = Conservation.ExactSum(tenths);
        Assert.Equal(exact, PreciseSum.Of(tenths.AsSpan()));
        Assert.NotEqual(exact, Naive(tenths));
    }

    [Fact]
    public void Of_stays_within_a_few_ulps_of_the_exact_sum_on_random_cancelling_sequences_and_beats_the_naive_sum()
    {
        var value = from mag in Properties.Uniform(-8, 16) from sign in Gen.Elements(-1.0, 1.0) select sign * Math.Pow(10, mag);
        var gen = from n in Gen.Choose(1, 300) from xs in value.ArrayOf(n) select xs;
        double naiveWorst = 0, preciseWorst = 0;
        Properties.Check(gen, xs =>
        {
            // Append the negatives of a shuffled prefix so large terms cancel.
            double[] seq = xs.Concat(xs.Take(xs.Length / 2).Reverse().Select(v => -v)).ToArray();
            double exact = Conservation.ExactSum(seq);
            double precise = PreciseSum.Of(seq.AsSpan());
            double absSum = seq.Sum(Math.Abs);
            double bound = (4 * double.Epsilon) + (4.5e-16 * Math.Abs(exact)) + (seq.Length * 1.3e-32 * absSum);
            Assert.True(Math.Abs(precise - exact) <= bound, string.Create(CultureInfo.InvariantCulture,
                $"expected {exact:R}, got {precise:R}, difference {precise - exact:R}, bound {bound:R}"));
            Assert.Equal(precise, PreciseSum.Of(seq.AsEnumerable()));
            double scale = Math.Max(Math.Abs(exact), 1e-300);
            naiveWorst = Math.Max(naiveWorst, Math.Abs(Naive(seq) - exact) / scale);
            preciseWorst = Math.Max(preciseWorst, Math.Abs(precise - exact) / scale);
        });
        Assert.True(naiveWorst > 1e-6 && preciseWorst < 1e-12, $"worst relative errors: naive {naiveWorst:E3}, precise {preciseWorst:E3}");
    }

    [Fact]
    public void Of_an_empty_sequence_is_zero()
    {
        Assert.Equal(0, PreciseSum.Of(ReadOnlySpan<double>.Empty));
        Assert.Equal(0, PreciseSum.Of(Array.Empty<double>().AsEnumerable()));
    }
}
