namespace GridEmissions.Gdal;

/// <summary>One 1-D coordinate axis of a CF cube: its name (also the dimension's), values, attributes and optional cell bounds (two per value, lower then upper).</summary>
public sealed record CfAxis(string Name, double[] Values, IReadOnlyDictionary<string, string> Attributes, double[]? Bounds = null);

/// <summary>A static 2-D (y, x) variable of a CF cube: auxiliary coordinates (lat, lon), cell_area, region_fraction.</summary>
public sealed record CfField(string Name, double[] Values, IReadOnlyDictionary<string, string> Attributes);

/// <summary>The grid-mapping variable: its name, text and numeric attributes.</summary>
public sealed record CfGridMapping(string Name, IReadOnlyDictionary<string, string> Text, IReadOnlyDictionary<string, double[]> Numbers);

/// <summary>
/// The horizontal part of a CF cube written by <see cref="NetCdfCubeWriter"/>: the y and x axes
/// (y first, as the slices are row-major with row 0 at <c>Y.Values[0]</c>), the grid mapping, the
/// static 2-D fields, and what every data variable's <c>coordinates</c> and <c>cell_measures</c> say.
/// </summary>
/// <param name="Y">Row axis.</param>
/// <param name="X">Column axis.</param>
/// <param name="Mapping">Grid mapping, or null for none.</param>
/// <param name="Fields">Static (y, x) variables, e.g. lat, lon, cell_area.</param>
/// <param name="Coordinates">The data variables' <c>coordinates</c> attribute (e.g. "lat lon"), or null.</param>
/// <param name="CellMeasures">The data variables' <c>cell_measures</c> attribute (e.g. "area: cell_area"), or null.</param>
public sealed record CfHorizontalGrid(CfAxis Y, CfAxis X, CfGridMapping? Mapping, IReadOnlyList<CfField> Fields, string? Coordinates, string? CellMeasures)
{
    /// <summary>Rows (length of the y axis).</summary>
    public int Rows => Y.Values.Length;

    /// <summary>Columns (length of the x axis).</summary>
    public int Columns => X.Values.Length;

    /// <summary>Cells of one slice.</summary>
    public int CellCount => checked(Rows * Columns);

    /// <summary>Names the cube's own variables use, which data variables may not take.</summary>
    public IEnumerable<string> ReservedNames =>
        new[] { "time", "time_bnds", "nv", Y.Name, X.Name, Y.Name + "_bnds", X.Name + "_bnds" }
            .Concat(Fields.Select(f => f.Name))
            .Concat(Mapping is null ? [] : [Mapping.Name]);
}
