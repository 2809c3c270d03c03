namespace GridEmissions.Core.Scenarios.Uncertainty;

/// <summary>
/// One uncertain number (or choice) of a scenario: the scenario value at <see cref="Target"/> is
/// replaced, in each ensemble member, by a draw from <see cref="Distribution"/>.
/// </summary>
/// <param name="Name">The parameter's name (a safe token: a column of the members' parameter table).</param>
/// <param name="Target">Where the value sits in the scenario file: keys joined by dots, list items chosen by <c>[field=value]</c> or <c>[index]</c>, e.g. <c>sectors.power.share_percent[year=2060].value</c>.</param>
/// <param name="Distribution">What the value is drawn from.</param>
/// <param name="Nominal">The scenario's own value at the target (as written).</param>
/// <param name="Provenance">Basis and note of the distribution.</param>
public sealed record UncertainParameter(string Name, string Target, ParameterDistribution Distribution, string Nominal, Provenance Provenance);

/// <summary>A distribution of an uncertain parameter; draws map a uniform number u in [0, 1) to a value (inverse CDF).</summary>
public abstract record ParameterDistribution
{
    /// <summary>"uniform", "triangular", "normal" or "choice".</summary>
    public abstract string Kind { get; }

    /// <summary>The values the validation substitutes into the scenario: the extremes and one interior point (the choices for <see cref="Choice"/>).</summary>
    public abstract IReadOnlyList<string> Probes { get; }

    /// <summary>A short description for tables ("uniform(0.3, 0.7)").</summary>
    public abstract string Describe();

    /// <summary>Formats a number as written into a member scenario (shortest round-trip).</summary>
    public static string Format(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Uniform on [Min, Max].</summary>
public sealed record UniformDistribution(double Min, double Max) : ParameterDistribution
{
    /// <inheritdoc/>
    public override string Kind => "uniform";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Probes => [Format(Min), Format(Max), Format(Quantile(0.37))];

    /// <summary>The value at cumulative probability u.</summary>
    public double Quantile(double u) => Min + (u * (Max - Min));

    /// <inheritdoc/>
    public override string Describe() => FormattableString.Invariant($"uniform({Min:R}, {Max:R})");
}

/// <summary>Triangular on [Min, Max] with its peak at Mode.</summary>
public sealed record TriangularDistribution(double Min, double Mode, double Max) : ParameterDistribution
{
    /// <inheritdoc/>
    public override string Kind => "triangular";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Probes => [Format(Min), Format(Max), Format(Quantile(0.37))];

    /// <summary>The value at cumulative probability u (inverse CDF).</summary>
    public double Quantile(double u)
    {
        double f = (Mode - Min) / (Max - Min);
        return u < f
            ? Min + Math.Sqrt(u * (Max - Min) * (Mode - Min))
            : Max - Math.Sqrt((1 - u) * (Max - Min) * (Max - Mode));
    }

    /// <inheritdoc/>
    public override string Describe() => FormattableString.Invariant($"triangular({Min:R}, {Mode:R}, {Max:R})");
}

/// <summary>Normal(Mean, Sd) truncated to [Min, Max] (the bounds are required).</summary>
public sealed record TruncatedNormalDistribution(double Mean, double Sd, double Min, double Max) : ParameterDistribution
{
    /// <inheritdoc/>
    public override string Kind => "normal";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Probes => [Format(Min), Format(Max), Format(Min + (0.37 * (Max - Min)))];

    /// <inheritdoc/>
    public override string Describe() => FormattableString.Invariant($"normal({Mean:R}, sd {Sd:R}) in [{Min:R}, {Max:R}]");
}

/// <summary>One of several values (numbers or words), with weights (equal when not given).</summary>
public sealed record ChoiceDistribution(IReadOnlyList<string> Values, IReadOnlyList<double> Weights) : ParameterDistribution
{
    /// <inheritdoc/>
    public override string Kind => "choice";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Probes => Values;

    /// <summary>The value at cumulative probability u.</summary>
    public string Pick(double u)
    {
        double total = Weights.Sum(), acc = 0;
        for (int i = 0; i < Values.Count; i++)
        {
            acc += Weights[i] / total;
            if (u < acc)
            {
                return Values[i];
            }
        }

        return Values[^1];
    }

    /// <inheritdoc/>
    public override string Describe() => $"choice({string.Join("; ", Values.Select((v, i) => FormattableString.Invariant($"{v}: {Weights[i]:R}")))})";
}
