namespace GridEmissions.Cli.Tests.Commands.Faults;

/// <summary>A point of a run defined by its own progress (a line on standard error) plus a short delay after it.</summary>
public sealed record KillPoint(string Description, Func<LogLine, bool> Reached, int DelayMs)
{
    /// <summary>The steps a run reports after its years, in order (matched in the messages of <c>--log-json</c>).</summary>
    private static readonly string[][] Steps =
    [
        ["allocated and audited", "city totals written", "hotspots written"],
        ["maps drawn", "layers written"],
        ["QGIS styles written", "report.html written"],
    ];

    /// <summary>A year of the projection allocated (1 = the base year).</summary>
    public static KillPoint Year(int done, int delayMs) =>
        new(FormattableString.Invariant($"year {done} allocated + {delayMs} ms"), l => l.Level == "progress" && l.Done == done, delayMs);

    /// <summary>A step of the run reported done.</summary>
    public static KillPoint Step(string message, int delayMs) =>
        new(FormattableString.Invariant($"'{message}' + {delayMs} ms"), l => l.Level == "info" && l.Message.Contains(message, StringComparison.Ordinal), delayMs);

    /// <summary>
    /// Five points spread over a run, drawn from <paramref name="seed"/>: an early year, a late year, one point in
    /// each later phase (analysis, maps and layers, the last files before the commit); each with 0-250 ms after it.
    /// </summary>
    public static IReadOnlyList<KillPoint> Draw(int seed)
    {
        var rng = new Random(seed);
        var points = new List<KillPoint>
        {
            Year(rng.Next(1, 6), rng.Next(0, 250)),
            Year(rng.Next(20, 38), rng.Next(0, 250)),
        };
        foreach (string[] phase in Steps)
        {
            points.Add(Step(phase[rng.Next(phase.Length)], rng.Next(0, 250)));
        }

        return points;
    }

    public override string ToString() => Description;
}
