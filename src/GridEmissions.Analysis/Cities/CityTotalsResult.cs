using GridEmissions.Core.Allocation;
namespace GridEmissions.Analysis;

/// <summary>
/// City totals of one grid with the remainder outside all cities, so that
/// Σ cities + <see cref="OutsideTonnes"/> = <see cref="GridTotalTonnes"/>.
/// </summary>
/// <param name="Cities">One total per city, in coverage order.</param>
/// <param name="OutsideTonnes">Σ over cells of value × (1 − Σ city fractions of the cell).</param>
/// <param name="GridTotalTonnes">Compensated sum of all cell values.</param>
public sealed record CityTotalsResult(IReadOnlyList<CityTotal> Cities, double OutsideTonnes, double GridTotalTonnes)
{
    /// <summary>(Σ cities + outside) − grid total: the reconciliation residual, ~1e-16 relative for clean data.</summary>
    public double ResidualTonnes
    {
        get
        {
            var sum = default(PreciseAccumulator);
            foreach (var city in Cities)
            {
                sum.Add(city.EmissionsTonnes);
            }

            sum.Add(OutsideTonnes);
            sum.Add(-GridTotalTonnes);
            return sum.Value;
        }
    }
}
