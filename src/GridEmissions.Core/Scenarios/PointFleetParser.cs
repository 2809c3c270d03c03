using GridEmissions.Core.Facilities;
using GridEmissions.Core.Models.Points;

namespace GridEmissions.Core.Scenarios;

/// <summary>Reads the fleet keys of a point model: the pipeline by status, CHP must-run, steel route conversions, the route of new capacity and the facility overrides.</summary>
internal static class PointFleetParser
{
    public static IReadOnlyDictionary<FacilityStatus, PipelineEntryRule> ReadPipeline(YamlSection model, ScenarioParseContext ctx)
    {
        var pipeline = model.Section("pipeline", false, "{construction: {probability: 0.9, delay_years: 1, basis: assumption, note: \"…\"}}");
        if (pipeline is null)
        {
            if (model.Has("entry"))
            {
                return new Dictionary<FacilityStatus, PipelineEntryRule>(); // one rule for every status: `entry:`
            }

            if (!model.Has("pipeline"))
            {
                ctx.Default(model.PathOf("pipeline"), "tool defaults by GEM status (construction 0.9/1 y, permitted 0.5/2 y, pre-permit 0.3/3 y, announced 0.15/3 y, shelved 0.05/5 y, mothballed 0, cancelled 0)");
            }

            return PipelineDefaults.All;
        }

        if (model.Has("entry"))
        {
            ctx.Log.Add(model.Get("entry"), $"'{model.Path}' has both 'entry' and 'pipeline'.", "keep 'pipeline' (an entry rule per GEM status) and remove 'entry'.");
        }

        var rules = new Dictionary<FacilityStatus, PipelineEntryRule>(PipelineDefaults.All);
        foreach (var (name, key, _) in pipeline.Entries)
        {
            if (!PipelineDefaults.Words.TryGetValue(name, out FacilityStatus status))
            {
                ctx.Log.Add(key, $"'{pipeline.Path}' names status '{name}', which is not a GEM project status.", Spelling.Fix(name, PipelineDefaults.Words.Keys.ToArray(), "status"));
                continue;
            }

            var item = pipeline.Section(name, true, "{probability: 0.5, delay_years: 2, basis: assumption, note: \"…\"}");
            if (item is null)
            {
                continue;
            }

            item.CheckKeys(ScenarioKeys.PipelineEntry);
            double? p = PointModelParser.Fraction(item, "probability", "a probability", ctx);
            int delay = item.Integer("delay_years", true, "1") ?? 0;
            if (delay < 0)
            {
                ctx.Log.Add(item.Get("delay_years"), $"'{item.PathOf("delay_years")}' is {delay}, but a delay cannot be negative.", "write a delay of zero or more years.");
            }

            var provenance = item.ReadProvenance();
            if (p is double probability && delay >= 0)
            {
                rules[status] = new PipelineEntryRule(probability, delay, provenance);
            }
        }

        return rules;
    }

    public static double ReadChpMustRun(YamlSection model, ScenarioParseContext ctx)
    {
        var item = model.Section("chp_must_run", false, "{min_utilisation: 0.4, basis: assumption, note: \"…\"}");
        if (item is null)
        {
            return 0;
        }

        item.CheckKeys(ScenarioKeys.ChpMustRun);
        double? v = PointModelParser.Fraction(item, "min_utilisation", "a utilisation", ctx);
        item.ReadProvenance();
        return v ?? 0;
    }

    public static IReadOnlyList<RouteConversionRule> ReadRouteConversions(YamlSection model, ScenarioParseContext ctx)
    {
        var list = new List<RouteConversionRule>();
        foreach (var item in model.Items("route_conversions", false))
        {
            item.CheckKeys(ScenarioKeys.RouteConversion);
            int? from = PointModelParser.Year(item, "from_year", ctx);
            int? to = PointModelParser.LaterYear(item, "to_year", from, "from_year", ctx);
            string? fromRoute = Route(item, "from", ctx);
            string? toRoute = Route(item, "to", ctx);
            double? share = PointModelParser.Fraction(item, "share", "a share of capacity", ctx);
            if (fromRoute is not null && fromRoute == toRoute)
            {
                ctx.Log.Add(item.Get("to"), $"'{item.Path}' converts {fromRoute} to itself.", $"name a different 'to' route: {string.Join(", ", SteelRoutes.All)}.");
            }

            var provenance = item.ReadProvenance();
            if (from is int f && to is int t && fromRoute is not null && toRoute is not null && share is double s && fromRoute != toRoute)
            {
                list.Add(new RouteConversionRule(f, t, fromRoute, toRoute, s, provenance));
            }
        }

        return list;
    }

