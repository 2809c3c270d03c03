using GridEmissions.Rendering.Native;

namespace GridEmissions.Rendering;

/// <summary>Paths, fills, strokes, clipping and the transform.</summary>
public sealed partial class Canvas
{
    /// <summary>Fills the whole page (within the clip) with a colour.</summary>
    public void Clear(Rgba colour)
    {
        SetColour(colour);
        CairoNative.Paint(Cr);
    }

    /// <summary>Sets the source colour for fills, strokes and text.</summary>
    public void SetColour(Rgba colour) =>
        CairoNative.SetSourceRgba(Cr, colour.R / 255.0, colour.G / 255.0, colour.B / 255.0, colour.A / 255.0);

    /// <summary>Sets the stroke width in points.</summary>
    public void SetLineWidth(double points) => CairoNative.SetLineWidth(Cr, points);

    /// <summary>Round joins and caps (boundaries look better) or the cairo defaults (miter, butt).</summary>
    public void SetRoundJoins(bool round)
    {
        CairoNative.SetLineJoin(Cr, round ? CairoLineJoin.Round : CairoLineJoin.Miter);
        CairoNative.SetLineCap(Cr, round ? CairoLineCap.Round : CairoLineCap.Butt);
    }

    /// <summary>Sets a dash pattern in points (on, off, …); an empty pattern draws solid lines.</summary>
    public unsafe void SetDash(params ReadOnlySpan<double> pattern)
    {
        fixed (double* p = pattern)
        {
            CairoNative.SetDash(Cr, p, pattern.Length, 0);
        }
    }

    /// <summary>Starts a new, empty path.</summary>
    public void NewPath() => CairoNative.NewPath(Cr);

    /// <summary>Begins a sub-path at a point.</summary>
    public void MoveTo(double x, double y) => CairoNative.MoveTo(Cr, x, y);

    /// <summary>Adds a line to a point.</summary>
    public void LineTo(double x, double y) => CairoNative.LineTo(Cr, x, y);

    /// <summary>Closes the current sub-path.</summary>
    public void ClosePath() => CairoNative.ClosePath(Cr);

    /// <summary>Adds a rectangle sub-path.</summary>
    public void Rectangle(double x, double y, double width, double height) => CairoNative.Rectangle(Cr, x, y, width, height);

    /// <summary>Adds a rectangle sub-path.</summary>
    public void Rectangle(PageRect rect) => CairoNative.Rectangle(Cr, rect.X, rect.Y, rect.Width, rect.Height);

    /// <summary>Adds a circular arc (angles in radians, clockwise on the page) as a new sub-path.</summary>
    public void Arc(double centreX, double centreY, double radius, double startRadians, double endRadians)
    {
        CairoNative.NewSubPath(Cr);
        CairoNative.Arc(Cr, centreX, centreY, radius, startRadians, endRadians);
    }

    /// <summary>Fills the path with the even-odd rule (polygon holes stay empty whatever the ring orientation) and clears it.</summary>
    public void Fill(bool preserve = false)
    {
        CairoNative.SetFillRule(Cr, CairoFillRule.EvenOdd);
        if (preserve)
        {
            CairoNative.FillPreserve(Cr);
        }
        else
        {
            CairoNative.Fill(Cr);
        }
    }

    /// <summary>Strokes the path and clears it (or keeps it with <paramref name="preserve"/>).</summary>
    public void Stroke(bool preserve = false)
    {
        if (preserve)
        {
            CairoNative.StrokePreserve(Cr);
        }
        else
        {
            CairoNative.Stroke(Cr);
        }
    }

    /// <summary>Intersects the clip with the current path (even-odd) and clears the path.</summary>
    public void Clip()
    {
        CairoNative.SetFillRule(Cr, CairoFillRule.EvenOdd);
        CairoNative.Clip(Cr);
    }

    /// <summary>Saves the graphics state (clip, transform, source, line style); dispose the result to restore it.</summary>
    public StateScope Save()
    {
        CairoNative.Save(Cr);
        return new StateScope(this);
    }

    /// <summary>Moves the origin.</summary>
    public void Translate(double dx, double dy) => CairoNative.Translate(Cr, dx, dy);

    /// <summary>Scales the user space.</summary>
    public void Scale(double sx, double sy) => CairoNative.Scale(Cr, sx, sy);

    /// <summary>Rotates the user space (radians, clockwise on the page).</summary>
    public void Rotate(double radians) => CairoNative.Rotate(Cr, radians);

    private nint Cr
    {
        get
        {
            ObjectDisposedException.ThrowIf(cr == 0, this);
            return cr;
        }
    }

    private void Restore() => CairoNative.Restore(Cr);

    /// <summary>Restores the graphics state saved by <see cref="Save"/> when disposed.</summary>
    public readonly struct StateScope : IDisposable
    {
        private readonly Canvas canvas;

        internal StateScope(Canvas canvas) => this.canvas = canvas;

        /// <summary>Restores the saved state.</summary>
        public void Dispose() => canvas?.Restore();
    }
}
