using GridEmissions.Analysis;
using GridEmissions.Core.Models;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Scenarios.Uncertainty;

namespace GridEmissions.Pipeline.Ensembles;

/// <summary>One drawn value of a member.</summary>
/// <param name="Parameter">The uncertain parameter.</param>
/// <param name="Uniform">The uniform number u in [0, 1) it was drawn with.</param>
/// <param name="Value">The value written into the member's scenario.</param>
public sealed record DrawnValue(UncertainParameter Parameter, double Uniform, string Value);

/// <summary>
/// The parameters of ensemble member i: each drawn by inverse CDF from the uniform
/// <see cref="StableRandom.Uniform"/>(seed + i, "uncertainty/" + name), so a member depends only on
/// the scenario and its index (reproducible alone, in any order, on any machine). The member's run
/// seed (pipeline entry draws) is seed + i as well.
/// </summary>
public static class ParameterDraws
{
    /// <summary>The seed of member <paramref name="member"/> (1-based).</summary>
    public static int MemberSeed(Scenario scenario, int member)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return unchecked(scenario.Seed + member);
    }

    /// <summary>The drawn values of member <paramref name="member"/>.</summary>
    public static IReadOnlyList<DrawnValue> Draw(Scenario scenario, int member)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        int seed = MemberSeed(scenario, member);
        return [.. scenario.Uncertainty.Select(p =>
        {
            double u = StableRandom.Uniform(seed, "uncertainty/" + p.Name);
            return new DrawnValue(p, u, Value(p.Distribution, u));
        })];
    }

    /// <summary>The value of a distribution at cumulative probability <paramref name="u"/>, as written into a scenario.</summary>
    public static string Value(ParameterDistribution distribution, double u) => distribution switch
    {
        UniformDistribution d => ParameterDistribution.Format(d.Quantile(u)),
        TriangularDistribution d => ParameterDistribution.Format(d.Quantile(u)),
        TruncatedNormalDistribution d => ParameterDistribution.Format(TruncatedNormalQuantile(d, u)),
        ChoiceDistribution d => d.Pick(u),
        _ => throw new ArgumentException("unknown distribution " + distribution?.Kind, nameof(distribution)),
    };

    /// <summary>Inverse CDF of the truncated normal: Φ⁻¹(Φ(a) + u (Φ(b) − Φ(a))), by bisection on Φ (to double precision).</summary>
    public static double TruncatedNormalQuantile(TruncatedNormalDistribution d, double u)
    {
        ArgumentNullException.ThrowIfNull(d);
        double lo = (d.Min - d.Mean) / d.Sd, hi = (d.Max - d.Mean) / d.Sd;
        double target = Normal.Cdf(lo) + (u * (Normal.Cdf(hi) - Normal.Cdf(lo)));
        double a = lo, b = hi;
        for (int i = 0; i < 200 && b - a > 1e-15 * Math.Max(1, Math.Abs(a)); i++)
        {
            double m = 0.5 * (a + b);
            if (Normal.Cdf(m) < target)
            {
                a = m;
            }
            else
            {
                b = m;
            }
        }

        return Math.Clamp(d.Mean + (0.5 * (a + b) * d.Sd), d.Min, d.Max);
    }
}
