using GridEmissions.Core.Sectors;

namespace GridEmissions.Core.Scenarios;

/// <summary>Reads a point-source model: facilities, lifecycle, utilisation, retirement rules, CCUS, relocation and expansion sites.</summary>
internal static class PointModelParser
{
    public static IReadOnlyList<string> DefaultFacilityInputs(Sector s) => s.Id switch
    {
        "power" => ["coal_units", "gas_units"],
        "steel" => ["steel_plants"],
        _ => [],
    };

    public static PointModelSpec Read(YamlSection model, Sector s, Provenance provenance, ScenarioParseContext ctx)
    {
        model.CheckKeys(ScenarioKeys.PointModel);
        var facilities = ReadFacilities(model, s, ctx);
        double lifetime = ModelParser.Number(model, "lifetime_years", 40, v => v > 0, "must be above zero", ctx);
        var (min, max) = ReadUtilisation(model, ctx);
        var (delay, probability) = ReadEntry(model, ctx);
        var merit = PathwayParser.ReadChoice(model, "merit_order", ScenarioKeys.MeritOrders, ctx) switch
        {
            "smallest" => MeritOrder.Smallest,
            "least_efficient" => MeritOrder.LeastEfficient,
            _ => MeritOrder.Oldest,
        };

        var retirements = new List<ForcedRetirementRule>();
        foreach (var item in model.Items("forced_retirements", false))
        {
            item.CheckKeys(ScenarioKeys.ForcedRetirement);
            int? year = Year(item, "year", ctx);
            int? toYear = item.Has("to_year") ? Year(item, "to_year", ctx) : null;
            if (year is int from && toYear is int to && to < from)
            {
                ctx.Log.Add(item.Get("to_year"), $"'{item.PathOf("to_year")}' is {to}, before 'year' {from}.", "give a 'to_year' at or after 'year', or remove it to retire every unit in 'year'.");
            }

            double? capacity = NonNegative(item, "max_capacity_mw", ctx);
            double minAge = ModelParser.Number(item, "min_age_years", 0, v => v >= 0, "must be zero or more", ctx);
            double? nearChp = item.Has("near_chp_km") ? Positive(item, "near_chp_km", ctx) : null;
            double chpMin = item.Has("chp_min_mw") ? NonNegative(item, "chp_min_mw", ctx) ?? 0 : 0;
            if (item.Has("chp_min_mw") && !item.Has("near_chp_km"))
            {
                ctx.Log.Add(item.Get("chp_min_mw"), $"'{item.PathOf("chp_min_mw")}' is given without 'near_chp_km'.", "add 'near_chp_km: <heating radius in km>' or remove 'chp_min_mw'.");
            }

            var p = item.ReadProvenance();
            if (year is int y && capacity is double c)
            {
                retirements.Add(new ForcedRetirementRule(y, c, minAge, p) { NearChpKm = nearChp, ChpMinMw = chpMin, ToYear = toYear is int t && t > y ? t : null });
            }
        }

        var ccus = new List<CcusRule>();
        foreach (var item in model.Items("ccus", false))
        {
            item.CheckKeys(ScenarioKeys.Ccus);
            int? year = Year(item, "from_year", ctx);
            double? capture = Fraction(item, "capture_rate", "a capture rate", ctx);
            double? share = Fraction(item, "share_of_capacity", "a share of capacity", ctx);
            double minCapacity = ModelParser.Number(item, "min_capacity_mw", 0, v => v >= 0, "must be zero or more", ctx);
            int? to = item.Has("to_year") ? LaterYear(item, "to_year", year, "from_year", ctx) : null;
            var p = item.ReadProvenance();
            if (year is int y && capture is double cr && share is double sh)
            {
                ccus.Add(new CcusRule(y, cr, sh, minCapacity, p) { ToYear = to });
            }
        }

        RelocationRule? relocation = null;
        var move = model.Section("relocation", false);
        if (move is not null)
        {
            move.CheckKeys(ScenarioKeys.Relocation);
            int? year = Year(move, "year", ctx);
            double? within = Positive(move, "within_km", ctx);
            double? distance = Positive(move, "move_km", ctx);
            int? to = move.Has("to_year") ? LaterYear(move, "to_year", year, "year", ctx) : null;
            bool replace = move.Has("replace") && Flag(move, "replace", ctx);
            var p = move.ReadProvenance();
            if (year is int y && within is double w && distance is double d)
            {
                relocation = new RelocationRule(y, w, d, p) { ToYear = to, Replace = replace };
            }
        }

        var sites = new List<ExpansionSite>();
        foreach (var item in model.Items("expansion_sites", false))
        {
            item.CheckKeys(ScenarioKeys.ExpansionSite);
            string? name = item.Text("name", true, "\"Zhoukou\"");
            double? lon = Bounded(item, "lon", -180, 180, "a longitude", ctx);
            double? lat = Bounded(item, "lat", -90, 90, "a latitude", ctx);
            if (item.Has("basis") || item.Has("note"))
            {
                item.ReadProvenance();
            }

            if (name is not null && lon is double x && lat is double y)
            {
                sites.Add(new ExpansionSite(name, x, y));
            }
        }

        return new PointModelSpec(provenance, facilities, lifetime, min, max, delay, probability, merit, retirements, ccus, relocation, sites)
        {
            Pipeline = PointFleetParser.ReadPipeline(model, ctx),
            ChpMustRun = PointFleetParser.ReadChpMustRun(model, ctx),
            RouteConversions = PointFleetParser.ReadRouteConversions(model, ctx),
            ExpansionRoute = PointFleetParser.ReadNewCapacity(model, ctx, out int? noNewBf),
            NoNewBlastFurnaceAfter = noNewBf,
            Overrides = PointFleetParser.ReadOverrides(model, ctx),
        };
    }

