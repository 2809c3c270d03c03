namespace GridEmissions.Core.Proxies;

/// <summary>
/// The base-year land layers of a region on its lattice, regridded conservatively from rasters
/// (see <see cref="Regridding.ConservativeRegridder"/>): residents (a count, the part inside the
/// region), and the built-up and cropland shares of each cell's area (fractions).
/// </summary>
/// <param name="Residents">People per cell inside the region in the raster's year (WorldPop 2020 by default).</param>
/// <param name="BuiltUp">Share of the cell that is built-up land (MODIS IGBP class 13 by default), 0..1.</param>
/// <param name="Cropland">Share of the cell that is cropland (class 12 plus half of the cropland/natural mosaic, class 14), 0..1.</param>
public sealed record LandLayers(double[] Residents, double[] BuiltUp, double[] Cropland)
{
    /// <summary>
    /// The land alone, for holders that never read the residents (the area models): the residents grid is read
    /// once, by <see cref="PopulationProxy"/>, and so need not stay in memory for the run (153 MiB at 1 km
    /// nationally). A proxy refuses these layers.
    /// </summary>
    public LandLayers WithoutResidents() => this with { Residents = [] };
}
