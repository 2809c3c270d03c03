using GridEmissions.Core.Sectors;

namespace GridEmissions.Core.Scenarios;

/// <summary>Reads the <c>sectors</c> and <c>city_caps</c> blocks, and checks that the baselines add up to the base-year total.</summary>
internal static class SectorParser
{
    /// <summary>Relative tolerance for the baselines summing to the base-year total.</summary>
    public const double BaselineTolerance = 1e-6;

    public static List<SectorSpec> ReadSectors(YamlSection top, ScenarioParseContext ctx)
    {
        var sectors = top.Section("sectors", true, "{power: {baseline_mt: …, model: …}, …}");
        if (sectors is null)
        {
            return [];
        }

        if (!sectors.Entries.Any())
        {
            ctx.Log.Add(sectors.Node, "'sectors' lists no sector.", $"add the sectors to project, from: {string.Join(", ", SectorCatalog.Ids)}.");
        }

        var result = new List<SectorSpec>();
        foreach (var (name, key, value) in sectors.Entries)
        {
            var sector = SectorCatalog.Find(name);
            if (sector is null)
            {
                ctx.Log.Add(key, $"unknown sector '{name}'.", Spelling.Fix(name, SectorCatalog.Ids.ToArray(), "sector id"));
                continue;
            }

            var section = sectors.ToSection(value, sectors.PathOf(name));
            if (section is null)
            {
                continue;
            }

            section.CheckKeys(ScenarioKeys.Sector);
            var baseline = ReadBaseline(section, ctx);
            var shares = SeriesReader.ReadYearValues(section, "share_percent", false, ctx, SeriesRules.Percent(firstAtStart: false, afterStart: true));
            var model = ModelParser.ReadModel(section, sector, ctx);
            result.Add(new SectorSpec(sector, baseline, shares, model));
        }

        return result.OrderBy(s => SectorCatalog.Ids.ToList().IndexOf(s.Sector.Id)).ToList();
    }

    private static YearValue ReadBaseline(YamlSection sector, ScenarioParseContext ctx)
    {
        int year = ctx.StartYear ?? 0;
        var b = sector.Section("baseline_mt", true, "{value: 100.0, basis: assumption, note: \"…\"}");
        if (b is null)
        {
            return new YearValue(year, double.NaN, Provenance.ToolDefault);
        }

        b.CheckKeys(ScenarioKeys.Baseline);
        double? value = b.Number("value", true, "100.0");
        var provenance = b.ReadProvenance();
        if (value is double v && v < 0)
        {
            ctx.Log.Add(b.Get("value"), $"'{b.PathOf("value")}' is {SeriesReader.Format(v)}: a baseline of an emitting sector cannot be negative.",
                "write the sector's base-year emissions in Mt, zero or more.");
            value = null;
        }

        return new YearValue(year, value ?? double.NaN, provenance);
    }

    /// <summary>Checks that the sector baselines sum to the base-year anchor of the total minus the off-grid part, if any (relative tolerance 1e-6).</summary>
    public static void CheckBaselines(YamlSection top, TotalPathwaySpec total, IReadOnlyList<SectorSpec> sectors, OffGridSpec? offGrid, ScenarioParseContext ctx)
    {
        if (sectors.Count == 0 || total.AnchorsMt.Count == 0 || !ctx.HasYears || total.AnchorsMt[0].Year != ctx.StartYear ||
            sectors.Any(s => double.IsNaN(s.BaselineMt.Value)))
        {
            return;
        }

        double offGridBase = offGrid is { TargetMt.Count: > 0 } ? offGrid.MtIn(ctx.StartYear!.Value) : 0;
        double expected = total.AnchorsMt[0].Value - offGridBase;
        double sum = sectors.Sum(s => s.BaselineMt.Value);
        double difference = sum - expected;
        if (Math.Abs(difference) > BaselineTolerance * Math.Max(Math.Abs(expected), double.Epsilon))
        {
            string parts = string.Join(" + ", sectors.Select(s => $"{s.Sector.Id} {SeriesReader.Format(s.BaselineMt.Value)}"));
            string what = offGridBase > 0
                ? $"the base-year total anchor ({ctx.StartYear}) minus the off-grid part is {SeriesReader.Format(total.AnchorsMt[0].Value)} − {SeriesReader.Format(offGridBase)} = {SeriesReader.Format(expected)} Mt"
                : $"the base-year total anchor ({ctx.StartYear}) is {SeriesReader.Format(expected)} Mt";
            ctx.Log.Add(top.Get("sectors"),
                $"the sector baselines sum to {SeriesReader.Format(sum)} Mt ({parts}), but {what}: difference {SeriesReader.Format(difference)} Mt.",
                $"change the baselines by {SeriesReader.Format(-difference)} Mt in total so they sum to {SeriesReader.Format(expected)}, or change the {ctx.StartYear} anchor{(offGridBase > 0 ? " or the off-grid part" : string.Empty)}.");
        }
    }

    public static List<CityCap> ReadCityCaps(YamlSection top, ScenarioParseContext ctx)
    {
        var caps = new List<CityCap>();
        foreach (var item in top.Items("city_caps", false))
        {
            item.CheckKeys(ScenarioKeys.CityCap);
            string? adcode = item.Text("adcode", true, "\"410100\"");
            if (adcode is not null && !ModelParser.IsAdcode(adcode))
            {
                ctx.Log.Add(item.Get("adcode"), $"'{item.PathOf("adcode")}' is '{adcode}', which is not a city adcode.", "use the city's six-digit adcode from the boundaries file, in quotes, e.g. \"410100\".");
                adcode = null;
            }

            string? sectorId = item.Text("sector", true, "power");
            if (sectorId is not null && SectorCatalog.Find(sectorId) is null)
            {
                ctx.Log.Add(item.Get("sector"), $"'{item.PathOf("sector")}' is '{sectorId}', an unknown sector.", Spelling.Fix(sectorId, SectorCatalog.Ids.ToArray(), "sector id"));
                sectorId = null;
            }

            bool exact = item.Get("target_mt") is not null;
            if (exact && item.Get("cap_mt") is not null)
            {
                ctx.Log.Add(item.Get("target_mt"), $"'{item.PathOf("target_mt")}' and '{item.PathOf("cap_mt")}' are both given.", "give either a cap (cap_mt: the city may emit at most this) or a target (target_mt: exactly this), not both.");
            }

            var cap = exact
                ? SeriesReader.ReadYearValues(item, "target_mt", true, ctx, SeriesRules.NonNegative("value", "a city target", firstAtStart: false))
                : SeriesReader.ReadYearValues(item, "cap_mt", true, ctx, SeriesRules.NonNegative("value", "a cap", firstAtStart: false));
            if (adcode is not null && sectorId is not null)
            {
                caps.Add(new CityCap(adcode, sectorId, cap, exact));
            }
        }

        return caps;
    }
}
