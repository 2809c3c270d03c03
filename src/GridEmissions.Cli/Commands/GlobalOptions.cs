using System.CommandLine;

namespace GridEmissions.Cli.Commands;

/// <summary>Options every command takes.</summary>
public static class GlobalOptions
{
    /// <summary>--quiet: only results and errors.</summary>
    public static Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only results and errors (no progress).", Recursive = true };

    /// <summary>--log-json: progress and messages as JSON lines on standard error.</summary>
    public static Option<bool> LogJson { get; } = new("--log-json") { Description = "Write progress and messages as one JSON object per line on standard error (for pipelines).", Recursive = true };

    /// <summary>The reporter the options ask for.</summary>
    public static ConsoleReporter Reporter(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new ConsoleReporter(parse.GetValue(Quiet), parse.GetValue(LogJson));
    }
}
