using YamlDotNet.RepresentationModel;

namespace GridEmissions.Core.Scenarios.Uncertainty;

/// <summary>
/// Reads the optional <c>uncertainty:</c> list: each item names a parameter, the scenario value it
/// replaces (<c>target</c>), its distribution and its basis. Checks that the target exists and may
/// vary, that the distribution is well formed, and that the scenario stays valid at the
/// distribution's extremes and at an interior point (so no member can hold an invalid value).
/// </summary>
internal static class UncertaintyParser
{
    private static readonly string[] Keys = ["name", "target", "distribution", "min", "max", "mode", "mean", "sd", "values", "weights", "basis", "note"];
    private static readonly string[] Kinds = ["uniform", "triangular", "normal", "choice"];

    public static IReadOnlyList<UncertainParameter> Read(YamlSection top, ScenarioParseContext ctx, Func<ProblemLog, IReadOnlyList<ScenarioProblem>> reparse)
    {
        if (!top.Has("uncertainty") || ctx.Probing)
        {
            return [];
        }

        var parameters = new List<(UncertainParameter Parameter, YamlScalarNode Node, YamlSection Item)>();
        var items = top.Items("uncertainty", false, "[{name: power_share_2060, target: \"sectors.power.share_percent[year=2060].value\", distribution: uniform, min: 8, max: 16, basis: assumption, note: \"…\"}]");
        foreach (YamlSection item in items)
        {
            item.CheckKeys(Keys);
            string? name = item.Text("name", true, "power_share_2060");
            string? target = item.Text("target", true, "\"sectors.power.model.utilisation.max\"");
            Provenance provenance = item.ReadProvenance();
            if (name is not null && !FileToken.IsValid(name))
            {
                ctx.Log.Add(item.Get("name"), $"'{item.PathOf("name")}' is '{name}', which is not a safe name ({FileToken.Rule}).", $"write e.g. 'name: {FileToken.Suggest(name)}'.");
            }

            if (name is not null && parameters.Any(p => p.Parameter.Name == name))
            {
                ctx.Log.Add(item.Get("name"), $"two uncertain parameters are named '{name}'.", "give every parameter its own name.");
            }

            YamlScalarNode? node = null;
            if (target is not null)
            {
                node = ScenarioTarget.Resolve(top.Node, target, out string problem);
                if (node is null)
                {
                    ctx.Log.Add(item.Get("target"), $"'{item.PathOf("target")}' names '{target}', which is not in the scenario: {problem}.",
                        "point at a number (or word) the scenario file holds, e.g. \"sectors.power.model.utilisation.max\" or \"sectors.power.share_percent[year=2060].value\".");
                }
                else if (parameters.Any(p => p.Parameter.Target == target))
                {
                    ctx.Log.Add(item.Get("target"), $"two uncertain parameters change '{target}'.", "keep one parameter per scenario value.");
                }
            }

            ParameterDistribution? distribution = ReadDistribution(item, ctx);
            if (name is not null && target is not null && node is not null && distribution is not null)
            {
                if (distribution is not ChoiceDistribution && item.ToNumber(node, target) is null)
                {
                    continue;
                }

                parameters.Add((new UncertainParameter(name, target, distribution, node.Value ?? string.Empty, provenance), node, item));
            }
        }

        if (ctx.Log.Count == 0)
        {
            Probe(parameters, ctx, reparse);
        }

        return [.. parameters.Select(p => p.Parameter)];
    }

    /// <summary>Substitutes each probe value in turn and re-reads the scenario: any problem means members could be invalid.</summary>
    private static void Probe(List<(UncertainParameter Parameter, YamlScalarNode Node, YamlSection Item)> parameters, ScenarioParseContext ctx, Func<ProblemLog, IReadOnlyList<ScenarioProblem>> reparse)
    {
        foreach (var (parameter, node, item) in parameters)
        {
            string original = node.Value ?? string.Empty;
            try
            {
                foreach (string probe in parameter.Distribution.Probes)
                {
                    node.Value = probe;
                    var problems = reparse(new ProblemLog(ctx.Log.File));
                    if (problems.Count > 0)
                    {
                        ScenarioProblem first = problems[0];
                        ctx.Log.Add(item.Get("distribution") ?? item.Node,
                            $"'{parameter.Name}' ({parameter.Distribution.Describe()}) reaches {probe} for '{parameter.Target}', outside what the scenario allows: {first.Message}",
                            $"keep the distribution inside the values '{parameter.Target}' accepts ({first.Fix})");
                        break;
                    }
                }
            }
            finally
            {
                node.Value = original;
            }
        }
    }

