namespace GridEmissions.Analysis;

/// <summary>Options of <see cref="GetisOrdGiStar"/>.</summary>
public sealed record GiStarOptions
{
    /// <summary>Adjustment of p-values before classification (default FDR, Benjamini–Hochberg).</summary>
    public PValueAdjustment Adjustment { get; init; } = PValueAdjustment.BenjaminiHochberg;

    /// <summary>Number of conditional permutations per cell; 0 (default) skips permutation inference.</summary>
    public int Permutations { get; init; }

    /// <summary>Seed of the <see cref="System.Random"/> used for permutations: same seed, same pseudo p-values.</summary>
    public int Seed { get; init; } = 12345;

    /// <summary>Classify on the permutation pseudo p-values instead of the analytic ones (requires <see cref="Permutations"/> &gt; 0).</summary>
    public bool ClassifyByPermutation { get; init; }
}