    internal static int? LaterYear(YamlSection item, string key, int? from, string fromKey, ScenarioParseContext ctx)
    {
        int? to = Year(item, key, ctx);
        if (to is int t && from is int f && t < f)
        {
            ctx.Log.Add(item.Get(key), $"'{item.PathOf(key)}' is {t}, before '{fromKey}' ({f}).", $"write a '{key}' of {f} or later.");
            return null;
        }

        return to;
    }

    private static bool Flag(YamlSection item, string key, ScenarioParseContext ctx)
    {
        string? text = item.Text(key, false);
        if (text is "true" or "false")
        {
            return text == "true";
        }

        ctx.Log.Add(item.Get(key), $"'{item.PathOf(key)}' is '{text}', but must be true or false.", "write 'true' or 'false'.");
        return false;
    }

    private static List<string> ReadFacilities(YamlSection model, Sector s, ScenarioParseContext ctx)
    {
        if (!model.Has("facilities"))
        {
            var defaults = DefaultFacilityInputs(s);
            if (defaults.Count == 0)
            {
                model.Missing("facilities", "[facilities]");
                return [];
            }

            ctx.Default(model.PathOf("facilities"), string.Join(", ", defaults));
            foreach (string input in defaults.Where(i => !ctx.DeclaredInputs.Contains(i)))
            {
                ctx.Log.Add(model.Node, $"'{model.Path}' uses the default facility input '{input}', which 'inputs' does not list.",
                    $"add '{input}: <path>' under 'inputs', or list the facility inputs in 'facilities'.");
            }

            return [.. defaults];
        }

        var list = new List<string>();
        var entries = model.Strings("facilities", false, "[coal_units]");
        if (entries.Count == 0 && model.Get("facilities") is YamlDotNet.RepresentationModel.YamlSequenceNode empty)
        {
            ctx.Log.Add(empty, $"'{model.PathOf("facilities")}' is empty.", "list at least one facility input, e.g. [coal_units, gas_units].");
        }

        foreach (var (name, node) in entries)
        {
            if (!ScenarioKeys.FacilityInputs.Contains(name))
            {
                ctx.Log.Add(node, $"'{model.PathOf("facilities")}' lists '{name}', which is not a facility input.", Spelling.Fix(name, ScenarioKeys.FacilityInputs, "facility input"));
            }
            else if (!ctx.DeclaredInputs.Contains(name))
            {
                ctx.Log.Add(node, $"'{model.PathOf("facilities")}' lists '{name}', but 'inputs' has no '{name}'.", $"add '{name}: <path>' under 'inputs', or remove it from 'facilities'.");
            }
            else
            {
                list.Add(name);
            }
        }

        return list;
    }

