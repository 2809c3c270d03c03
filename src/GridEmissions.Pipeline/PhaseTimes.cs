using System.Diagnostics;
using System.Globalization;

namespace GridEmissions.Pipeline;

/// <summary>
/// Where a run's time goes, for benchmarks: with the environment variable <c>GRIDEM_PHASE_TIMES=1</c> each
/// phase boundary prints "phase NAME SECONDS" (seconds since the process started) on standard error.
/// Nothing is printed otherwise, and no output file ever holds a time (outputs stay byte-identical).
/// </summary>
public static class PhaseTimes
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("GRIDEM_PHASE_TIMES") == "1";

    /// <summary>Marks the end of phase <paramref name="name"/>.</summary>
    public static void Mark(string name)
    {
        if (Enabled)
        {
            double seconds = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase {name} {seconds:0.000}"));
        }
    }
}
