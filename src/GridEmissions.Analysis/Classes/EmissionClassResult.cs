namespace GridEmissions.Analysis;

/// <summary>Emission class of every cell and a summary per class.</summary>
/// <param name="CellClass">Class per cell (row-major); <see cref="EmissionClasses.OutsideRegion"/> for cells outside the region.</param>
/// <param name="Classes">One summary per class, lowest first.</param>
public sealed record EmissionClassResult(byte[] CellClass, IReadOnlyList<EmissionClassSummary> Classes);
