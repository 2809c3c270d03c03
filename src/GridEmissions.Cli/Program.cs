using System.CommandLine;
using GridEmissions.Cli.Commands;
using GridEmissions.Pipeline;

namespace GridEmissions.Cli;

/// <summary>Entry point of `gridem`.</summary>
public static class Program
{
    /// <summary>Runs the command line; exit codes: 0 ok, 1 problem in the inputs, 2 internal error, 130/143 stopped by SIGINT/SIGTERM.</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool json = args.Contains("--log-json", StringComparer.Ordinal);
        Termination.Install(message => Signalled(message, json));
        int code = Run(args);

        // A signal during the last step: its handler ends the process with 130/143, not this return.
        Termination.AwaitExitIfStopping();
        if (code != ExitCodes.Ok)
        {
            // A failed run may leave a native library in a broken state (HDF5 after a NetCDF close failed on a full disk): exit without its handlers.
            GridEmissions.Gdal.Native.ProcessExit.SkippingNativeHandlers(code);
        }

        return code;
    }

    /// <summary>Runs the command line in this process (no signal handlers): what tests call.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool json = args.Contains("--log-json", StringComparer.Ordinal);

        // Every command body is wrapped by Guarded; this catches what happens outside them (parsing, help).
        return Guarded.Run(json, () => CommandLine.Build().Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
    }

    private static void Signalled(string message, bool json)
    {
        if (json)
        {
            Console.Error.WriteLine(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["level"] = "error", ["message"] = message }));
        }
        else
        {
            Console.Error.WriteLine("gridem: " + message);
        }
    }
}
