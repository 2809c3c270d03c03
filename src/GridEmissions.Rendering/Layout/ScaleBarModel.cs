namespace GridEmissions.Rendering;

/// <summary>
/// A scale bar of a nice round length (1, 2 or 5 × 10ⁿ km) no longer than the space allowed,
/// split into equal segments.
/// </summary>
/// <param name="LengthKm">Ground length of the whole bar.</param>
/// <param name="WidthPoints">Page length of the whole bar.</param>
/// <param name="Segments">Number of alternating segments.</param>
public sealed record ScaleBarModel(double LengthKm, double WidthPoints, int Segments)
{
    /// <summary>The longest nice bar that fits in <paramref name="maxWidthPoints"/> at the map scale.</summary>
    public static ScaleBarModel Choose(double metresPerPoint, double maxWidthPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(metresPerPoint);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWidthPoints);
        double maxKm = maxWidthPoints * metresPerPoint / 1000;
        double pow = Math.Pow(10, Math.Floor(Math.Log10(maxKm)));
        double km = pow;
        foreach (double m in new[] { 5.0, 2.0, 1.0 })
        {
            if (m * pow <= maxKm)
            {
                km = m * pow;
                break;
            }
        }

        double lead = km / Math.Pow(10, Math.Floor(Math.Log10(km) + 1e-9));
        int segments = Math.Abs(lead - 2) < 1e-9 ? 4 : Math.Abs(lead - 5) < 1e-9 ? 5 : 4;
        return new ScaleBarModel(km, km * 1000 / metresPerPoint, segments);
    }

    /// <summary>Label of the bar's end, e.g. "100 km".</summary>
    public string Label => $"{QuantityFormat.Number(LengthKm)} km";
}
