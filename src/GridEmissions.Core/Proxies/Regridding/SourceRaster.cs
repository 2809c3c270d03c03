namespace GridEmissions.Core.Proxies.Regridding;

/// <summary>What a raster's cell values mean, which decides how they are regridded.</summary>
public enum RasterQuantity
{
    /// <summary>An amount per cell (people, tonnes): target cells receive value × overlap / source-cell area, so totals are kept.</summary>
    Count,

    /// <summary>A share of the cell's area (0..1, e.g. cropland): target cells receive the area-weighted mean over the valid source area.</summary>
    Fraction,
}

/// <summary>
/// A source raster whose cells are known as polygons in the target CRS: every cell edge is cut into
/// <see cref="Densify"/> pieces and each node is transformed (by an adapter, e.g. GDAL) into the
/// target CRS, so a lon/lat or projected raster becomes a mesh of quadrilaterals with curved
/// (piecewise-straight) edges. <see cref="Values"/> are row-major from the raster's first row; NaN
/// marks nodata.
/// </summary>
/// <param name="Name">The file (for messages).</param>
/// <param name="Columns">Source columns.</param>
/// <param name="Rows">Source rows.</param>
/// <param name="Values">Row-major values; NaN = nodata.</param>
/// <param name="NodeX">Target-CRS x of the mesh nodes, row-major, (Columns × Densify + 1) × (Rows × Densify + 1).</param>
/// <param name="NodeY">Target-CRS y of the mesh nodes, same layout.</param>
/// <param name="Densify">Pieces per cell edge (1 for an axis-aligned raster in the target CRS).</param>
public sealed record SourceRaster(string Name, int Columns, int Rows, double[] Values, double[] NodeX, double[] NodeY, int Densify)
{
    /// <summary>Nodes per mesh row.</summary>
    public int NodeColumns => (Columns * Densify) + 1;

    /// <summary>Mesh rows.</summary>
    public int NodeRows => (Rows * Densify) + 1;

    /// <summary>Throws when the arrays do not match the stated sizes (a programming error of the adapter).</summary>
    public void CheckShape()
    {
        if (Columns <= 0 || Rows <= 0 || Densify <= 0)
        {
            throw new ArgumentException($"raster '{Name}': columns, rows and densify must be positive ({Columns}, {Rows}, {Densify})");
        }

        if (Values.Length != (long)Columns * Rows || NodeX.Length != (long)NodeColumns * NodeRows || NodeY.Length != NodeX.Length)
        {
            throw new ArgumentException($"raster '{Name}': {Values.Length} values and {NodeX.Length}/{NodeY.Length} nodes do not match {Columns} × {Rows} cells densified {Densify}×");
        }
    }
}
