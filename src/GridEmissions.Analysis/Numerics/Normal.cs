namespace GridEmissions.Analysis;

/// <summary>
/// The standard normal distribution, accurate in the far tails: the complementary error function
/// follows W. J. Cody's rational Chebyshev approximations (Math. Comp. 23, 1969; Netlib SPECFUN
/// CALERF), with relative error near machine precision over the whole range, so p-values of
/// z = 8 or 30 keep their digits instead of rounding to zero.
/// </summary>
public static class Normal
{
    private const double Threshold = 0.46875;
    private const double OneOverSqrtPi = 5.6418958354775628695e-1;
    private const double Big = 26.543; // erfc underflows beyond this

    private static readonly double[] A = [3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02, 3.20937758913846947e03, 1.85777706184603153e-1];
    private static readonly double[] B = [2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03];
    private static readonly double[] C =
    [
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02, 8.81952221241769090e02,
        1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8,
    ];
    private static readonly double[] D =
    [
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03,
        3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03,
    ];
    private static readonly double[] P = [3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2];
    private static readonly double[] Q = [2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];

    /// <summary>The complementary error function erfc(x) = 1 − erf(x).</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        double y = Math.Abs(x);
        double result;
        if (y <= Threshold)
        {
            double ysq = y * y;
            double num = A[4] * ysq, den = ysq;
            for (int i = 0; i < 3; i++)
            {
                num = (num + A[i]) * ysq;
                den = (den + B[i]) * ysq;
            }

            return 1.0 - (x * (num + A[3]) / (den + B[3]));
        }

        if (y <= 4.0)
        {
            double num = C[8] * y, den = y;
            for (int i = 0; i < 7; i++)
            {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }

            result = ScaleByGaussian(y, (num + C[7]) / (den + D[7]));
        }
        else if (y >= Big)
        {
            result = 0.0;
        }
        else
        {
            double ysq = 1.0 / (y * y);
            double num = P[5] * ysq, den = ysq;
            for (int i = 0; i < 4; i++)
            {
                num = (num + P[i]) * ysq;
                den = (den + Q[i]) * ysq;
            }

            double r = ysq * (num + P[4]) / (den + Q[4]);
            result = ScaleByGaussian(y, (OneOverSqrtPi - r) / y);
        }

        return x < 0 ? 2.0 - result : result;
    }

    /// <summary>The error function erf(x).</summary>
    public static double Erf(double x) => Math.Abs(x) <= Threshold ? 1.0 - Erfc(x) : (x < 0 ? Erfc(-x) - 1.0 : 1.0 - Erfc(x));

    /// <summary>P(Z ≤ z) for a standard normal Z.</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2.0));

    /// <summary>P(Z &gt; z) for a standard normal Z, without cancellation in the upper tail.</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2.0));

    /// <summary>Two-sided p-value P(|Z| ≥ |z|) = erfc(|z|/√2).</summary>
    public static double TwoSidedP(double z) => double.IsNaN(z) ? double.NaN : Erfc(Math.Abs(z) / Math.Sqrt(2.0));

    // exp(-y²)·r computed as exp(-ysq²)·exp(-del) with ysq = y rounded down to 1/16, so the
    // rounding error of y² is not amplified by the exponential (Cody's device).
    private static double ScaleByGaussian(double y, double r)
    {
        double ysq = Math.Truncate(y * 16.0) / 16.0;
        double del = (y - ysq) * (y + ysq);
        return Math.Exp(-ysq * ysq) * Math.Exp(-del) * r;
    }
}
