using GridEmissions.Cli.Commands;

namespace GridEmissions.Cli;

/// <summary>Entry point of `gridem`.</summary>
public static class Program
{
    /// <summary>Runs the command line; exit codes: 0 ok, 1 user/input error, 2 internal error.</summary>
    public static int Main(string[] args) => CommandLine.Build().Parse(args).Invoke();
}
