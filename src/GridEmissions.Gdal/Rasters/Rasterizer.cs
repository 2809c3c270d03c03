using GridEmissions.Core.Grids;
using GridEmissions.Gdal.Native;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GridEmissions.Gdal;

/// <summary>
/// Burns geometries into a grid with GDAL's rasteriser (all-or-nothing cells: a cell takes a
/// geometry's value when its centre is inside, or with <c>allTouched</c> when the geometry
/// touches it at all). Later geometries overwrite earlier ones. For exact coverage fractions
/// use polygon–cell intersection instead.
/// </summary>
public static class Rasterizer
{
    /// <summary>Returns a row-major grid (0 where nothing is burnt) with each geometry's burn value.</summary>
    public static unsafe double[] Rasterize(GridSpec grid, IReadOnlyList<Geometry> geometriesInGridCrs, IReadOnlyList<double> burnValues, bool allTouched)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(geometriesInGridCrs);
        ArgumentNullException.ThrowIfNull(burnValues);
        if (geometriesInGridCrs.Count != burnValues.Count)
        {
            throw new ArgumentException($"{geometriesInGridCrs.Count} geometries but {burnValues.Count} burn values", nameof(burnValues));
        }

        using var memory = DatasetHandle.Create("MEM", string.Empty, grid.Columns, grid.Rows, 1, GdalNative.GDT_Float64);
        double[] geoTransform = grid.GeoTransform;
        fixed (double* gt = geoTransform)
        {
            GdalNative.GDALSetGeoTransform(memory.Handle, gt);
        }

        GdalNative.GDALSetProjection(memory.Handle, grid.CrsWkt);
        var writer = new WKBWriter();
        var handles = new nint[geometriesInGridCrs.Count];
        try
        {
            for (int i = 0; i < handles.Length; i++)
            {
                ArgumentNullException.ThrowIfNull(geometriesInGridCrs[i], nameof(geometriesInGridCrs));
                handles[i] = OgrGeometry.FromNts(geometriesInGridCrs[i], writer);
            }

            double[] burns = burnValues.ToArray();
            int band = 1;
            using var options = new Utf8StringList(allTouched ? ["ALL_TOUCHED=TRUE"] : []);
            GdalErrors.Reset();
            fixed (nint* g = handles)
            fixed (double* b = burns)
            {
                if (handles.Length > 0 &&
                    GdalNative.GDALRasterizeGeometries(memory.Handle, 1, &band, handles.Length, g, 0, 0, b, options.Pointer, 0, 0) != GdalNative.CE_None)
                {
                    throw GdalException.FromLastError($"rasterising {handles.Length} geometries onto grid", grid.Name);
                }
            }
        }
        finally
        {
            foreach (nint h in handles.Where(h => h != 0))
            {
                GdalNative.OGR_G_DestroyGeometry(h);
            }
        }

        var values = new double[grid.CellCount];
        fixed (double* p = values)
        {
            nint b = GdalNative.GDALGetRasterBand(memory.Handle, 1);
            if (GdalNative.GDALRasterIO(b, GdalNative.GF_Read, 0, 0, grid.Columns, grid.Rows, p, grid.Columns, grid.Rows, GdalNative.GDT_Float64, 0, 0) != GdalNative.CE_None)
            {
                throw GdalException.FromLastError("reading the rasterised grid", grid.Name);
            }
        }

        return values;
    }
}
