using GridEmissions.Core.Grids;

namespace GridEmissions.Rendering;

/// <summary>Draws a grid as an image, one pixel per cell in GridSpec's row-major order (row 0 at the top = north), scaled with nearest-neighbour.</summary>
internal static class GridRaster
{
    internal static void Draw(Canvas canvas, MapViewport viewport, GridSpec grid, Func<int, Rgba> colourOfCell)
    {
        var pixels = new Rgba[grid.CellCount];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = colourOfCell(i);
        }

        canvas.DrawPixels(grid.Columns, grid.Rows, pixels, viewport.ToPage(grid.Extent));
    }
}
