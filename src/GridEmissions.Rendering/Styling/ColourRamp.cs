namespace GridEmissions.Rendering;

/// <summary>Evenly spaced colour stops, sampled by linear interpolation in sRGB between neighbouring stops.</summary>
public sealed class ColourRamp
{
    private readonly Rgba[] stops;

    /// <summary>Creates a ramp from at least two stops.</summary>
    public ColourRamp(IReadOnlyList<Rgba> stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        if (stops.Count < 2)
        {
            throw new ArgumentException("a ramp needs at least two colour stops", nameof(stops));
        }

        this.stops = [.. stops];
    }

    /// <summary>The colour at <paramref name="t"/> ∈ [0, 1] (clamped).</summary>
    public Rgba At(double t)
    {
        double x = Math.Clamp(double.IsNaN(t) ? 0 : t, 0, 1) * (stops.Length - 1);
        int i = Math.Min((int)Math.Floor(x), stops.Length - 2);
        double f = x - i;
        Rgba a = stops[i], b = stops[i + 1];
        byte Mix(byte p, byte q) => (byte)Math.Round(p + (q - p) * f);
        return new Rgba(Mix(a.R, b.R), Mix(a.G, b.G), Mix(a.B, b.B), Mix(a.A, b.A));
    }

    /// <summary><paramref name="count"/> colours from end to end (the stops themselves when the count matches).</summary>
    public IReadOnlyList<Rgba> Sample(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return count == 1 ? [At(0.5)] : [.. Enumerable.Range(0, count).Select(i => At(i / (double)(count - 1)))];
    }
}
