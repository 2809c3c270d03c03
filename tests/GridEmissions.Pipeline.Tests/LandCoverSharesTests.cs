using GridEmissions.Gdal;

namespace GridEmissions.Pipeline.Tests;

/// <summary>
/// The shipped MODIS land-cover shares the land sink reads (<see cref="SinkInputs"/>) count every
/// vegetated IGBP class once. Each 0.1° share is a 2 × 2 block mean of 0.05° majority classes, so
/// whole classes come in quarters and the cropland/natural mosaic (IGBP 14, split half cropland,
/// half natural vegetation) in eighths: an odd number of eighths in the cropland share means an odd
/// number of mosaic sub-cells, and the other-vegetation share must then carry the same odd eighth
/// (before the fix the natural half of the mosaic had no class and no sink rate).
/// </summary>
public sealed class LandCoverSharesTests
{
    private static double[] Share(string name, out int width, out int height, out double[] transform)
    {
        using RasterDataset r = RasterDataset.Open(RepoPaths.Under("proxies", name));
        (width, height, transform) = (r.Width, r.Height, r.GeoTransform);
        return r.ReadBand(1);
    }

    private static long Eighths(double share)
    {
        double e = share * 8;
        Assert.True(Math.Abs(e - Math.Round(e)) < 1e-6, $"share {share} is not a multiple of 1/8");
        return (long)Math.Round(e);
    }

    [Fact]
    public void The_natural_half_of_the_cropland_mosaic_is_other_vegetation_and_no_cell_holds_more_than_all_its_land()
    {
        double[] crop = Share("modis_2019_cropland_0p1deg.tif", out int w, out int h, out double[] gt);
        double[] other = Share("modis_2019_other_vegetation_0p1deg.tif", out int w2, out int h2, out double[] gt2);
        double[] forest = Share("modis_2019_forest_0p1deg.tif", out int w3, out int h3, out double[] gt3);
        double[] built = Share("modis_2019_built_up_0p1deg.tif", out int w4, out int h4, out double[] gt4);
        Assert.Equal((w, h), (w2, h2));
        Assert.Equal((w, h), (w3, h3));
        Assert.Equal((w, h), (w4, h4));
        Assert.Equal(gt, gt2);
        Assert.Equal(gt, gt3);
        Assert.Equal(gt, gt4);

        int mosaicCells = 0, unmatched = 0, over = 0;
        for (int i = 0; i < crop.Length; i++)
        {
            bool oddCrop = Eighths(crop[i]) % 2 == 1, oddOther = Eighths(other[i]) % 2 == 1;
            mosaicCells += oddCrop ? 1 : 0;
            unmatched += oddCrop != oddOther ? 1 : 0;
            over += crop[i] + other[i] + forest[i] + built[i] > 1 + 1e-9 ? 1 : 0;
        }

        Assert.True(mosaicCells > 0, "the box holds cropland/natural mosaic cells (IGBP 14)");
        Assert.Equal(0, unmatched);
        Assert.Equal(0, over);
    }
}
