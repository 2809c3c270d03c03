using GridEmissions.Core.Grids;

namespace GridEmissions.Rendering;

/// <summary>
/// Emissions of one year (and sector) on a grid: t CO2/yr per cell, row-major as
/// <see cref="GridSpec"/> defines it. NaN marks no data or outside the region.
/// </summary>
/// <param name="Grid">The grid.</param>
/// <param name="ValuesTonnes">One value per cell.</param>
public sealed record GridLayer(GridSpec Grid, double[] ValuesTonnes)
{
    /// <summary>Throws when the values do not match the grid.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Grid);
        ArgumentNullException.ThrowIfNull(ValuesTonnes);
        if (ValuesTonnes.Length != Grid.CellCount)
        {
            throw new ArgumentException($"grid '{Grid.Name}' has {Grid.CellCount} cells but {ValuesTonnes.Length} values were given");
        }
    }
}
