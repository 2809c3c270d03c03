using SkiaSharp;

namespace GridEmissions.Rendering;

/// <summary>Paths, fills, strokes, clipping and the transform.</summary>
public sealed partial class Canvas
{
    private readonly SKPathBuilder path = new();
    private bool hasCurrentPoint;

    /// <summary>Fills the whole page (within the clip) with a colour.</summary>
    public void Clear(Rgba colour)
    {
        SetColour(colour);
        using SKPaint paint = Paint(SKPaintStyle.Fill);
        Sk.DrawPaint(paint);
    }

    /// <summary>Sets the colour for fills, strokes and text.</summary>
    public void SetColour(Rgba colour) => state = state with { Colour = colour };

    /// <summary>Sets the stroke width in points.</summary>
    public void SetLineWidth(double points) => state = state with { LineWidth = points };

    /// <summary>Round joins and caps (boundaries look better) or miter joins with butt caps.</summary>
    public void SetRoundJoins(bool round) => state = state with { RoundJoins = round };

    /// <summary>Sets a dash pattern in points (on, off, …); an empty pattern draws solid lines.</summary>
    public void SetDash(params ReadOnlySpan<double> pattern)
    {
        float[] dash = new float[pattern.Length % 2 == 1 ? pattern.Length * 2 : pattern.Length];
        for (int i = 0; i < dash.Length; i++)
        {
            dash[i] = (float)pattern[i % pattern.Length]; // an odd pattern repeats, as in PostScript
        }

        state = state with { Dash = dash };
    }

    /// <summary>Starts a new, empty path.</summary>
    public void NewPath()
    {
        path.Reset();
        hasCurrentPoint = false;
    }

    /// <summary>Begins a sub-path at a point.</summary>
    public void MoveTo(double x, double y)
    {
        path.MoveTo((float)x, (float)y);
        hasCurrentPoint = true;
    }

    /// <summary>Adds a line to a point (starts a sub-path there when there is no current point).</summary>
    public void LineTo(double x, double y)
    {
        if (!hasCurrentPoint)
        {
            MoveTo(x, y);
            return;
        }

        path.LineTo((float)x, (float)y);
    }

    /// <summary>Closes the current sub-path.</summary>
    public void ClosePath() => path.Close();

    /// <summary>Adds a rectangle sub-path.</summary>
    public void Rectangle(double x, double y, double width, double height) =>
        path.AddRect(SKRect.Create((float)x, (float)y, (float)width, (float)height), SKPathDirection.Clockwise);

    /// <summary>Adds a rectangle sub-path.</summary>
    public void Rectangle(PageRect rect) => Rectangle(rect.X, rect.Y, rect.Width, rect.Height);

    /// <summary>Adds a circular arc (angles in radians, clockwise on the page) as a new sub-path.</summary>
    public void Arc(double centreX, double centreY, double radius, double startRadians, double endRadians)
    {
        double sweep = endRadians - startRadians;
        while (sweep < 0)
        {
            sweep += 2 * Math.PI;
        }

        SKRect oval = SKRect.Create((float)(centreX - radius), (float)(centreY - radius), (float)(2 * radius), (float)(2 * radius));
        if (sweep >= 2 * Math.PI - 1e-9)
        {
            path.AddOval(oval, SKPathDirection.Clockwise);
        }
        else
        {
            path.ArcTo(oval, (float)(startRadians * 180 / Math.PI), (float)(sweep * 180 / Math.PI), true);
        }

        hasCurrentPoint = true;
    }

    /// <summary>Fills the path with the even-odd rule (polygon holes stay empty whatever the ring orientation) and clears it.</summary>
    public void Fill(bool preserve = false)
    {
        using SKPath p = CurrentPath(SKPathFillType.EvenOdd);
        using SKPaint paint = Paint(SKPaintStyle.Fill);
        Sk.DrawPath(p, paint);
        if (!preserve)
        {
            NewPath();
        }
    }

    /// <summary>Strokes the path and clears it (or keeps it with <paramref name="preserve"/>).</summary>
    public void Stroke(bool preserve = false)
    {
        using SKPath p = CurrentPath(SKPathFillType.Winding);
        using SKPaint paint = Paint(SKPaintStyle.Stroke);
        Sk.DrawPath(p, paint);
        if (!preserve)
        {
            NewPath();
        }
    }

    /// <summary>Intersects the clip with the current path (even-odd) and clears the path.</summary>
    public void Clip()
    {
        using SKPath p = CurrentPath(SKPathFillType.EvenOdd);
        Sk.ClipPath(p, SKClipOperation.Intersect, antialias: true);
        NewPath();
    }

    /// <summary>Saves the graphics state (clip, transform, colour, line style, font); dispose the result to restore it.</summary>
    public StateScope Save()
    {
        Sk.Save();
        saved.Push(state);
        return new StateScope(this);
    }

    /// <summary>Moves the origin.</summary>
    public void Translate(double dx, double dy) => Sk.Translate((float)dx, (float)dy);

    /// <summary>Scales the user space.</summary>
    public void Scale(double sx, double sy) => Sk.Scale((float)sx, (float)sy);

    /// <summary>Rotates the user space (radians, clockwise on the page).</summary>
    public void Rotate(double radians) => Sk.RotateRadians((float)radians);

    private SKPath CurrentPath(SKPathFillType fill)
    {
        path.FillType = fill;
        return path.Snapshot();
    }

    private SKPaint Paint(SKPaintStyle style)
    {
        Rgba c = state.Colour;
        var paint = new SKPaint
        {
            Color = new SKColor(c.R, c.G, c.B, c.A),
            IsAntialias = true,
            Style = style,
        };
        if (style == SKPaintStyle.Stroke)
        {
            paint.StrokeWidth = (float)state.LineWidth;
            paint.StrokeMiter = 10;
            paint.StrokeJoin = state.RoundJoins ? SKStrokeJoin.Round : SKStrokeJoin.Miter;
            paint.StrokeCap = state.RoundJoins ? SKStrokeCap.Round : SKStrokeCap.Butt;
            if (state.Dash.Length > 0)
            {
                paint.PathEffect = SKPathEffect.CreateDash(state.Dash, 0);
            }
        }

        return paint;
    }

    private void Restore()
    {
        Sk.Restore();
        state = saved.Pop();
    }

    /// <summary>Restores the graphics state saved by <see cref="Save"/> when disposed.</summary>
    public readonly struct StateScope : IDisposable
    {
        private readonly Canvas canvas;

        internal StateScope(Canvas canvas) => this.canvas = canvas;

        /// <summary>Restores the saved state.</summary>
        public void Dispose() => canvas?.Restore();
    }
}
