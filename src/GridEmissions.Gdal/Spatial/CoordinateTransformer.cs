using GridEmissions.Gdal.Native;
using NetTopologySuite.Geometries;

namespace GridEmissions.Gdal;

/// <summary>
/// Transforms coordinates between two CRSs with PROJ (through OSR), x/y in traditional GIS
/// order. Not thread-safe: use one instance per thread.
/// </summary>
public sealed class CoordinateTransformer : IDisposable
{
    private nint _handle;

    private CoordinateTransformer(nint handle, string sourceName, string targetName)
    {
        _handle = handle;
        SourceName = sourceName;
        TargetName = targetName;
    }

    ~CoordinateTransformer() => Release();

    /// <summary>Name of the source CRS.</summary>
    public string SourceName { get; }

    /// <summary>Name of the target CRS.</summary>
    public string TargetName { get; }

    internal nint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(CoordinateTransformer));

    /// <summary>Creates a transformation from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static CoordinateTransformer Create(SpatialReference from, SpatialReference to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        GdalErrors.Reset();
        nint h = GdalNative.OCTNewCoordinateTransformation(from.Handle, to.Handle);
        return h != 0
            ? new CoordinateTransformer(h, from.Name, to.Name)
            : throw new GdalException($"no transformation from '{from.Name}' to '{to.Name}': {GdalErrors.LastMessage()}");
    }

    /// <summary>Transforms the points in place; throws naming the first point that fails.</summary>
    public unsafe void Transform(double[] xs, double[] ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        if (xs.Length != ys.Length)
        {
            throw new ArgumentException($"xs has {xs.Length} values but ys has {ys.Length}", nameof(ys));
        }

        if (xs.Length == 0)
        {
            return;
        }

        var ok = new int[xs.Length];
        double[] x0 = (double[])xs.Clone(), y0 = (double[])ys.Clone();
        GdalErrors.Reset();
        fixed (double* px = xs, py = ys)
        fixed (int* pok = ok)
        {
            GdalNative.OCTTransformEx(Handle, xs.Length, px, py, null, pok);
        }

        int bad = Array.IndexOf(ok, 0);
        if (bad >= 0)
        {
            int failures = ok.Count(s => s == 0);
            throw new GdalException(
                $"{failures} of {xs.Length} points could not be transformed from '{SourceName}' to '{TargetName}'; " +
                $"the first is ({x0[bad]}, {y0[bad]}): {GdalErrors.LastMessage()}");
        }
    }

    /// <summary>Transforms one point.</summary>
    public (double X, double Y) Transform(double x, double y)
    {
        double[] xs = [x], ys = [y];
        Transform(xs, ys);
        return (xs[0], ys[0]);
    }

    /// <summary>Returns a transformed copy of the geometry (the input is not changed).</summary>
    public Geometry Transform(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        Geometry copy = geometry.Copy();
        Coordinate[] coordinates = copy.Coordinates;
        if (coordinates.Length == 0)
        {
            return copy;
        }

        var filter = new TransformFilter(this);
        copy.Apply(filter);
        copy.GeometryChanged();
        return copy;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private void Release()
    {
        nint h = Interlocked.Exchange(ref _handle, 0);
        if (h != 0)
        {
            GdalNative.OCTDestroyCoordinateTransformation(h);
        }
    }

    /// <summary>Transforms each coordinate sequence in one native call.</summary>
    private sealed class TransformFilter(CoordinateTransformer owner) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            var xs = new double[seq.Count];
            var ys = new double[seq.Count];
            for (int i = 0; i < seq.Count; i++)
            {
                xs[i] = seq.GetX(i);
                ys[i] = seq.GetY(i);
            }

            owner.Transform(xs, ys);
            for (int i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, xs[i]);
                seq.SetY(i, ys[i]);
            }
        }
    }
}
