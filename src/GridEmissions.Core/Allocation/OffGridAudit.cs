using System.Globalization;

namespace GridEmissions.Core.Allocation;

/// <summary>
/// The audit row of a year's off-grid part (emissions counted in the total but on no cell): the on-grid cells plus the
/// off-grid part must give the regional total within <see cref="Harmonizer.RelativeTolerance"/> of the total, or the run fails.
/// </summary>
public static class OffGridAudit
{
    /// <summary>
    /// The row: target = the off-grid part, allocated = what the grid leaves of the total (total − Σ on-grid cells), residual
    /// = allocated − target (= total − grid − off-grid), relative error = |residual| ÷ total; no cell is used. The closure says "held off the grid: X Mt, reason".
    /// </summary>
    public static AuditRow Check(string region, string scenario, int year, double offGridTonnes, double totalTonnes, double onGridTonnes, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (!double.IsFinite(offGridTonnes) || offGridTonnes < 0 || offGridTonnes > totalTonnes)
        {
            throw new AllocationException($"Off-grid part for {region} {year} is {offGridTonnes} t: it must be finite, zero or more and at most the total of {totalTonnes} t.");
        }

        double left = totalTonnes - onGridTonnes;
        double residual = left - offGridTonnes;
        double rel = totalTonnes == 0 ? Math.Abs(residual) : Math.Abs(residual) / totalTonnes;
        string closure = string.Create(CultureInfo.InvariantCulture, $"held off the grid: {offGridTonnes / 1e6:0.###} Mt, {reason}");
        var row = new AuditRow(region, scenario, year, Scenarios.OffGridSpec.Id, offGridTonnes, left, residual, rel, 0, 0, 0, 0, 0) { Closure = closure, Sign = AuditRow.OffGrid };
        if (!row.Passes)
        {
            throw new AllocationException(
                $"Off-grid audit failed for {region} {year}: on-grid cells {onGridTonnes:R} t + off-grid {offGridTonnes:R} t differ from the total {totalTonnes:R} t by {-residual:R} t (relative {rel:E3} > {Harmonizer.RelativeTolerance:E0}).");
        }

        return row;
    }
}
