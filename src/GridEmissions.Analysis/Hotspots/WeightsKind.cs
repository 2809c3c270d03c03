namespace GridEmissions.Analysis;

/// <summary>How neighbours of a cell are chosen for Gi*. Both kinds are binary and include the cell itself.</summary>
public enum WeightsKind
{
    /// <summary>The cell and its up to eight edge- or corner-sharing neighbours (spdep <c>cell2nb(type = "queen")</c> + <c>include.self</c>).</summary>
    Queen,

    /// <summary>Every cell whose centre lies within the band distance of the cell's centre, itself included (spdep <c>dnearneigh(0, d)</c> + <c>include.self</c>).</summary>
    DistanceBand,
}
