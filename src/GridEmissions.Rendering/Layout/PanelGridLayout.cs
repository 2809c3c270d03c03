namespace GridEmissions.Rendering;

/// <summary>
/// A rows × columns grid of equal map panels inside an area, with a header band for column titles
/// and a left band for row titles. Equal panels plus one world extent give every panel the same
/// scale, so the same colour and the same size mean the same thing across panels.
/// </summary>
/// <param name="Panels">Panel rectangles, row-major.</param>
/// <param name="Rows">Row count.</param>
/// <param name="Columns">Column count.</param>
/// <param name="RowTitleX">Right edge of the row-title band.</param>
/// <param name="HeaderBaseline">Baseline of the column titles.</param>
public sealed record PanelGridLayout(IReadOnlyList<PageRect> Panels, int Rows, int Columns, double RowTitleX, double HeaderBaseline)
{
    /// <summary>Gap between panels, points.</summary>
    public const double Gap = 6;

    /// <summary>Lays out the panels in <paramref name="area"/>.</summary>
    public static PanelGridLayout Compute(PageRect area, int rows, int columns, double rowTitleWidth, double headerHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        double w = (area.Width - rowTitleWidth - Gap * (columns - 1)) / columns;
        double h = (area.Height - headerHeight - Gap * (rows - 1)) / rows;
        if (w <= 10 || h <= 10)
        {
            throw new ArgumentException($"{rows} x {columns} panels do not fit in {area.Width:0} x {area.Height:0} pt");
        }

        var panels = new List<PageRect>(rows * columns);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                panels.Add(new PageRect(area.X + rowTitleWidth + c * (w + Gap), area.Y + headerHeight + r * (h + Gap), w, h));
            }
        }

        return new PanelGridLayout(panels, rows, columns, area.X + rowTitleWidth - 6, area.Y + headerHeight - 4);
    }
}
