namespace GridEmissions.Analysis;

/// <summary>Multiple-testing adjustment applied before cells are classified.</summary>
public enum PValueAdjustment
{
    /// <summary>Classify on raw p-values.</summary>
    None,

    /// <summary>Classify on Benjamini–Hochberg FDR-adjusted p-values (R <c>p.adjust(p, "BH")</c>).</summary>
    BenjaminiHochberg,
}
