namespace GridEmissions.Core.Scenarios;

/// <summary>
/// Emissions counted in the region's total but placed on no cell (e.g. the indirect emissions of electricity imported into the
/// region: they happen at power plants outside it). The on-grid sectors share the total minus this part; the part is reported
/// and audited every year, but never put on a cell or in a city total.
/// </summary>
/// <param name="Reason">Why these emissions have no place in the region (printed beside every figure).</param>
/// <param name="TargetMt">Year series (Mt): the first entry at the base year, linear between entries, held after the last.</param>
public sealed record OffGridSpec(string Reason, IReadOnlyList<YearValue> TargetMt)
{
    /// <summary>Id of the off-grid line in targets.csv and audit.csv (not a sector: no grid, band or city total carries it).</summary>
    public const string Id = "off_grid";

    /// <summary>The off-grid part (Mt) in a year.</summary>
    public double MtIn(int year) => Sinks.SinkSeries.At(TargetMt, year);
}