    public static string? ReadNewCapacity(YamlSection model, ScenarioParseContext ctx, out int? noNewBlastFurnaceAfter)
    {
        noNewBlastFurnaceAfter = null;
        var item = model.Section("new_capacity", false, "{route: EAF, no_new_blast_furnace_after: 2025, basis: study, note: \"…\"}");
        if (item is null)
        {
            return null;
        }

        item.CheckKeys(ScenarioKeys.NewCapacity);
        string? route = Route(item, "route", ctx);
        if (item.Has("no_new_blast_furnace_after"))
        {
            noNewBlastFurnaceAfter = PointModelParser.Year(item, "no_new_blast_furnace_after", ctx);
        }

        item.ReadProvenance();
        return route;
    }

    public static IReadOnlyList<FacilityOverride> ReadOverrides(YamlSection model, ScenarioParseContext ctx)
    {
        var list = new List<FacilityOverride>();
        foreach (var item in model.Items("facility_overrides", false))
        {
            item.CheckKeys(ScenarioKeys.FacilityOverride);
            string? id = item.Text("id", true, "\"G100000109315\"");
            int? year = PointModelParser.Year(item, "from_year", ctx);
            string action = PathwayParser.ReadChoice(item, "action", ScenarioKeys.OverrideActions, ctx);
            double? rate = null, cap = null, lon = null, lat = null;
            string? route = null;
            bool ok = true;
            switch (action)
            {
                case "ccus":
                    rate = PointModelParser.Fraction(item, "capture_rate", "a capture rate", ctx);
                    ok = rate is not null;
                    break;
                case "convert":
                    route = Route(item, "route", ctx);
                    ok = route is not null;
                    break;
                case "cap_utilisation":
                    cap = PointModelParser.Fraction(item, "max_utilisation", "a utilisation", ctx);
                    ok = cap is not null;
                    break;
                case "relocate":
                    lon = PointModelParser.Bounded(item, "lon", -180, 180, "a longitude", ctx);
                    lat = PointModelParser.Bounded(item, "lat", -90, 90, "a latitude", ctx);
                    ok = lon is not null && lat is not null;
                    break;
            }

            foreach (string extra in new[] { "capture_rate", "route", "max_utilisation", "lon", "lat" }.Where(item.Has))
            {
                bool belongs = (extra, action) is ("capture_rate", "ccus") or ("route", "convert") or ("max_utilisation", "cap_utilisation") or ("lon" or "lat", "relocate");
                if (!belongs)
                {
                    ctx.Log.Add(item.Get(extra), $"'{item.PathOf(extra)}' does not apply to action '{action}'.", "remove it, or use the action it belongs to (ccus: capture_rate; convert: route; cap_utilisation: max_utilisation; relocate: lon, lat).");
                }
            }

            var provenance = item.ReadProvenance();
            if (id is not null && year is int y && ok)
            {
                OverrideAction a = action switch
                {
                    "ccus" => OverrideAction.Ccus,
                    "convert" => OverrideAction.Convert,
                    "cap_utilisation" => OverrideAction.CapUtilisation,
                    "relocate" => OverrideAction.Relocate,
                    _ => OverrideAction.Retire,
                };
                list.Add(new FacilityOverride(id, y, a, rate, route, cap, lon, lat, provenance, ProblemLog.LineOf(item.Node)));
            }
        }

        return list;
    }

    private static string? Route(YamlSection item, string key, ScenarioParseContext ctx)
    {
        string? route = item.Text(key, true, "EAF");
        if (route is not null && !SteelRoutes.IsKnown(route))
        {
            ctx.Log.Add(item.Get(key), $"'{item.PathOf(key)}' is '{route}', which is not a steel route.", Spelling.Fix(route, SteelRoutes.All.ToArray(), "route"));
            return null;
        }

        return route;
    }
}
