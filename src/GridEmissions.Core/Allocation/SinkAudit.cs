namespace GridEmissions.Core.Allocation;

/// <summary>
/// The audit of a signed (sink or removal) sector: its cells must sum to its target (≤ 0) within
/// the harmoniser's tolerance and none may be positive. A failing row fails the run.
/// </summary>
public static class SinkAudit
{
    /// <summary>Audits one allocated sink grid.</summary>
    public static AuditRow Check(string scenario, AllocationOutcome outcome, ReadOnlySpan<double> cells, int siteCount = 0)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        (int negative, int positive, int nonFinite, double allocated) = CellCensus.Of(cells);
        double target = outcome.TargetTonnes;
        double residual = allocated - target;
        double rel = target == 0 ? Math.Abs(allocated) : Math.Abs(residual) / Math.Abs(target);
        var row = new AuditRow(outcome.Key.Region, scenario, outcome.Key.Year, outcome.Key.SectorId, target, allocated, residual, rel,
            siteCount, 0, negative + positive, negative, nonFinite)
        {
            Sign = AuditRow.Sink,
            PositiveCells = positive,
        };
        if (target > 0 || !row.Passes)
        {
            throw new AllocationException(
                $"Mass-balance audit failed for the sink sector {outcome.Key}: target {target:R} t (must be ≤ 0), allocated {allocated:R} t, relative error {rel:E3}, positive cells {positive} (a sink cell must be ≤ 0), non-finite cells {nonFinite}.");
        }

        return row;
    }
}