    private static ParameterDistribution? ReadDistribution(YamlSection item, ScenarioParseContext ctx)
    {
        string? kind = item.Text("distribution", true, "uniform");
        if (kind is null)
        {
            return null;
        }

        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            ctx.Log.Add(item.Get("distribution"), $"'{item.PathOf("distribution")}' is '{kind}', which is not a distribution.", Spelling.Fix(kind, Kinds, "distribution"));
            return null;
        }

        string[] needed = kind switch
        {
            "uniform" => ["min", "max"],
            "triangular" => ["min", "mode", "max"],
            "normal" => ["mean", "sd", "min", "max"],
            _ => ["values"],
        };
        foreach (string key in Keys.Skip(3).Take(7).Where(k => item.Has(k) && !needed.Contains(k) && !(kind == "choice" && k == "weights")))
        {
            ctx.Log.Add(item.Get(key), $"'{item.PathOf(key)}' does not belong to a {kind} distribution (it takes {string.Join(", ", needed)}{(kind == "choice" ? ", weights" : string.Empty)}).", $"remove '{key}' or change 'distribution'.");
        }

        if (kind == "choice")
        {
            return ReadChoice(item, ctx);
        }

        double? min = item.Number("min", true), max = item.Number("max", true);
        if (min is null || max is null)
        {
            return null;
        }

        if (!(min < max))
        {
            ctx.Log.Add(item.Get("max"), $"'{item.PathOf("max")}' ({max}) must be above 'min' ({min}).", "give a range with min < max (a fixed value needs no uncertainty entry).");
            return null;
        }

        switch (kind)
        {
            case "uniform":
                return new UniformDistribution(min.Value, max.Value);
            case "triangular":
                double? mode = item.Number("mode", true);
                if (mode is null)
                {
                    return null;
                }

                if (mode < min || mode > max)
                {
                    ctx.Log.Add(item.Get("mode"), $"'{item.PathOf("mode")}' ({mode}) is outside [min, max] = [{min}, {max}].", "put the mode between min and max.");
                    return null;
                }

                return new TriangularDistribution(min.Value, mode.Value, max.Value);
            default:
                double? mean = item.Number("mean", true), sd = item.Number("sd", true);
                if (mean is null || sd is null)
                {
                    return null;
                }

                if (!(sd > 0))
                {
                    ctx.Log.Add(item.Get("sd"), $"'{item.PathOf("sd")}' ({sd}) must be above zero.", "give the standard deviation as a positive number.");
                    return null;
                }

                if (mean < min || mean > max)
                {
                    ctx.Log.Add(item.Get("mean"), $"'{item.PathOf("mean")}' ({mean}) is outside the bounds [min, max] = [{min}, {max}].", "put the mean inside the bounds the normal is truncated to.");
                    return null;
                }

                return new TruncatedNormalDistribution(mean.Value, sd.Value, min.Value, max.Value);
        }
    }

    private static ChoiceDistribution? ReadChoice(YamlSection item, ScenarioParseContext ctx)
    {
        var values = item.Strings("values", true, "[oldest, least_efficient]").Select(v => v.Text).ToList();
        if (values.Count < 2)
        {
            if (item.Has("values"))
            {
                ctx.Log.Add(item.Get("values"), $"'{item.PathOf("values")}' needs at least two choices.", "list two or more values, e.g. [oldest, least_efficient].");
            }

            return null;
        }

        if (!item.Has("weights"))
        {
            return new ChoiceDistribution(values, [.. values.Select(_ => 1.0)]);
        }

        var seq = item.Sequence("weights", false, "[0.5, 0.5]");
        var weights = seq?.Children.Select((n, i) => item.ToNumber(n, $"{item.PathOf("weights")}[{i}]")).ToList() ?? [];
        if (weights.Any(w => w is null))
        {
            return null;
        }

        if (weights.Count != values.Count || weights.Any(w => w < 0) || weights.Sum() <= 0)
        {
            ctx.Log.Add(item.Get("weights"), $"'{item.PathOf("weights")}' must give one non-negative weight per value ({values.Count}), not all zero.", $"write {values.Count} weights, e.g. [{string.Join(", ", values.Select(_ => "1"))}].");
            return null;
        }

        return new ChoiceDistribution(values, [.. weights.Select(w => w!.Value)]);
    }
}
