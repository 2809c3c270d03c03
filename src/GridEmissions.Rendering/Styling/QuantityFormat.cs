using System.Globalization;

namespace GridEmissions.Rendering;

/// <summary>Short, invariant-culture labels for quantities of CO2 (t, kt, Mt) and plain numbers.</summary>
public static class QuantityFormat
{
    /// <summary>Tonnes with the largest unit that keeps the number ≥ 1: 1,000 t → "1 kt", 2.5e6 t → "2.5 Mt".</summary>
    public static string Tonnes(double tonnes)
    {
        double a = Math.Abs(tonnes);
        return a >= 1e6 ? $"{Number(tonnes / 1e6)} Mt"
            : a >= 1e3 ? $"{Number(tonnes / 1e3)} kt"
            : $"{Number(tonnes)} t";
    }

    /// <summary>A number with up to three significant digits and no trailing zeros; thousands separated.</summary>
    public static string Number(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        double a = Math.Abs(value);
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : Math.Min(6, 2 - (int)Math.Floor(Math.Log10(a)));
        double rounded = Math.Round(value, decimals);
        return rounded.ToString(a >= 1000 ? "#,0" : "0.######", CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal);
    }
}
