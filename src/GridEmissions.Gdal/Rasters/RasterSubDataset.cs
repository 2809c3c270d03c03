namespace GridEmissions.Gdal;

/// <summary>A subdataset of a container raster, e.g. one NetCDF variable.</summary>
/// <param name="Name">The string to pass to <see cref="RasterDataset.Open"/>, e.g. <c>NETCDF:"cube.nc":power</c>.</param>
/// <param name="Description">GDAL's description, e.g. "[3x40x50] power (64-bit floating-point)".</param>
public sealed record RasterSubDataset(string Name, string Description);
