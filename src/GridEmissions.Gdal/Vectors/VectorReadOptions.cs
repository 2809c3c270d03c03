namespace GridEmissions.Gdal;

/// <summary>How <see cref="VectorReader"/> reads a layer.</summary>
public sealed record VectorReadOptions
{
    /// <summary>Read with the file's own CRS and no extra open options.</summary>
    public static VectorReadOptions Default { get; } = new();

    /// <summary>Reproject geometries into this CRS while reading (null: keep the file's CRS).</summary>
    public SpatialReference? TargetCrs { get; init; }

    /// <summary>
    /// CRS assumed when the layer declares none (typically lon/lat CSV files), used only when
    /// <see cref="TargetCrs"/> is set. Without it, reprojecting a layer that has no CRS fails.
    /// </summary>
    public SpatialReference? SourceCrsIfMissing { get; init; }

    /// <summary>Extra GDAL open options (NAME=VALUE), added to the CSV defaults.</summary>
    public IReadOnlyList<string> OpenOptions { get; init; } = [];
}
