namespace GridEmissions.Core.Grids;

/// <summary>
/// Which cells of a grid belong to the study region: a cell with any area inside a region
/// polygon is in; a cell with none (the grid's margin and the corners of its bounding box) is
/// out and is written as <see cref="NoData"/> in every grid, so "no region here" and "zero
/// emissions here" are told apart. The models never place emissions in a cell without region
/// area, so masking changes no sum; <see cref="Apply"/> checks that and fails loudly if not.
/// </summary>
public sealed class RegionMask
{
    /// <summary>The value written for cells outside the region (GeoTIFF nodata, NetCDF _FillValue).</summary>
    public const double NoData = -9999;

    private readonly double[] _fraction;

    /// <summary>The mask of <paramref name="grid"/> from each cell's area fraction inside the region (0..1).</summary>
    public RegionMask(GridSpec grid, ReadOnlySpan<double> regionFraction)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (regionFraction.Length != grid.CellCount)
        {
            throw new ArgumentException($"{regionFraction.Length} region fractions for the {grid.CellCount} cells of grid '{grid.Name}'", nameof(regionFraction));
        }

        Grid = grid;
        _fraction = regionFraction.ToArray();
        for (int i = 0; i < _fraction.Length; i++)
        {
            if (!(_fraction[i] >= 0 && _fraction[i] <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(regionFraction), $"cell {grid.CellId(i)} has region fraction {_fraction[i]}; fractions lie in 0..1");
            }

            InsideCount += _fraction[i] > 0 ? 1 : 0;
        }
    }

    /// <summary>The grid.</summary>
    public GridSpec Grid { get; }

    /// <summary>Fraction of each cell's area inside the region, row-major like the grid.</summary>
    public ReadOnlySpan<double> RegionFraction => _fraction;

    /// <summary>Number of cells with region area.</summary>
    public int InsideCount { get; }

    /// <summary>True when the cell has any area inside the region.</summary>
    public bool IsInside(int cell) => _fraction[cell] > 0;

    /// <summary>
    /// A copy of <paramref name="values"/> with every cell outside the region set to
    /// <see cref="NoData"/>. Throws when such a cell holds anything but zero: dropping it would
    /// break conservation.
    /// </summary>
    /// <param name="values">Row-major cell values on <see cref="Grid"/>.</param>
    /// <param name="what">What the values are (e.g. "power 2035"), for the error message.</param>
    public double[] Apply(ReadOnlySpan<double> values, string what)
    {
        if (values.Length != _fraction.Length)
        {
            throw new ArgumentException($"{values.Length} values for the {_fraction.Length} cells of grid '{Grid.Name}'", nameof(values));
        }

        var masked = new double[values.Length];
        for (int i = 0; i < masked.Length; i++)
        {
            if (_fraction[i] > 0)
            {
                masked[i] = values[i];
            }
            else if (values[i] != 0)
            {
                throw new InvalidOperationException(FormattableString.Invariant(
                    $"{what}: cell {Grid.CellId(i)} has no area inside the region but holds {values[i]:R} t; masking it would lose emissions"));
            }
            else
            {
                masked[i] = NoData;
            }
        }

        return masked;
    }

    /// <summary>Replaces every <paramref name="noData"/> (or NaN when it is NaN) in <paramref name="values"/> by 0, in place: cells without region area emit nothing.</summary>
    public static void ZeroNoData(Span<double> values, double noData)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] == noData || (double.IsNaN(noData) && double.IsNaN(values[i])))
            {
                values[i] = 0;
            }
        }
    }
}
