namespace GridEmissions.Gdal;

/// <summary>How <see cref="GeoTiffWriter"/> encodes a GeoTIFF. Always DEFLATE-compressed and tiled.</summary>
public sealed record GeoTiffOptions
{
    /// <summary>Float64, DEFLATE, 256×256 tiles, no nodata, plain GeoTIFF.</summary>
    public static GeoTiffOptions Default { get; } = new();

    /// <summary>Store Float32 instead of Float64 (halves the size; about 7 significant digits).</summary>
    public bool Float32 { get; init; }

    /// <summary>Nodata value set on every band, or null for none. Values are written as given.</summary>
    public double? NoData { get; init; }

    /// <summary>Write a Cloud-Optimized GeoTIFF (GDAL's COG driver) instead of a plain tiled GeoTIFF.</summary>
    public bool Cog { get; init; }

    /// <summary>Tile edge in pixels (a multiple of 16).</summary>
    public int BlockSize { get; init; } = 256;
}
