using GridEmissions.Core.Grids;

namespace GridEmissions.Rendering;

/// <summary>
/// Grids of several sectors × years on one grid, for a page of small multiples. Panels are
/// sector-major: the panel of sector s and year y is <c>Panels[s * Years.Count + y]</c>, each
/// t CO2/yr per cell (NaN no data).
/// </summary>
/// <param name="Grid">The grid.</param>
/// <param name="Sectors">Row titles.</param>
/// <param name="Years">Column titles.</param>
/// <param name="Panels">One value array per panel.</param>
/// <param name="Provinces">Province outlines drawn in every panel, or null.</param>
/// <param name="Cities">City boundaries drawn thin (without labels) in every panel, or null.</param>
public sealed record SmallMultiplesLayer(GridSpec Grid, IReadOnlyList<string> Sectors, IReadOnlyList<int> Years, IReadOnlyList<double[]> Panels, IReadOnlyList<ProvinceOutline>? Provinces = null, BoundaryLayer? Cities = null)
{
    /// <summary>The values of one panel.</summary>
    public double[] Panel(int sector, int year) => Panels[sector * Years.Count + year];

    /// <summary>Throws when the panels do not match the sectors, years and grid.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Grid);
        if (Sectors.Count == 0 || Years.Count == 0 || Panels.Count != Sectors.Count * Years.Count)
        {
            throw new ArgumentException($"{Sectors.Count} sectors x {Years.Count} years need {Sectors.Count * Years.Count} panels, got {Panels.Count}");
        }

        int bad = Panels.ToList().FindIndex(p => p.Length != Grid.CellCount);
        if (bad >= 0)
        {
            throw new ArgumentException($"panel {bad} has {Panels[bad].Length} values; grid '{Grid.Name}' has {Grid.CellCount} cells");
        }
    }
}

/// <summary>Two years of one grid for a change map (to − from).</summary>
/// <param name="Grid">The grid.</param>
/// <param name="FromTonnes">Earlier year, t CO2/yr per cell.</param>
/// <param name="ToTonnes">Later year, t CO2/yr per cell.</param>
/// <param name="FromYear">Earlier year.</param>
/// <param name="ToYear">Later year.</param>
/// <param name="Overlays">City boundaries and province outlines.</param>
public sealed record ChangeLayer(GridSpec Grid, double[] FromTonnes, double[] ToTonnes, int FromYear, int ToYear, MapOverlays Overlays)
{
    /// <summary>What the difference is, for the legend (default "<c>ToYear − FromYear</c>"; e.g. "run B − run A" when comparing two runs of one year).</summary>
    public string? DifferenceLabel { get; init; }

    /// <summary>Per-cell change, to − from (NaN where either is NaN).</summary>
    public double[] Difference()
    {
        if (FromTonnes.Length != Grid.CellCount || ToTonnes.Length != Grid.CellCount)
        {
            throw new ArgumentException($"grid '{Grid.Name}' has {Grid.CellCount} cells; got {FromTonnes.Length} values for {FromYear} and {ToTonnes.Length} for {ToYear}");
        }

        var d = new double[Grid.CellCount];
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = ToTonnes[i] - FromTonnes[i];
        }

        return d;
    }
}
