using GridEmissions.Core.Grids;
using GridEmissions.Core.Proxies.Regridding;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// The conservative regrid of a run's China Albers grid onto a regular WGS84 lon/lat grid: the
/// lon/lat grid covering the run grid's extent, each lon/lat cell's outline transformed (edges
/// densified) into the Albers CRS through OSR, and the exact-overlap weights of
/// <see cref="OverlapMatrix"/>.
/// </summary>
public sealed class LonLatRegrid
{
    /// <summary>Largest allowed shortfall of a region cell's coverage by the lon/lat cells (the lattice must cover every cell with region area).</summary>
    public const double CoverageTolerance = 1e-9;

    private LonLatRegrid(LonLatGrid target, OverlapMatrix matrix, double[] cellArea, double[] regionFraction)
    {
        Target = target;
        Matrix = matrix;
        CellArea = cellArea;
        RegionFraction = regionFraction;
    }

    /// <summary>The lon/lat grid.</summary>
    public LonLatGrid Target { get; }

    /// <summary>The overlap weights from the run grid to <see cref="Target"/>.</summary>
    public OverlapMatrix Matrix { get; }

    /// <summary>Area of each lon/lat cell on the WGS84 ellipsoid (m², row-major from the south).</summary>
    public double[] CellArea { get; }

    /// <summary>Per lon/lat cell: the area-weighted mean region fraction of the run cells it overlaps (0: no region area; nodata).</summary>
    public double[] RegionFraction { get; }

    /// <summary>Pieces each lon/lat cell edge is cut into before transforming: about one per 0.025° (parallels are arcs in Albers).</summary>
    public static int DensifyFor(double resolution) => Math.Clamp((int)Math.Ceiling(resolution / 0.025 - 1e-9), 1, 64);

    /// <summary>Builds the regrid of <paramref name="mask"/>'s grid at <paramref name="resolution"/> degrees; throws when some region cell is not fully covered.</summary>
    public static LonLatRegrid Build(RegionMask mask, double resolution)
    {
        ArgumentNullException.ThrowIfNull(mask);
        GridSpec grid = mask.Grid;
        var (lonMin, lonMax, latMin, latMax) = OutputMetadata.LonLatExtent(grid);
        LonLatGrid target = LonLatGrid.Covering(lonMin, lonMax, latMin, latMax, resolution);
        int d = DensifyFor(resolution);
        int nodeColumns = (target.Columns * d) + 1, nodeRows = (target.Rows * d) + 1;
        var xs = new double[(long)nodeColumns * nodeRows];
        var ys = new double[xs.Length];
        for (int r = 0; r < nodeRows; r++)
        {
            double lat = target.LatEdge(r / d) + (r % d * resolution / d);
            for (int c = 0; c < nodeColumns; c++)
            {
                long k = ((long)r * nodeColumns) + c;
                xs[k] = target.LonEdge(c / d) + (c % d * resolution / d);
                ys[k] = lat;
            }
        }

        using (var wgs84 = SpatialReference.Wgs84())
        using (var albers = SpatialReference.ChinaAlbersGrid())
        using (var toAlbers = CoordinateTransformer.Create(wgs84, albers))
        {
            toAlbers.Transform(xs, ys);
        }

        OverlapMatrix matrix = OverlapMatrix.Build(grid, target.Columns, target.Rows, d, xs, ys);
        for (int i = 0; i < grid.CellCount; i++)
        {
            if (mask.IsInside(i) && Math.Abs(matrix.CoveredFraction[i] - 1) > CoverageTolerance)
            {
                throw new InvalidOperationException(FormattableString.Invariant(
                    $"the {resolution}° lon/lat grid covers {matrix.CoveredFraction[i]:R} of run cell {grid.CellId(i)} instead of all of it; the regrid would not conserve mass"));
            }
        }

        return new LonLatRegrid(target, matrix, target.CellAreas(), matrix.MeanOf(mask.RegionFraction));
    }
}
