namespace GridEmissions.Core.Models;

/// <summary>
/// Carries a user's own base-year grid (CHRED, EDGAR, ODIAC…) forward in time with the change
/// an evolution model predicts: a cell's weight in year y is its baseline value × (model weight
/// in y / model weight in the base year). Cells the model gives no base-year weight keep their
/// baseline value scaled by the model's sector-wide change; cells that the model starts to use
/// later (new urban cells, new corridors) enter with the model weight × (baseline total / model
/// base total), so growth shows on the user's scale. In the base year the weights are the
/// user's grid itself: the harmonised base-year output is the user's baseline rescaled to the
/// scenario's base-year target.
/// </summary>
public sealed class BaselinePatternModel(ISourceModel inner, double[] baselineTonnes) : ISourceModel
{
    private double[]? modelBase;
    private double modelBaseTotal, baselineTotal;

    /// <inheritdoc />
    public string SectorId => inner.SectorId;

    /// <inheritdoc />
    public SectorYear Evolve(int year, double targetTonnes) => Evolve(year, targetTonnes, new double[baselineTonnes.Length]);

    /// <inheritdoc />
    public SectorYear Evolve(int year, double targetTonnes, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != baselineTonnes.Length)
        {
            throw new ArgumentException($"the baseline of sector '{SectorId}' has {baselineTonnes.Length} cells but the weight buffer has {weights.Length}");
        }

        // The inner model writes into the same lent buffer; the loop below reads w[i] before it writes weights[i].
        SectorYear evolved = inner.Evolve(year, targetTonnes, weights);
        double[] w = evolved.Weights;
        if (w.Length != baselineTonnes.Length || weights.Length != baselineTonnes.Length)
        {
            throw new ArgumentException($"the baseline of sector '{SectorId}' has {baselineTonnes.Length} cells but the grid has {w.Length} (weight buffer {weights.Length})");
        }

        if (modelBase is null)
        {
            modelBase = (double[])w.Clone();
            modelBaseTotal = Allocation.PreciseSum.Of(modelBase);
            baselineTotal = Allocation.PreciseSum.Of(baselineTonnes);
        }

        double sectorChange = modelBaseTotal > 0 ? Allocation.PreciseSum.Of(w) / modelBaseTotal : 1;
        double entryScale = modelBaseTotal > 0 ? baselineTotal / modelBaseTotal : 1;
        for (int i = 0; i < w.Length; i++)
        {
            double b = baselineTonnes[i], m0 = modelBase[i];
            weights[i] = m0 > 0 ? b * (w[i] / m0)
                : b > 0 ? b * sectorChange
                : w[i] * entryScale;
        }

        return evolved with { Weights = weights, Notes = [.. evolved.Notes] };
    }
}
