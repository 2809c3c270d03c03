using GridEmissions.Core.Sectors;

namespace GridEmissions.Core.Scenarios;

/// <summary>Reads a sector's <c>model</c> block into a <see cref="ModelSpec"/>, filling omitted parameters with recorded tool defaults.</summary>
internal static class ModelParser
{
    public static ModelSpec ReadModel(YamlSection sector, Sector s, ScenarioParseContext ctx)
    {
        string kind = KindName(s.Kind);
        var model = sector.Section("model", false);
        if (model is null)
        {
            if (!sector.Has("model"))
            {
                ctx.Default(sector.PathOf("model"), kind);
                return DefaultModel(sector, s, ctx);
            }

            return Placeholder(s);
        }

        string[] allowed = kind == "area" ? ["area"] : [kind, "area"];
        string? type = model.Text("type", true, kind);
        if (type is not null && !ScenarioKeys.ModelTypes.Contains(type))
        {
            ctx.Log.Add(model.Get("type"), $"'{model.PathOf("type")}' is '{type}', which is not a model type.", Spelling.Fix(type, allowed, "model type"));
            type = null;
        }
        else if (type is not null && !allowed.Contains(type))
        {
            ctx.Log.Add(model.Get("type"), $"sector '{s.Id}' cannot use a {type} model.",
                $"use {string.Join(" or ", allowed.Select(a => $"'type: {a}'"))}.");
            type = null;
        }

        if (type is null)
        {
            model.CheckKeys(ScenarioKeys.AnyModel);
            model.ReadProvenance();
            return Placeholder(s);
        }

        var provenance = model.ReadProvenance();
        return type switch
        {
            "point" => PointModelParser.Read(model, s, provenance, ctx),
            "line" => ReadLine(model, provenance, ctx),
            _ => ReadArea(model, s, provenance, ctx),
        };
    }

    public static string KindName(SourceKind kind) => kind switch
    {
        SourceKind.Point => "point",
        SourceKind.Line => "line",
        _ => "area",
    };

    private static LineModelSpec ReadLine(YamlSection model, Provenance provenance, ScenarioParseContext ctx)
    {
        model.CheckKeys(ScenarioKeys.LineModel);
        RequireInputs(model, ctx, "line", "corridors", "population_grid");
        var weights = ReadWeights(model, "class_weights", ctx, new Dictionary<string, double> { ["trunk"] = 1.0, ["regional"] = 0.5 }, key => key);
        double urbanShare = Number(model, "urban_share", 0.4, v => v is >= 0 and <= 1, "must be from 0 to 1", ctx);

        List<RatePeriod> growth;
        if (model.Has("traffic_growth"))
        {
            (int, int)? cover = ctx.HasYears ? (ctx.StartYear!.Value + 1, ctx.EndYear!.Value) : null;
            growth = SeriesReader.ReadRates(model, "traffic_growth", false, ctx, cover, "traffic growth applies to every year after the base year");
        }
        else
        {
            ctx.Default(model.PathOf("traffic_growth"), "0 %/yr");
            growth = [];
        }

        var electrification = new Dictionary<string, IReadOnlyList<YearValue>>(StringComparer.Ordinal);
        var section = model.Section("electrification_percent", false);
        if (section is null && !model.Has("electrification_percent"))
        {
            ctx.Default(model.PathOf("electrification_percent"), "none");
        }
        else if (section is not null)
        {
            string[] classes = [.. weights.Keys, ScenarioKeys.UrbanTraffic];
            section.CheckKeys(classes);
            foreach (string key in section.Keys.Where(classes.Contains))
            {
                electrification[key] = SeriesReader.ReadYearValues(section, key, true, ctx, SeriesRules.Percent(firstAtStart: false, afterStart: false));
            }
        }

        var hubs = new Dictionary<string, HubShare>(StringComparer.Ordinal);
        var hubSection = model.Section("hubs", false, "{aviation: {share: 0.08, basis: assumption, note: \"…\"}, shipping: {…}}");
        if (hubSection is not null)
        {
            hubSection.CheckKeys([.. ScenarioKeys.HubModes.Keys]);
            foreach (var (mode, input) in ScenarioKeys.HubModes)
            {
                var hub = hubSection.Section(mode, false, "{share: 0.08, basis: assumption, note: \"…\"}");
                if (hub is null)
                {
                    continue;
                }

                hub.CheckKeys(ScenarioKeys.Hub);
                double share = Number(hub, "share", 0, v => v is >= 0 and <= 1, "must be from 0 to 1", ctx);
                if (share > 0)
                {
                    RequireInputs(model, ctx, "line model with " + mode + " hubs", input);
                }

                hubs[mode] = new HubShare(share, hub.ReadProvenance());
            }

            double sum = urbanShare + hubs.Values.Sum(h => h.Share);
            if (sum > 1 + 1e-12)
            {
                ctx.Log.Add(hubSection.Node, $"'{model.PathOf("urban_share")}' plus the hub shares is {SeriesReader.Format(sum)}, more than the whole sector.", "make urban_share + the hub shares at most 1 (the corridors carry the rest).");
            }
        }

        return new LineModelSpec(provenance, weights, urbanShare, growth, electrification)
        {
            Hubs = hubs,
            Networks = LineNetworkParser.ReadNetworks(model, weights, urbanShare, hubs.Values.Sum(h => h.Share), ctx),
            RoadProxy = LineNetworkParser.ReadRoadProxy(model, weights, ctx),
            StationLinks = LineNetworkParser.ReadStationLinks(model, weights, ctx),
        };
    }