    private static (double Min, double Max) ReadUtilisation(YamlSection model, ScenarioParseContext ctx)
    {
        var u = model.Section("utilisation", false, "{min: 0.1, max: 0.9}");
        if (u is null)
        {
            if (!model.Has("utilisation"))
            {
                ctx.Default(model.PathOf("utilisation"), "min: 0, max: 1");
            }

            return (0, 1);
        }

        u.CheckKeys(ScenarioKeys.Utilisation);
        double? min = u.Number("min", true, "0.1");
        double? max = u.Number("max", true, "0.9");
        if (min is double lo && max is double hi && !(lo >= 0 && lo <= hi && hi <= 1))
        {
            string why = lo < 0 ? "min is below 0" : hi > 1 ? "max is above 1" : "min is greater than max";
            ctx.Log.Add(u.Get("min"), $"'{u.Path}' has min {SeriesReader.Format(lo)} and max {SeriesReader.Format(hi)}: {why} (bounds must satisfy 0 ≤ min ≤ max ≤ 1).",
                "write utilisation as fractions of capacity with 0 ≤ min ≤ max ≤ 1, e.g. {min: 0.1, max: 0.9}.");
        }

        return (min ?? 0, max ?? 1);
    }

    private static (int Delay, double Probability) ReadEntry(YamlSection model, ScenarioParseContext ctx)
    {
        var e = model.Section("entry", false, "{delay_years: 1, probability: 1.0}");
        if (e is null)
        {
            return (1, 1.0); // without `entry`, the pipeline rules by status apply (see PointFleetParser.ReadPipeline)
        }

        e.CheckKeys(ScenarioKeys.Entry);
        int delay = e.Has("delay_years") ? e.Integer("delay_years", false) ?? 1 : ctx.Default(e.PathOf("delay_years"), 1);
        if (delay < 0)
        {
            ctx.Log.Add(e.Get("delay_years"), $"'{e.PathOf("delay_years")}' is {delay}, but a delay cannot be negative.", "write a delay of zero or more years.");
        }

        double probability = e.Has("probability") ? Fraction(e, "probability", "a probability", ctx) ?? 1.0 : ctx.Default(e.PathOf("probability"), 1.0);
        return (delay, probability);
    }

    internal static int? Year(YamlSection item, string key, ScenarioParseContext ctx)
    {
        int? year = item.Integer(key, true, "2030");
        if (year is int y && ctx.HasYears && (y < ctx.StartYear || y > ctx.EndYear))
        {
            ctx.Log.Add(item.Get(key), $"'{item.PathOf(key)}' is {y}, outside the scenario years {ctx.YearsText}.", $"use a year from {ctx.YearsText}, or widen 'years'.");
        }

        return year;
    }

    internal static double? Fraction(YamlSection item, string key, string what, ScenarioParseContext ctx) =>
        Bounded(item, key, 0, 1, what, ctx);

    internal static double? Bounded(YamlSection item, string key, double lo, double hi, string what, ScenarioParseContext ctx)
    {
        double? v = item.Number(key, true);
        if (v is double x && (x < lo || x > hi))
        {
            ctx.Log.Add(item.Get(key), $"'{item.PathOf(key)}' is {SeriesReader.Format(x)}, but {what} must be from {SeriesReader.Format(lo)} to {SeriesReader.Format(hi)}.",
                $"write a value from {SeriesReader.Format(lo)} to {SeriesReader.Format(hi)}.");
            return null;
        }

        return v;
    }

    internal static double? NonNegative(YamlSection item, string key, ScenarioParseContext ctx)
    {
        double? v = item.Number(key, true);
        if (v is double x && x < 0)
        {
            ctx.Log.Add(item.Get(key), $"'{item.PathOf(key)}' is {SeriesReader.Format(x)}, but must be zero or more.", "write a value of zero or more.");
            return null;
        }

        return v;
    }

    internal static double? Positive(YamlSection item, string key, ScenarioParseContext ctx)
    {
        double? v = item.Number(key, true);
        if (v is double x && x <= 0)
        {
            ctx.Log.Add(item.Get(key), $"'{item.PathOf(key)}' is {SeriesReader.Format(x)}, but must be above zero.", "write a value above zero.");
            return null;
        }

        return v;
    }
}
