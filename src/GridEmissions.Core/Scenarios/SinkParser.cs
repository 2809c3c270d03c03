using GridEmissions.Core.Sinks;

namespace GridEmissions.Core.Scenarios;

/// <summary>Reads the optional <c>sinks:</c> section: the land sink, removals at sites and storage sites (docs/scenario-format.md).</summary>
internal static class SinkParser
{
    private static readonly SeriesRules SinkTarget = new(
        "value_mt", v => v <= 0, "positive, but a sink or removal takes CO2 up: its target is zero or negative (Mt CO2/yr)",
        "write the uptake as a negative number, e.g. -30 for 30 Mt absorbed per year.", FirstAtStart: false, AfterStart: false);

    public static SinkSpec? Read(YamlSection top, IReadOnlyList<string> provinces, ScenarioParseContext ctx)
    {
        var section = top.Section("sinks", false);
        if (section is null)
        {
            return null;
        }

        section.CheckKeys(ScenarioKeys.Sinks);
        LandSinkSpec? land = section.Section("land", false) is { } l ? ReadLand(l, ctx) : null;
        RemovalSpec? removals = section.Section("removals", false) is { } r ? ReadRemovals(r, ctx) : null;
        StorageSpec? storage = section.Section("storage", false) is { } s ? ReadStorage(s, provinces, ctx) : null;
        if (land is null && removals is null && storage is null)
        {
            ctx.Log.Add(section.Node, "'sinks' gives none of 'land', 'removals' or 'storage'.", "add at least one of them, or remove 'sinks'.");
        }

        return new SinkSpec(land, removals, storage);
    }

    private static LandSinkSpec ReadLand(YamlSection land, ScenarioParseContext ctx)
    {
        land.CheckKeys(ScenarioKeys.LandSink);
        var rates = new List<LandClassRate>();
        var table = land.Section("rates_t_per_km2", true, "{forest: {value: 367, basis: assumption, note: \"…\"}, cropland: {…}}");
        if (table is not null)
        {
            table.CheckKeys(LandSinkSpec.Classes);
            foreach (string c in LandSinkSpec.Classes.Where(table.Has))
            {
                var entry = table.Section(c, true);
                if (entry is null)
                {
                    continue;
                }

                entry.CheckKeys(ScenarioKeys.Baseline);
                double? v = entry.Number("value", true, "367");
                var provenance = entry.ReadProvenance();
                if (v is double x && x < 0)
                {
                    ctx.Log.Add(entry.Get("value"), $"'{entry.PathOf("value")}' is {SeriesReader.Format(x)}, but an uptake rate is t CO2 absorbed per km² per year and cannot be negative.",
                        "write the rate as a positive number (the sink's sign is applied by the tool).");
                }
                else if (v is double ok)
                {
                    rates.Add(new LandClassRate(c, ok, provenance));
                }
            }

            if (rates.Count > 0 && rates.All(r => r.TonnesPerKm2 == 0))
            {
                ctx.Log.Add(table.Node, "every rate in 'sinks.land.rates_t_per_km2' is zero: the land sink has no uptake to place.", "give at least one class a positive rate.");
            }
        }

        var target = land.Has("target_mt") ? SeriesReader.ReadYearValues(land, "target_mt", false, ctx, SinkTarget) : [];
        var afforestation = land.Has("afforestation_percent_per_year")
            ? SeriesReader.ReadRates(land, "afforestation_percent_per_year", false, ctx, null, string.Empty)
            : [];
        foreach (string key in new[] { "forest_grid", "cropland_grid" }.Concat(rates.Any(r => r.Class == "other_vegetation" && r.TonnesPerKm2 > 0) ? ["other_vegetation_grid"] : []))
        {
            if (!ctx.DeclaredInputs.Contains(key))
            {
                ctx.Log.Add(land.Node, $"the land sink needs the input '{key}', which 'inputs' does not give.", $"add '{key}: <raster of the class share, 0..1>' under 'inputs' (the shipped one is in proxies/).");
            }
        }

        return new LandSinkSpec(rates, target, afforestation);
    }