    private static AreaModelSpec ReadArea(YamlSection model, Sector s, Provenance provenance, ScenarioParseContext ctx)
    {
        model.CheckKeys(ScenarioKeys.AreaModel);
        RequireInputs(model, ctx, "area", "population_grid", "built_up_grid", "cropland_grid");
        var defaultProxy = DefaultProxy(s);
        string[] proxies = [ProxyName(defaultProxy), .. ScenarioKeys.Proxies.Where(p => p != ProxyName(defaultProxy))];
        var proxy = PathwayParser.ReadChoice(model, "proxy", proxies, ctx) switch
        {
            "population" => AreaProxy.Population,
            "rural" => AreaProxy.Rural,
            _ => AreaProxy.Industry,
        };
        var (urban, rural, land) = DefaultWeights(proxy);
        const string rule = "must be zero or more";
        urban = Number(model, "urban_weight", urban, v => v >= 0, rule, ctx);
        rural = Number(model, "rural_weight", rural, v => v >= 0, rule, ctx);
        land = Number(model, "land_weight", land, v => v >= 0, rule, ctx);
        // Absent means none of the sector is placed by land alone: not a tool default to report.
        double landShare = model.Has("land_share") ? Number(model, "land_share", 0.0, v => v is >= 0 and <= 1, "must lie between 0 and 1", ctx) : 0.0;
        if (urban == 0 && rural == 0 && land == 0 && landShare < 1)
        {
            ctx.Log.Add(model.Node, $"{model.Where} has every weight at zero, so the sector could not be placed anywhere.", "give at least one of urban_weight, rural_weight, land_weight a positive value.");
        }

        var multipliers = ReadWeights(model, "city_multipliers", ctx, new Dictionary<string, double>(), adcode => adcode);
        var section = model.Section("city_multipliers", false);
        if (section is not null)
        {
            foreach (var (name, key, _) in section.Entries.Where(e => !IsAdcode(e.Name)))
            {
                ctx.Log.Add(key, $"'{section.PathOf(name)}': '{name}' is not a city adcode.", "use the city's six-digit adcode from the boundaries file, in quotes, e.g. \"410100\".");
            }
        }

        return new AreaModelSpec(provenance, proxy, urban, rural, land, multipliers) { LandShare = landShare };
    }

    /// <summary>A number with a default (recorded when the key is absent) and a validity rule.</summary>
    public static double Number(YamlSection section, string key, double fallback, Func<double, bool> valid, string rule, ScenarioParseContext ctx)
    {
        if (!section.Has(key))
        {
            return ctx.Default(section.PathOf(key), fallback);
        }

        double? v = section.Number(key, false);
        if (v is double x && !valid(x))
        {
            ctx.Log.Add(section.Get(key), $"'{section.PathOf(key)}' is {SeriesReader.Format(x)}, but {rule}.", $"write a value that {rule.Replace("must be", "is", StringComparison.Ordinal)}.");
        }

        return v ?? fallback;
    }

