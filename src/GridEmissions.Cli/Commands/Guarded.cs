using System.CommandLine;
using GridEmissions.Pipeline;
using GridEmissions.Core.Scenarios;
using GridEmissions.Gdal;

namespace GridEmissions.Cli.Commands;

/// <summary>
/// The one top-level handler of every command: problems traceable to the inputs (scenario, data
/// files, paths, a full disk or a read-only folder) exit 1 with the file, the line or feature, what
/// is wrong and the fix; anything else is an internal error: exit 2 with one line on the console and
/// the stack trace in a log file whose path is printed. With <c>--log-json</c> errors are JSON lines.
/// </summary>
public static class Guarded
{
    /// <summary>Runs <paramref name="body"/>; prints errors to standard error.</summary>
    public static int Run(ParseResult parse, Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(body);
        return Run(parse.GetValue(GlobalOptions.LogJson), body);
    }

    /// <summary>Runs <paramref name="body"/>; errors as JSON lines when <paramref name="json"/>.</summary>
    public static int Run(bool json, Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new ErrorWriter(json);
        try
        {
            return body();
        }
        catch (Exception) when (Termination.Stopping)
        {
            // Interrupted by SIGTERM/SIGINT: the signal handler reports it and exits 130/143.
            Termination.AwaitExitIfStopping();
            throw;
        }
        catch (Exception e) when (UserFailure.Classify(e) is { } problems)
        {
            return errors.Input(problems);
        }
        catch (Exception e) when (e is NativeLibraryMissingException)
        {
            return errors.Input([new ScenarioProblem("gridem", 0, e.Message, "install the native libraries with `bash tools/install-native.sh`.")]);
        }
        catch (Exception e)
        {
            return errors.Internal(e);
        }
    }
}
