using GridEmissions.Core.Grids;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline.Tests;

/// <summary>Reads an emission band the way a GIS does: the region mask's nodata cells are "no region", every other cell a finite, non-negative tonnage.</summary>
public static class EmissionRasters
{
    /// <summary>The band's tonnes per cell with nodata read as 0, after checking nodata is declared and every other value is finite and ≥ 0.</summary>
    public static double[] ReadTonnes(RasterDataset ds, int band)
    {
        ArgumentNullException.ThrowIfNull(ds);
        Assert.Equal(RegionMask.NoData, ds.NoData(band));
        double[] v = ds.ReadBand(band);
        int bad = Array.FindIndex(v, x => x != RegionMask.NoData && !(double.IsFinite(x) && x >= 0));
        Assert.True(bad < 0, bad < 0 ? string.Empty : $"{ds.Path} band {band} cell {bad} holds {v[bad]}");
        RegionMask.ZeroNoData(v, RegionMask.NoData);
        return v;
    }
}