    /// <summary>Reports when a model needs inputs the scenario does not declare.</summary>
    public static void RequireInputs(YamlSection model, ScenarioParseContext ctx, string type, params string[] inputs)
    {
        foreach (string input in inputs.Where(i => !ctx.DeclaredInputs.Contains(i)))
        {
            ctx.Log.Add(model.Get("type") ?? model.Node, $"'{model.Path}' is a {type} model, which needs the input '{input}', but 'inputs' has no '{input}'.",
                $"add '{input}: <path>' under 'inputs'.");
        }
    }

    public static bool IsAdcode(string s) => s.Length == 6 && s.All(char.IsAsciiDigit);

    private static Dictionary<string, double> ReadWeights(
        YamlSection model, string key, ScenarioParseContext ctx, Dictionary<string, double> fallback, Func<string, string> name)
    {
        var section = model.Section(key, false);
        if (section is null)
        {
            if (!model.Has(key) && fallback.Count > 0)
            {
                ctx.Default(model.PathOf(key), string.Join(", ", fallback.Select(kv => $"{kv.Key}: {SeriesReader.Format(kv.Value)}")));
            }

            return fallback;
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (entry, _, value) in section.Entries)
        {
            double? v = section.ToNumber(value, section.PathOf(entry));
            if (v is double x && x < 0)
            {
                ctx.Log.Add(value, $"'{section.PathOf(entry)}' is {SeriesReader.Format(x)}, but a weight must be zero or more.", "write a weight of zero or more.");
            }
            else if (v is double ok)
            {
                weights[name(entry)] = ok;
            }
        }

        return weights;
    }

    private static AreaProxy DefaultProxy(Sector s) => s.Id switch
    {
        "buildings" => AreaProxy.Population,
        "agriculture" => AreaProxy.Rural,
        _ => AreaProxy.Industry,
    };

    private static string ProxyName(AreaProxy p) => p switch
    {
        AreaProxy.Population => "population",
        AreaProxy.Rural => "rural",
        _ => "industry",
    };

    private static (double Urban, double Rural, double Land) DefaultWeights(AreaProxy p) => p switch
    {
        AreaProxy.Population => (1.0, 0.6, 0.0),
        AreaProxy.Rural => (0.0, 1.0, 300.0),
        _ => (1.0, 0.2, 1000.0),
    };

    private static ModelSpec DefaultModel(YamlSection sector, Sector s, ScenarioParseContext ctx)
    {
        var d = Provenance.ToolDefault;
        string path = sector.PathOf("model");
        switch (s.Kind)
        {
            case SourceKind.Point:
                var inputs = PointModelParser.DefaultFacilityInputs(s);
                if (inputs.Count == 0)
                {
                    ctx.Log.Add(sector.Node, $"sector '{s.Id}' has no 'model' and the tool has no default facility list for it.", $"add a 'model:' block to sector '{s.Id}'.");
                }

                foreach (string input in inputs.Where(i => !ctx.DeclaredInputs.Contains(i)))
                {
                    ctx.Log.Add(sector.Node, $"sector '{s.Id}' has no 'model', and its default point model needs the input '{input}', which 'inputs' does not list.",
                        $"add '{input}: <path>' under 'inputs', or add a 'model:' block.");
                }

                return new PointModelSpec(d, inputs, 40, 0, 1, 1, 1, MeritOrder.Oldest, [], [], null, []);
            case SourceKind.Line:
                ctx.Default(path + ".class_weights", "trunk: 1, regional: 0.5");
                return new LineModelSpec(d, new Dictionary<string, double> { ["trunk"] = 1.0, ["regional"] = 0.5 }, 0.4, [], new Dictionary<string, IReadOnlyList<YearValue>>());
            default:
                var proxy = DefaultProxy(s);
                var (u, r, l) = DefaultWeights(proxy);
                return new AreaModelSpec(d, proxy, u, r, l, new Dictionary<string, double>());
        }
    }

    private static ModelSpec Placeholder(Sector s) =>
        new AreaModelSpec(Provenance.ToolDefault, DefaultProxy(s), 1, 1, 1, new Dictionary<string, double>());
}
