using System.Globalization;
using GridEmissions.Core.Grids;

namespace GridEmissions.Gdal;

/// <summary>
/// Checks that a user's raster lies on a scenario grid: same CRS, same cell size, north-up,
/// cell corners on the grid lattice, and covering the grid's extent. Every problem is returned
/// (naming the file and how to fix it) so the caller can report them together.
/// </summary>
public static class RasterGridCheck
{
    /// <summary>The problems found; empty when the raster can be read cell for cell onto <paramref name="grid"/>.</summary>
    public static IReadOnlyList<string> Check(RasterDataset raster, GridSpec grid)
    {
        ArgumentNullException.ThrowIfNull(raster);
        ArgumentNullException.ThrowIfNull(grid);
        var problems = new List<string>();
        const string SumWhy = "-r sum, GDAL 3.1 or later, adds up the tonnes of the source cells falling in each grid cell, so the total is conserved; the default nearest neighbour or bilinear resampling of a t/cell grid would gain or lose mass";
        string cell = grid.CellSizeMetres.ToString("R", CultureInfo.InvariantCulture);
        string fix = $"reproject with gdalwarp -t_srs '{ChinaAlbers.Proj4}' -tr {cell} {cell} -tap -r sum \"{raster.Path}\" aligned.tif ({SumWhy})";

        string wkt = raster.CrsWkt;
        if (string.IsNullOrWhiteSpace(wkt))
        {
            problems.Add($"{raster.Path}: has no CRS; the grid '{grid.Name}' is on {ChinaAlbers.Name}. If it is already on that grid, assign it with gdal_edit.py -a_srs '{ChinaAlbers.Proj4}'; otherwise {fix}");
        }
        else
        {
            using var crs = SpatialReference.FromWkt(wkt);
            using var albers = SpatialReference.ChinaAlbersGrid();
            if (!crs.IsSame(albers))
            {
                problems.Add($"{raster.Path}: CRS is '{crs.Name}', not the grid's {ChinaAlbers.Name}; {fix}");
                return problems; // sizes and offsets in another CRS mean nothing on the grid
            }
        }

        if (!raster.HasGeoTransform)
        {
            problems.Add($"{raster.Path}: has no georeferencing (geotransform); {fix}");
            return problems;
        }

        double[] gt = raster.GeoTransform;
        if (gt[2] != 0 || gt[4] != 0)
        {
            problems.Add($"{raster.Path}: is rotated or sheared (geotransform terms {F(gt[2])}, {F(gt[4])}); {fix}");
            return problems;
        }

        double tolerance = grid.CellSizeMetres * 1e-6;
        if (Math.Abs(gt[1] - grid.CellSizeMetres) > tolerance || Math.Abs(-gt[5] - grid.CellSizeMetres) > tolerance)
        {
            problems.Add($"{raster.Path}: cells are {F(gt[1])} x {F(-gt[5])} m, the grid's are {cell} x {cell} m{(gt[5] > 0 ? " (and it is stored south-up)" : string.Empty)}; {fix}");
            return problems;
        }

        if (!OnLattice(gt[0], grid.CellSizeMetres, tolerance) || !OnLattice(gt[3], grid.CellSizeMetres, tolerance))
        {
            problems.Add($"{raster.Path}: its north-west corner ({F(gt[0])}, {F(gt[3])}) is not on the {cell} m lattice, so its cells straddle the grid's; {fix}");
        }

        double minX = gt[0], maxY = gt[3], maxX = gt[0] + raster.Width * gt[1], minY = gt[3] + raster.Height * gt[5];
        if (minX > grid.MinX + tolerance || maxX < grid.MaxX - tolerance || minY > grid.MinY + tolerance || maxY < grid.MaxY - tolerance)
        {
            problems.Add($"{raster.Path}: covers x {F(minX)}..{F(maxX)}, y {F(minY)}..{F(maxY)} but the grid '{grid.Name}' needs x {F(grid.MinX)}..{F(grid.MaxX)}, y {F(grid.MinY)}..{F(grid.MaxY)}; " +
                $"provide a raster covering the grid (e.g. gdalwarp -te {F(grid.MinX)} {F(grid.MinY)} {F(grid.MaxX)} {F(grid.MaxY)} -tr {cell} {cell} -r sum; {SumWhy})");
        }

        return problems;
    }

    private static bool OnLattice(double value, double cell, double tolerance) =>
        Math.Abs(value - Math.Round(value / cell) * cell) <= tolerance;

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
