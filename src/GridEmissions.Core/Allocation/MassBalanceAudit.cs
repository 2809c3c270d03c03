namespace GridEmissions.Core.Allocation;

/// <summary>Checks an allocated grid against its target and records the audit row. A failing row fails the run.</summary>
public static class MassBalanceAudit
{
    /// <summary>Audits one allocated sector grid.</summary>
    public static AuditRow Check(string scenario, AllocationOutcome outcome, ReadOnlySpan<double> cells, int facilityCount, int retiredCount) =>
        Check(scenario, outcome, CellCensus.Of(cells), facilityCount, retiredCount);

    /// <summary>Audits one allocated sector grid from its census (taken while the harmoniser wrote the cells: no further pass).</summary>
    public static AuditRow Check(string scenario, AllocationOutcome outcome, CellCensus census, int facilityCount, int retiredCount)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        (int negative, int used, int nonFinite, double allocated) = census;
        double residual = allocated - outcome.TargetTonnes;
        double rel = outcome.TargetTonnes == 0 ? Math.Abs(allocated) : Math.Abs(residual) / outcome.TargetTonnes;
        var row = new AuditRow(outcome.Key.Region, scenario, outcome.Key.Year, outcome.Key.SectorId, outcome.TargetTonnes, allocated, residual, rel,
            facilityCount, retiredCount, used, negative, nonFinite);
        if (!row.Passes)
        {
            throw new AllocationException(
                $"Mass-balance audit failed for {outcome.Key}: target {row.TargetTonnes:R} t, allocated {row.AllocatedTonnes:R} t, relative error {row.RelativeError:E3}, negative cells {negative}, non-finite cells {nonFinite}.");
        }

        return row;
    }
}
