namespace GridEmissions.Core.Scenarios;

/// <summary>Reads a line model's <c>networks</c>, <c>road_proxy</c> and <c>station_links</c> blocks.</summary>
internal static class LineNetworkParser
{
    private const string NetworkExample = "{rail: {share: 0.02, classes: [trunk, regional], basis: assumption, note: \"…\"}, road: {share: 0.40, classes: [road], …}}";

    /// <summary>The networks, each with its share and classes; checks that every class has a weight and one network, and that all shares sum to 1.</summary>
    public static Dictionary<string, NetworkShare> ReadNetworks(YamlSection model, IReadOnlyDictionary<string, double> weights, double urbanShare, double hubShares, ScenarioParseContext ctx)
    {
        var networks = new Dictionary<string, NetworkShare>(StringComparer.Ordinal);
        var section = model.Section("networks", false, NetworkExample);
        if (section is null)
        {
            return networks;
        }

        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, key, value) in section.Entries)
        {
            var net = section.ToSection(value, section.PathOf(name));
            if (net is null)
            {
                continue;
            }

            net.CheckKeys(ScenarioKeys.Network);
            double share = ModelParser.Number(net, "share", 0, v => v is >= 0 and <= 1, "must be from 0 to 1", ctx);
            var classes = new List<string>();
            foreach (var (cls, node) in net.Strings("classes", true, "[trunk, regional]"))
            {
                if (!weights.ContainsKey(cls))
                {
                    ctx.Log.Add(node, $"'{net.PathOf("classes")}' names class '{cls}', which '{model.PathOf("class_weights")}' does not give.",
                        $"add '{cls}: <weight>' to class_weights, or {Spelling.Fix(cls, [.. weights.Keys], "class")}");
                }
                else if (owner.TryGetValue(cls, out string? other))
                {
                    ctx.Log.Add(node, $"class '{cls}' is in both networks '{other}' and '{name}'.", "put each corridor class in one network only.");
                }
                else
                {
                    owner[cls] = name;
                    classes.Add(cls);
                }
            }

            networks[name] = new NetworkShare(share, classes, net.ReadProvenance());
        }

        foreach (string cls in weights.Keys.Where(c => !owner.ContainsKey(c)))
        {
            ctx.Log.Add(section.Node, $"class '{cls}' of '{model.PathOf("class_weights")}' is in none of '{section.Path}'.", $"add '{cls}' to the classes of one network, or remove it from class_weights.");
        }

        double sum = urbanShare + hubShares + networks.Values.Sum(n => n.Share);
        if (Math.Abs(sum - 1) > 1e-9)
        {
            ctx.Log.Add(section.Node, $"'{model.PathOf("urban_share")}' + the hub shares + the '{section.Path}' shares is {SeriesReader.Format(sum)}, not the whole sector (1).",
                "make urban_share, the hub shares and the network shares sum to 1: each is a share of the base-year transport sector.");
        }

        return networks;
    }

    /// <summary>The road proxy, or null when the model has none.</summary>
    public static RoadProxySpec? ReadRoadProxy(YamlSection model, IReadOnlyDictionary<string, double> weights, ScenarioParseContext ctx)
    {
        var section = model.Section("road_proxy", false, "{class: road, gravity_exponent: 2, basis: assumption, note: \"…\"}");
        if (section is null)
        {
            return null;
        }

        section.CheckKeys(ScenarioKeys.RoadProxy);
        ModelParser.RequireInputs(model, ctx, "line model with a road proxy", "population_grid");
        string cls = Class(section, weights, model, ctx);
        double gamma = ModelParser.Number(section, "gravity_exponent", 2, v => v is >= 0 and <= 4, "must be from 0 to 4 (the literature's range for intercity traffic is 1 to 2)", ctx);
        return new RoadProxySpec(cls, gamma, section.ReadProvenance());
    }

    /// <summary>The station links, or null when the model has none.</summary>
    public static StationLinkSpec? ReadStationLinks(YamlSection model, IReadOnlyDictionary<string, double> weights, ScenarioParseContext ctx)
    {
        var section = model.Section("station_links", false, "{class: modern, min_distance_km: 5, basis: assumption, note: \"…\"}");
        if (section is null)
        {
            return null;
        }

        section.CheckKeys(ScenarioKeys.StationLinks);
        ModelParser.RequireInputs(model, ctx, "line model with station links", "stations", "corridors");
        string cls = Class(section, weights, model, ctx);
        double d = ModelParser.Number(section, "min_distance_km", 5, v => v > 0, "must be more than 0", ctx);
        return new StationLinkSpec(cls, d, section.ReadProvenance());
    }

    private static string Class(YamlSection section, IReadOnlyDictionary<string, double> weights, YamlSection model, ScenarioParseContext ctx)
    {
        string cls = section.Text("class", true, "road") ?? string.Empty;
        if (cls.Length > 0 && !weights.ContainsKey(cls))
        {
            ctx.Log.Add(section.Get("class"), $"'{section.PathOf("class")}' is '{cls}', which '{model.PathOf("class_weights")}' does not give.",
                $"add '{cls}: <weight>' to class_weights, or {Spelling.Fix(cls, [.. weights.Keys], "class")}");
        }

        return cls;
    }
}
