namespace GridEmissions.Core.Allocation;

/// <summary>What one allocation did: target, allocated sum, residual and cells used.</summary>
public sealed record AllocationOutcome(AllocationKey Key, double TargetTonnes, double AllocatedTonnes, int CellsUsed)
{
    /// <summary>Allocated minus target, tonnes.</summary>
    public double ResidualTonnes => AllocatedTonnes - TargetTonnes;

    /// <summary>|residual| / |target| (|allocated| when the target is zero); signed (sink) targets are negative.</summary>
    public double RelativeError => TargetTonnes == 0 ? Math.Abs(AllocatedTonnes) : Math.Abs(ResidualTonnes) / Math.Abs(TargetTonnes);

    /// <summary>True when the relative error is within <see cref="Harmonizer.RelativeTolerance"/>.</summary>
    public bool IsConserved => RelativeError <= Harmonizer.RelativeTolerance;
}
