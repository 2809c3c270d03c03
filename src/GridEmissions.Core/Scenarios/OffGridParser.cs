namespace GridEmissions.Core.Scenarios;

/// <summary>Reads the <c>off_grid</c> block: emissions counted in the total but placed on no cell.</summary>
internal static class OffGridParser
{
    public static OffGridSpec? Read(YamlSection top, ScenarioParseContext ctx)
    {
        if (!top.Has("off_grid"))
        {
            return null;
        }

        var block = top.Section("off_grid", true, "{reason: \"…\", target_mt: [{year: 2024, value_mt: 100, basis: study, note: \"…\"}]}");
        if (block is null)
        {
            return null;
        }

        foreach (var (name, key, _) in block.Entries.Where(e => ScenarioKeys.OffGridSpatial.Contains(e.Name)))
        {
            ctx.Log.Add(key, $"'off_grid.{name}' places emissions on the grid, but 'off_grid' holds emissions that have no place in the region: they are reported and audited, never put on a cell.",
                $"remove '{name}' from 'off_grid'; to place these emissions on the grid, add them to a sector's baseline_mt instead.");
        }

        block.CheckKeys([.. ScenarioKeys.OffGrid, .. ScenarioKeys.OffGridSpatial]);
        string reason = block.Text("reason", true, "\"indirect emissions of imported electricity: emitted by power plants outside the region\"") ?? string.Empty;
        var target = SeriesReader.ReadYearValues(block, "target_mt", true, ctx,
            SeriesRules.NonNegative("value_mt", "an off-grid part", firstAtStart: true));
        return new OffGridSpec(reason, target);
    }

    /// <summary>Checks that the off-grid part never exceeds the regional total (every year of the run).</summary>
    public static void CheckAgainstTotal(YamlSection top, OffGridSpec? offGrid, TotalPathwaySpec total, ScenarioParseContext ctx)
    {
        if (offGrid is null || offGrid.TargetMt.Count == 0 || !ctx.HasYears || total.AnchorsMt.Count == 0 || total.AnchorsMt[0].Year != ctx.StartYear)
        {
            return;
        }

        double[] totals;
        try
        {
            totals = TotalPathway.Evaluate(total, ctx.StartYear!.Value, ctx.EndYear!.Value);
        }
        catch (ArgumentException)
        {
            return; // an incomplete pathway is reported by the total's own checks
        }

        for (int t = 0; t < totals.Length; t++)
        {
            int year = ctx.StartYear!.Value + t;
            double part = offGrid.MtIn(year);
            if (part > totals[t])
            {
                ctx.Log.Add(top.Get("off_grid"),
                    $"'off_grid.target_mt' gives {SeriesReader.Format(part)} Mt in {year}, above the regional total of {SeriesReader.Format(totals[t])} Mt that year: the off-grid part is a part of the total.",
                    $"lower 'off_grid.target_mt' in {year} (entries are linear between years and held after the last) to at most the total, or raise the total.");
                return;
            }
        }
    }
}
