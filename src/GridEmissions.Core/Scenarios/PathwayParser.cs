namespace GridEmissions.Core.Scenarios;

/// <summary>Reads the <c>total</c> and <c>population</c> blocks of a scenario file.</summary>
internal static class PathwayParser
{
    public static TotalPathwaySpec ReadTotal(YamlSection top, ScenarioParseContext ctx)
    {
        var total = top.Section("total", true, "{method: anchors, interpolation: geometric, anchors: [...], rates: [...]}");
        if (total is null)
        {
            return new TotalPathwaySpec(PathwayMethod.Anchors, Interpolation.Geometric, [], [], [], []);
        }

        total.CheckKeys(ScenarioKeys.Total);
        var method = ReadChoice(total, "method", ScenarioKeys.Methods, ctx) switch
        {
            "intensity" => PathwayMethod.Intensity,
            _ => PathwayMethod.Anchors,
        };
        bool usesInterpolation = method == PathwayMethod.Anchors || total.Has("interpolation");
        var interpolation = (usesInterpolation ? ReadChoice(total, "interpolation", ScenarioKeys.Interpolations, ctx) : "geometric") switch
        {
            "linear" => Interpolation.Linear,
            _ => Interpolation.Geometric,
        };

        var anchors = SeriesReader.ReadYearValues(total, "anchors", true, ctx,
            SeriesRules.NonNegative("value_mt", "a regional total", firstAtStart: true));
        if (interpolation == Interpolation.Geometric && anchors.Count > 1)
        {
            foreach (var a in anchors.Where(a => a.Value <= 0))
            {
                ctx.Log.Add(total.Get("anchors"), $"the {a.Year} anchor of 'total.anchors' is zero, and geometric interpolation needs values above zero.",
                    "use a small positive value, or 'interpolation: linear'.");
            }
        }

        List<RatePeriod> rates = [], gdp = [], intensity = [];
        int? end = ctx.HasYears ? ctx.EndYear : null;
        if (method == PathwayMethod.Anchors)
        {
            (int, int)? cover = end is int e && anchors.Count > 0 ? (anchors[^1].Year + 1, e) : null;
            string why = anchors.Count > 0 ? $"rates apply from the year after the last anchor ({anchors[^1].Year}) to the end year" : string.Empty;
            rates = SeriesReader.ReadRates(total, "rates", false, ctx, cover, why);
            foreach (string key in (string[])["gdp_growth", "intensity_reduction"])
            {
                if (total.Has(key))
                {
                    ctx.Log.Add(total.Get(key), $"'{total.PathOf(key)}' is only used with 'method: intensity'.", $"remove '{key}', or set 'method: intensity'.");
                }
            }
        }
        else
        {
            foreach (var extra in anchors.Skip(1))
            {
                ctx.Log.Add(total.Get("anchors"), $"'total.anchors' has an anchor for {extra.Year}, but the intensity method takes only the base-year anchor.",
                    "remove the later anchors: the pathway follows 'gdp_growth' and 'intensity_reduction'.");
            }

            if (total.Has("rates"))
            {
                ctx.Log.Add(total.Get("rates"), "'total.rates' is only used with 'method: anchors'.", "remove 'rates', or set 'method: anchors'.");
            }

            (int, int)? cover = ctx.HasYears ? (ctx.StartYear!.Value + 1, ctx.EndYear!.Value) : null;
            const string why = "the intensity method needs a rate for every year after the base year";
            gdp = SeriesReader.ReadRates(total, "gdp_growth", true, ctx, cover, why);
            intensity = SeriesReader.ReadRates(total, "intensity_reduction", true, ctx, cover, why, maxPercent: 100);
        }

        return new TotalPathwaySpec(method, interpolation, anchors, rates, gdp, intensity);
    }

    public static PopulationSpec ReadPopulation(YamlSection top, ScenarioParseContext ctx)
    {
        var pop = top.Section("population", true, "{million: [...], urbanisation_percent: [...], basis: …, note: …}");
        if (pop is null)
        {
            return new PopulationSpec([], [], 1.0, Provenance.ToolDefault);
        }

        pop.CheckKeys(ScenarioKeys.Population);
        var million = SeriesReader.ReadYearValues(pop, "million", true, ctx, SeriesRules.Positive("a population", firstAtStart: true));
        var urban = SeriesReader.ReadYearValues(pop, "urbanisation_percent", true, ctx, SeriesRules.Percent(firstAtStart: true, afterStart: false));
        double elasticity = pop.Number("urban_density_elasticity", false)
            ?? (pop.Has("urban_density_elasticity") ? 1.0 : ctx.Default("population.urban_density_elasticity", 1.0));
        if (elasticity <= 0)
        {
            ctx.Log.Add(pop.Get("urban_density_elasticity"), $"'population.urban_density_elasticity' is {SeriesReader.Format(elasticity)}, but must be above zero.",
                "write a positive elasticity (1 keeps urban density constant).");
        }

        return new PopulationSpec(million, urban, elasticity, pop.ReadProvenance());
    }

    /// <summary>Reads a choice among <paramref name="allowed"/> (the first is the default when the key is absent).</summary>
    public static string ReadChoice(YamlSection section, string key, IReadOnlyList<string> allowed, ScenarioParseContext ctx)
    {
        if (!section.Has(key))
        {
            return ctx.Default(section.PathOf(key), allowed[0]);
        }

        string? value = section.Text(key, false);
        if (value is null)
        {
            return allowed[0];
        }

        if (!allowed.Contains(value))
        {
            ctx.Log.Add(section.Get(key), $"'{section.PathOf(key)}' is '{value}', which is not one of {string.Join(", ", allowed)}.",
                Spelling.Fix(value, allowed.ToArray(), "value"));
            return allowed[0];
        }

        return value;
    }
}
