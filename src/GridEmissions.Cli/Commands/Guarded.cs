using GridEmissions.Cli.Pipeline;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Scenarios;
using GridEmissions.Gdal;

namespace GridEmissions.Cli.Commands;

/// <summary>Runs a command body and turns failures into clear messages and exit codes.</summary>
public static class Guarded
{
    /// <summary>Runs <paramref name="body"/>; prints errors to stderr.</summary>
    public static int Run(Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (ScenarioException e)
        {
            return Fail(e.Message, ExitCodes.InputError);
        }
        catch (InputError e)
        {
            return Fail($"{e.Problems.Count} problem(s) in the inputs:\n" + string.Join("\n", e.Problems.Select(p => "  - " + p)), ExitCodes.InputError);
        }
        catch (NativeLibraryMissingException e)
        {
            return Fail(e.Message, ExitCodes.InputError);
        }
        catch (GdalException e)
        {
            return Fail($"GDAL could not read or write {(e.FilePath ?? "a file")}: {e.Message}", ExitCodes.InputError);
        }
        catch (AllocationException e)
        {
            return Fail("The run cannot conserve its targets and was stopped (no outputs written): " + e.Message, ExitCodes.InternalError);
        }
        catch (IOException e)
        {
            return Fail("File error: " + e.Message, ExitCodes.InputError);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail("Permission denied: " + e.Message, ExitCodes.InputError);
        }
    }

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine("error: " + message);
        return code;
    }
}
