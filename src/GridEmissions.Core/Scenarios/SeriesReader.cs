using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace GridEmissions.Core.Scenarios;

/// <summary>What a year series accepts: its value key, the valid range of its values and where its years may fall.</summary>
/// <param name="ValueKey">Key of the value in each entry (<c>value</c> or <c>value_mt</c>).</param>
/// <param name="IsValid">Whether a value is acceptable.</param>
/// <param name="Violation">Why a value is not, completing "'x' is 12, …".</param>
/// <param name="Fix">How to fix a bad value.</param>
/// <param name="FirstAtStart">The first entry must be the base year.</param>
/// <param name="AfterStart">Entries must be after the base year (the base-year value comes from elsewhere).</param>
internal sealed record SeriesRules(string ValueKey, Func<double, bool> IsValid, string Violation, string Fix, bool FirstAtStart, bool AfterStart)
{
    public static SeriesRules Percent(bool firstAtStart, bool afterStart) => new(
        "value", v => v is >= 0 and <= 100, "outside 0–100 %", "write a percentage from 0 to 100.", firstAtStart, afterStart);

    public static SeriesRules NonNegative(string valueKey, string what, bool firstAtStart) => new(
        valueKey, v => v >= 0, $"negative: {what} cannot be below zero", "write a value of zero or more.", firstAtStart, AfterStart: false);

    public static SeriesRules Positive(string what, bool firstAtStart) => new(
        "value", v => v > 0, $"not above zero: {what} must be positive", "write a value above zero.", firstAtStart, AfterStart: false);
}

/// <summary>Reads year series (<c>{year, value, basis, note}</c>) and rate periods (<c>{from, to, percent_per_year, basis, note}</c>) and checks their years.</summary>
internal static class SeriesReader
{
    public static List<YearValue> ReadYearValues(YamlSection parent, string key, bool required, ScenarioParseContext ctx, SeriesRules rules)
    {
        var items = parent.Items(key, required, $"[{{year: 2030, {rules.ValueKey}: 1.0, basis: assumption, note: \"…\"}}]");
        if (required && items.Count == 0 && parent.Get(key) is YamlSequenceNode empty)
        {
            ctx.Log.Add(empty, $"'{parent.PathOf(key)}' has no entries.", $"add at least one entry {{year, {rules.ValueKey}, basis, note}}.");
        }

        var list = new List<YearValue>();
        int? previous = null;
        bool first = true;
        foreach (var item in items)
        {
            item.CheckKeys(rules.ValueKey == "value_mt" ? ScenarioKeys.Anchor : ScenarioKeys.YearValue);
            int? year = item.Integer("year", true, "2030");
            double? value = item.Number(rules.ValueKey, true);
            var provenance = item.ReadProvenance();
            bool ok = year is not null && value is not null;
            if (value is double v && !rules.IsValid(v))
            {
                ctx.Log.Add(item.Get(rules.ValueKey), $"'{item.PathOf(rules.ValueKey)}' is {Format(v)}, {rules.Violation}.", rules.Fix);
                ok = false;
            }

            if (year is int y)
            {
                ok &= CheckYear(item, y, previous, first, ctx, rules);
                previous = previous is int p ? Math.Max(p, y) : y;
            }

            first = false;
            if (ok)
            {
                list.Add(new YearValue(year!.Value, value!.Value, provenance));
            }
        }

        return list;
    }

    private static bool CheckYear(YamlSection item, int y, int? previous, bool first, ScenarioParseContext ctx, SeriesRules rules)
    {
        var node = item.Get("year");
        bool ok = true;
        if (previous is int p && y <= p)
        {
            string what = y == p ? $"year {y} appears twice" : $"year {y} comes after year {p}: the years are out of order";
            ctx.Log.Add(node, $"in '{item.Path}' {what}.", "list the entries in increasing year order, each year once.");
            ok = false;
        }

        if (!ctx.HasYears)
        {
            return ok;
        }

        int start = ctx.StartYear!.Value;
        int end = ctx.EndYear!.Value;
        if (y < start || y > end)
        {
            ctx.Log.Add(node, $"'{item.PathOf("year")}' is {y}, outside the scenario years {start}–{end}.", $"use a year from {start} to {end}, or widen 'years'.");
            return false;
        }

        if (rules.AfterStart && y == start)
        {
            ctx.Log.Add(node, $"'{item.PathOf("year")}' is the base year {start}, whose value comes from 'baseline_mt'.", "remove this entry or move it to a later year.");
            return false;
        }

        if (rules.FirstAtStart && first && y != start)
        {
            ctx.Log.Add(node, $"'{item.PathOf("year")}' is {y}, but the first entry must be the base year {start}: the years {start}–{y - 1} would have no value.",
                $"add an entry for {start} before it.");
        }

        return ok;
    }

