using FsCheck.Fluent;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Tests.Fixtures;
using NetTopologySuite.Geometries;

namespace GridEmissions.Core.Tests.Grids;

public class GridSpecTests
{
    private static readonly double[] CellSizes = [1_000, 2_500, 5_000, 10_000, 25_000];

    private static bool OnLattice(double v, double size) => Math.Floor(v / size) * size == v;

    [Fact]
    public void Covering_aligns_every_corner_to_a_multiple_of_the_cell_size_also_for_negative_coordinates()
    {
        var gen =
            from x0 in Properties.Uniform(-5e6, 5e6)
            from y0 in Properties.Uniform(-5e6, 7e6)
            from w in Properties.Uniform(0, 3e5)
            from h in Properties.Uniform(0, 3e5)
            from size in Gen.Elements(CellSizes)
            from margin in Gen.Choose(0, 3)
            select (Env: new Envelope(x0, x0 + w, y0, y0 + h), Size: size, Margin: margin);
        Properties.Check(gen, t =>
        {
            GridSpec g = GridSpec.Covering("p", t.Env, t.Size, t.Margin);
            foreach (double edge in new[] { g.MinX, g.MaxX, g.MinY, g.MaxY })
            {
                Assert.True(OnLattice(edge, t.Size), $"edge {edge:R} is not a multiple of {t.Size}");
            }

            Assert.True(g.MinX <= t.Env.MinX - (t.Margin * t.Size) && g.MinX > t.Env.MinX - ((t.Margin + 1) * t.Size), $"west edge {g.MinX} for {t.Env}");
            Assert.True(g.MaxY >= t.Env.MaxY + (t.Margin * t.Size) && g.MaxY < t.Env.MaxY + ((t.Margin + 1) * t.Size), $"north edge {g.MaxY} for {t.Env}");
            Assert.True(g.MaxX >= t.Env.MaxX + (t.Margin * t.Size), $"east edge {g.MaxX} for {t.Env}");
            Assert.True(g.MinY <= t.Env.MinY - (t.Margin * t.Size), $"south edge {g.MinY} for {t.Env}");
            Assert.Equal(g.Extent, new Envelope(g.MinX, g.MaxX, g.MinY, g.MaxY));
        });
    }

    [Fact]
    public void Covering_a_negative_envelope_gives_the_expected_lattice_columns_and_rows()
    {
        GridSpec g = GridSpec.Covering("neg", new Envelope(-15_000, -5_000, -25_000, -12_000), 10_000, 0);
        Assert.Equal((-20_000d, 0d, -30_000d, -10_000d), (g.MinX, g.MaxX, g.MinY, g.MaxY));
        Assert.Equal((-2L, -2L, 2, 2), (g.WestColumn, g.NorthRow, g.Columns, g.Rows));
    }

    [Fact]
    public void Covering_locates_every_interior_point_of_the_envelope()
    {
        var gen =
            from x0 in Properties.Uniform(-1e6, 1e6)
            from y0 in Properties.Uniform(-1e6, 5e6)
            from w in Properties.Uniform(1, 2e5)
            from h in Properties.Uniform(1, 2e5)
            from fx in Properties.Uniform(0, 1)
            from fy in Properties.Uniform(0, 1)
            select (Env: new Envelope(x0, x0 + w, y0, y0 + h), X: x0 + (fx * w), Y: y0 + (fy * h));
        Properties.Check(gen, t =>
        {
            GridSpec g = GridSpec.Covering("p", t.Env, 10_000, 0);
            Assert.True(g.TryLocate(t.X, t.Y, out int i), $"({t.X:R}, {t.Y:R}) inside {t.Env} is outside grid x {g.MinX}..{g.MaxX}, y {g.MinY}..{g.MaxY}");
            Assert.True(g.CellEnvelope(i).Intersects(new Coordinate(t.X, t.Y)));
        });
    }

    [Theory]
    [InlineData(10_000, 40_000, 10_000, 30_000)] // every edge on the lattice
    [InlineData(15_000, 40_000, 15_000, 30_000)] // east and south edges on the lattice
    [InlineData(20_000, 20_000, 30_000, 30_000)] // a single point on a lattice corner
    public void Covering_with_no_margin_locates_all_four_corners_of_an_envelope_on_the_lattice(double minX, double maxX, double minY, double maxY)
    {
        var env = new Envelope(minX, maxX, minY, maxY);
        GridSpec g = GridSpec.Covering("edge", env, 10_000, 0);
        foreach (var (x, y) in new[] { (minX, minY), (minX, maxY), (maxX, minY), (maxX, maxY) })
        {
            Assert.True(g.TryLocate(x, y, out _), $"corner ({x}, {y}) of the covered envelope {env} is outside the covering grid (x {g.MinX}..{g.MaxX}, y {g.MinY}..{g.MaxY})");
        }
    }