    private static RemovalSpec ReadRemovals(YamlSection removals, ScenarioParseContext ctx)
    {
        removals.CheckKeys(ScenarioKeys.Removals);
        string kind = removals.Text("kind", false) ?? "removals";
        var target = SeriesReader.ReadYearValues(removals, "target_mt", true, ctx, SinkTarget);
        var sites = new List<RemovalSite>();
        var items = removals.Items("sites", true, "[{name: \"…\", lon: 119.5, lat: 33.5, share: 1, basis: assumption, note: \"…\"}]");
        foreach (var item in items)
        {
            item.CheckKeys(ScenarioKeys.RemovalSite);
            string? name = item.Text("name", true);
            double? lon = PointModelParser.Bounded(item, "lon", -180, 180, "a longitude", ctx);
            double? lat = PointModelParser.Bounded(item, "lat", -90, 90, "a latitude", ctx);
            double? share = item.Number("share", true, "1");
            var provenance = item.ReadProvenance();
            if (share is double s && !(s > 0))
            {
                ctx.Log.Add(item.Get("share"), $"'{item.PathOf("share")}' is {SeriesReader.Format(s)}, but a site's share of the removals must be above zero.", "write a positive share (shares are normalised over the sites), or remove the site.");
                share = null;
            }

            if (name is not null && lon is double x && lat is double y && share is double w)
            {
                sites.Add(new RemovalSite(name, x, y, w, provenance, ProblemLog.LineOf(item.Node)));
            }
        }

        if (items.Count == 0 && removals.Has("sites") && target.Any(t => t.Value < 0))
        {
            ctx.Log.Add(removals.Node, "'sinks.removals' has removals but no valid site to place them at.", "list the sites under 'sinks.removals.sites'.");
        }

        return new RemovalSpec(kind, target, sites);
    }

    private static StorageSpec ReadStorage(YamlSection storage, IReadOnlyList<string> provinces, ScenarioParseContext ctx)
    {
        storage.CheckKeys(ScenarioKeys.Storage);
        double maxKm = ModelParser.Number(storage, "max_distance_km", 1000, v => v > 0, "must be above zero", ctx);
        var sites = new List<StorageSite>();
        foreach (var item in storage.Items("sites", true, "[{name: \"…\", province: Jiangsu, lon: 119.6, lat: 32.8, capacity_mt: 1000, from_year: 2025, basis: assumption, note: \"…\"}]"))
        {
            item.CheckKeys(ScenarioKeys.StorageSite);
            string? name = item.Text("name", true);
            string? province = item.Text("province", true, "Jiangsu");
            double? lon = PointModelParser.Bounded(item, "lon", -180, 180, "a longitude", ctx);
            double? lat = PointModelParser.Bounded(item, "lat", -90, 90, "a latitude", ctx);
            double? capacity = item.Number("capacity_mt", true, "1000");
            int from = item.Has("from_year") ? item.Integer("from_year", false) ?? 0 : ctx.StartYear ?? 0;
            var provenance = item.ReadProvenance();
            if (capacity is double c && c < 0)
            {
                ctx.Log.Add(item.Get("capacity_mt"), $"'{item.PathOf("capacity_mt")}' is {SeriesReader.Format(c)}, but a storage capacity (cumulative Mt CO2) cannot be negative.",
                    "write the site's capacity as zero or more Mt, or remove the site.");
                capacity = null;
            }

            if (province is not null && !provinces.Contains(province, StringComparer.Ordinal))
            {
                ctx.Log.Add(item.Get("province"), $"'{item.PathOf("province")}' is '{province}', which is not one of the scenario's provinces.",
                    Spelling.Fix(province, provinces, "province"));
            }

            if (name is not null && sites.Any(s => s.Name == name))
            {
                ctx.Log.Add(item.Get("name"), $"storage site '{name}' is listed twice.", "give each site a distinct name.");
            }

            if (name is not null && province is not null && lon is double x && lat is double y && capacity is double cap)
            {
                sites.Add(new StorageSite(name, province, x, y, cap, from, provenance, ProblemLog.LineOf(item.Node)));
            }
        }

        return new StorageSpec(sites, maxKm);
    }
}
