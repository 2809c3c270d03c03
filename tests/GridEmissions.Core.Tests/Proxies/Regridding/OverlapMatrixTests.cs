using GridEmissions.Core.Grids;
using GridEmissions.Core.Proxies.Regridding;

namespace GridEmissions.Core.Tests.Proxies.Regridding;

public class OverlapMatrixTests
{
    // Source: 3 × 2 cells of 10 km, west edge x = 0, north edge y = 20 km.
    private static readonly GridSpec Source = new("s", 10_000, 0, 1, 3, 2);

    /// <summary>Nodes of an axis-aligned target lattice with its south-west corner at (x0, y0), rows going north.</summary>
    private static (double[] X, double[] Y) Mesh(double x0, double y0, double size, int columns, int rows, int densify)
    {
        int nc = (columns * densify) + 1, nr = (rows * densify) + 1;
        var xs = new double[nc * nr];
        var ys = new double[nc * nr];
        for (int r = 0; r < nr; r++)
        {
            for (int c = 0; c < nc; c++)
            {
                xs[(r * nc) + c] = x0 + (c * size / densify);
                ys[(r * nc) + c] = y0 + (r * size / densify);
            }
        }

        return (xs, ys);
    }

    [Fact]
    public void A_lattice_shifted_by_half_a_cell_splits_each_cell_in_hand_computed_quarters()
    {
        // Target: 4 × 3 cells of 10 km from (-5 km, -5 km): each source cell overlaps 4 target cells by 25 km² each.
        var (xs, ys) = Mesh(-5_000, -5_000, 10_000, 4, 3, 2);
        var m = OverlapMatrix.Build(Source, 4, 3, 2, xs, ys);
        Assert.Equal(24, m.Overlaps.Length);
        Assert.All(m.Overlaps.ToArray(), o => Assert.Equal(0.25, o.Weight, 12));
        // Source cell 0 (x 0..10 km, y 10..20 km) goes to target rows 1 and 2 (y 5..25 km), columns 0 and 1.
        Assert.Equal([4, 5, 8, 9], m.OverlapsOf(0).ToArray().Select(o => o.Target));
        double[] result = m.Apply([100, 200, 300, 400, 500, 600]);
        Assert.Equal(2100, result.Sum(), 9);
        Assert.Equal(400 * 0.25, result[0], 9);
        Assert.Equal((100 + 200 + 400 + 500) * 0.25, result[5], 9);
        Assert.All(m.CoveredFraction.ToArray(), f => Assert.Equal(1, f, 12));
    }

    [Fact]
    public void A_target_that_covers_part_of_the_grid_reports_the_covered_share()
    {
        // One 10 km target cell over x 5..15 km, y 0..10 km: half of source cells 3 and 4.
        var (xs, ys) = Mesh(5_000, 0, 10_000, 1, 1, 1);
        var m = OverlapMatrix.Build(Source, 1, 1, 1, xs, ys);
        Assert.Equal(0.5, m.CoveredFraction[3], 12);
        Assert.Equal(0.5, m.CoveredFraction[4], 12);
        Assert.Equal(0, m.CoveredFraction[0]);
        Assert.Equal(1e8, m.TargetAreaInGrid[0], 3);
        Assert.Equal(0.75, m.MeanOf([0, 0, 0, 1, 0.5, 0])[0], 12);
    }

    [Fact]
    public void A_rotated_fine_lattice_conserves_a_random_field_to_rounding()
    {
        // Target cells of 1.7 km rotated by 20°, covering the source grid: every source cell is handed out in full.
        const int n = 30;
        double angle = 20 * Math.PI / 180, size = 1_700;
        int d = 3, nc = (n * d) + 1;
        var xs = new double[nc * nc];
        var ys = new double[nc * nc];
        for (int r = 0; r < nc; r++)
        {
            for (int c = 0; c < nc; c++)
            {
                double u = (c * size / d) - 10_000, v = (r * size / d) - 20_000;
                xs[(r * nc) + c] = (u * Math.Cos(angle)) - (v * Math.Sin(angle));
                ys[(r * nc) + c] = (u * Math.Sin(angle)) + (v * Math.Cos(angle));
            }
        }

        var m = OverlapMatrix.Build(Source, n, n, d, xs, ys);
        Assert.All(m.CoveredFraction.ToArray(), f => Assert.Equal(1, f, 9));
        var random = new Random(7);
        double[] values = [.. Enumerable.Range(0, 6).Select(_ => random.NextDouble() * 1e6)];
        double[] result = m.Apply(values);
        Assert.True(Math.Abs(result.Sum() - values.Sum()) <= 1e-9 * values.Sum());
        Assert.All(result, v => Assert.True(v >= 0));
        Assert.True(result.Count(v => v > 0) > 6 * 30, "a 10 km cell spreads over ~35 cells of 1.7 km");
    }

    [Fact]
    public void A_mesh_of_the_wrong_size_is_refused()
    {
        var (xs, ys) = Mesh(0, 0, 10_000, 2, 2, 1);
        Assert.Throws<ArgumentException>(() => OverlapMatrix.Build(Source, 3, 2, 1, xs, ys));
    }
}