    /// <summary>
    /// Reads rate periods. When <paramref name="cover"/> is given, the periods must cover exactly those years, in order,
    /// without overlaps or gaps (<paramref name="why"/> says why those years).
    /// </summary>
    public static List<RatePeriod> ReadRates(
        YamlSection parent, string key, bool required, ScenarioParseContext ctx, (int From, int To)? cover, string why, double maxPercent = double.PositiveInfinity)
    {
        var items = parent.Items(key, required, "[{from: 2031, to: 2035, percent_per_year: -2.0, basis: assumption, note: \"…\"}]");
        var periods = new List<(RatePeriod Period, YamlSection Item)>();
        bool allValid = true;
        foreach (var item in items)
        {
            item.CheckKeys(ScenarioKeys.Rate);
            int? from = item.Integer("from", true, "2031");
            int? to = item.Integer("to", true, "2035");
            double? percent = item.Number("percent_per_year", true, "-2.0");
            var provenance = item.ReadProvenance();
            bool ok = from is not null && to is not null && percent is not null;
            if (from is int f && to is int t && f > t)
            {
                ctx.Log.Add(item.Get("to"), $"'{item.Path}' runs from {f} to {t}: 'to' is before 'from'.", "make 'from' the first and 'to' the last year of the period.");
                ok = false;
            }

            if (percent is double r && (r <= -100 || r >= maxPercent))
            {
                string range = double.IsPositiveInfinity(maxPercent) ? "above −100" : $"above −100 and below {Format(maxPercent)}";
                ctx.Log.Add(item.Get("percent_per_year"), $"'{item.PathOf("percent_per_year")}' is {Format(r)}, outside the possible range (a yearly rate must be {range} %).",
                    "write a yearly percentage such as -4.5.");
                ok = false;
            }

            allValid &= ok;
            if (ok)
            {
                periods.Add((new RatePeriod(from!.Value, to!.Value, percent!.Value, provenance), item));
            }
        }

        if (cover is (int coverFrom, int coverTo) && allValid)
        {
            CheckCoverage(parent, key, periods, coverFrom, coverTo, why, ctx.Log);
        }

        return periods.Select(p => p.Period).ToList();
    }

    private static void CheckCoverage(
        YamlSection parent, string key, List<(RatePeriod Period, YamlSection Item)> periods, int coverFrom, int coverTo, string why, ProblemLog log)
    {
        string path = parent.PathOf(key);
        if (coverFrom > coverTo)
        {
            if (periods.Count > 0)
            {
                log.Add(parent.Get(key), $"'{path}' has periods, but there are no years to apply them to ({why}).", $"remove '{key}'.");
            }

            return;
        }

        if (periods.Count == 0)
        {
            log.Add(parent.Get(key) ?? parent.Node, $"the years {coverFrom}–{coverTo} have no rate in '{path}' ({why}).",
                $"add '{key}' periods covering {coverFrom}–{coverTo}.");
            return;
        }

        int expected = coverFrom;
        RatePeriod? last = null;
        foreach (var (p, item) in periods)
        {
            var fromNode = item.Get("from");
            if (last is null && p.FromYear < expected)
            {
                log.Add(fromNode, $"'{item.Path}' starts in {p.FromYear}, before {coverFrom} ({why}).", $"start it in {coverFrom}.");
            }
            else if (last is not null && p.FromYear < expected)
            {
                log.Add(fromNode, $"'{item.Path}' ({p.FromYear}–{p.ToYear}) overlaps the period before it ({last.FromYear}–{last.ToYear}).",
                    $"start it in {expected}, the year after the previous period ends.");
            }
            else if (p.FromYear > expected)
            {
                log.Add(fromNode, $"'{item.Path}' starts in {p.FromYear}, leaving {expected}–{p.FromYear - 1} without a rate ({why}).",
                    $"start it in {expected}, or add a period for {expected}–{p.FromYear - 1}.");
            }

            expected = Math.Max(expected, p.ToYear + 1);
            last = p;
        }

        var lastItem = periods[^1].Item;
        if (expected - 1 < coverTo)
        {
            log.Add(lastItem.Get("to"), $"'{path}' ends in {expected - 1}, leaving {expected}–{coverTo} without a rate ({why}).",
                $"extend the last period to 'to: {coverTo}' or add a period for {expected}–{coverTo}.");
        }
        else if (expected - 1 > coverTo)
        {
            log.Add(lastItem.Get("to"), $"'{path}' runs to {expected - 1}, past the last year {coverTo}.", $"end the last period in {coverTo}.");
        }
    }

    public static string Format(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