    [Fact]
    public void Covering_rejects_an_empty_envelope_and_a_non_positive_cell_size()
    {
        Assert.Throws<ArgumentException>(() => GridSpec.Covering("e", new Envelope(), 10_000, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridSpec.Covering("e", new Envelope(0, 1, 0, 1), 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridSpec.Covering("e", new Envelope(0, 1, 0, 1), 10_000, -1));
    }

    [Fact]
    public void Index_ColumnOf_and_RowOf_round_trip_for_every_cell()
    {
        var gen = from cols in Gen.Choose(1, 60) from rows in Gen.Choose(1, 60) select (cols, rows);
        Properties.Check(gen, t =>
        {
            var g = new GridSpec("p", 10_000, -7, 3, t.cols, t.rows);
            for (int r = 0; r < t.rows; r++)
            {
                for (int c = 0; c < t.cols; c++)
                {
                    int i = g.Index(c, r);
                    Assert.Equal((r * t.cols) + c, i);
                    Assert.Equal((c, r), (g.ColumnOf(i), g.RowOf(i)));
                    Assert.True(g.TryLocate(g.CellCentre(i).X, g.CellCentre(i).Y, out int located) && located == i, $"centre of cell {i} located in {located}");
                }
            }
        });
    }

    [Fact]
    public void Index_throws_for_a_cell_outside_the_grid()
    {
        GridSpec g = TinyGeography.Grid;
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Index(5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Index(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Index(-1, 0));
    }

    [Fact]
    public void TryLocate_puts_points_on_west_and_north_edges_inside_and_on_east_and_south_edges_outside()
    {
        GridSpec g = TinyGeography.Grid; // x 940..990 km, y 3,960..4,000 km
        Assert.True(g.TryLocate(940_000, 4_000_000, out int nw));
        Assert.Equal(g.Index(0, 0), nw);
        Assert.False(g.TryLocate(990_000, 3_995_000, out int east));
        Assert.Equal(-1, east);
        Assert.False(g.TryLocate(945_000, 3_960_000, out _));
        Assert.True(g.TryLocate(989_999.999, 3_960_000.001, out int se));
        Assert.Equal(g.Index(4, 3), se);
        Assert.False(g.TryLocate(939_999.999, 3_995_000, out _));
        Assert.False(g.TryLocate(945_000, 4_000_000.001, out _));
        Assert.False(g.TryLocate(double.NaN, 3_995_000, out _));
        Assert.False(g.TryLocate(945_000, double.PositiveInfinity, out _));
    }

    [Fact]
    public void TryLocate_gives_a_point_on_an_inner_edge_to_the_cell_east_and_south_of_it()
    {
        GridSpec g = TinyGeography.Grid;
        Assert.True(g.TryLocate(950_000, 3_995_000, out int onVertical));
        Assert.Equal(g.Index(1, 0), onVertical);
        Assert.True(g.TryLocate(945_000, 3_990_000, out int onHorizontal));
        Assert.Equal(g.Index(0, 1), onHorizontal);
        Assert.True(g.TryLocate(950_000, 3_990_000, out int onCorner));
        Assert.Equal(g.Index(1, 1), onCorner);
    }

    [Fact]
    public void CellId_names_the_lattice_column_and_row_of_the_south_west_corner()
    {
        GridSpec g = TinyGeography.Grid;
        int i = g.Index(0, 0);
        Assert.Equal((940_000d, 3_990_000d), (g.CellEnvelope(i).MinX, g.CellEnvelope(i).MinY));
        Assert.Equal("E94N399", g.CellId(i));
        Assert.Equal("E98N396", g.CellId(g.Index(4, 3)));
        Assert.Equal("E-3N-2", new GridSpec("neg", 10_000, -3, -1, 2, 2).CellId(2));
    }

    [Fact]
    public void CellId_of_the_same_physical_cell_is_the_same_in_two_overlapping_grids()
    {
        var gen =
            from w1 in Gen.Choose(-50, 50)
            from n1 in Gen.Choose(-50, 50)
            from dw in Gen.Choose(-5, 5)
            from dn in Gen.Choose(-5, 5)
            from fx in Properties.Uniform(0.01, 0.99)
            from fy in Properties.Uniform(0.01, 0.99)
            select (W1: w1, N1: n1, W2: w1 + dw, N2: n1 + dn, Fx: fx, Fy: fy);
        Properties.Check(gen, t =>
        {
            var a = new GridSpec("a", 10_000, t.W1, t.N1, 12, 12);
            var b = new GridSpec("b", 10_000, t.W2, t.N2, 12, 12);
            Assert.True(a.SharesLatticeWith(b));
            Envelope overlap = a.Extent.Intersection(b.Extent);
            double x = overlap.MinX + (t.Fx * overlap.Width), y = overlap.MinY + (t.Fy * overlap.Height);
            Assert.True(a.TryLocate(x, y, out int ia) && b.TryLocate(x, y, out int ib), $"({x}, {y}) not in both grids");
            a.TryLocate(x, y, out ia);
            b.TryLocate(x, y, out ib);
            Assert.Equal(a.CellId(ia), b.CellId(ib));
            Assert.Equal(a.CellEnvelope(ia), b.CellEnvelope(ib));
        });
    }

    [Fact]
    public void GeoTransform_is_the_north_up_gdal_transform_from_the_north_west_corner()
    {
        GridSpec g = TinyGeography.Grid;
        Assert.Equal([940_000d, 10_000d, 0d, 4_000_000d, 0d, -10_000d], g.GeoTransform);

        // GDAL: X = gt0 + col × gt1 + row × gt2, Y = gt3 + col × gt4 + row × gt5 gives each cell's north-west corner.
        double[] gt = g.GeoTransform;
        for (int i = 0; i < g.CellCount; i++)
        {
            Envelope e = g.CellEnvelope(i);
            Assert.Equal(e.MinX, gt[0] + (g.ColumnOf(i) * gt[1]) + (g.RowOf(i) * gt[2]));
            Assert.Equal(e.MaxY, gt[3] + (g.ColumnOf(i) * gt[4]) + (g.RowOf(i) * gt[5]));
        }
    }

    [Fact]
    public void Cell_area_and_extent_follow_the_cell_size()
    {
        GridSpec g = TinyGeography.Grid;
        Assert.Equal(100, g.CellAreaKm2);
        Assert.Equal(20, g.CellCount);
        Assert.Equal(new Envelope(940_000, 990_000, 3_960_000, 4_000_000), g.Extent);
        Assert.Contains("Albers", g.CrsWkt, StringComparison.Ordinal);
        Assert.False(g.SharesLatticeWith(g with { CellSizeMetres = 5_000 }));
    }
}
