using GridEmissions.Core.Scenarios;

namespace GridEmissions.Pipeline;

/// <summary>
/// The lines of a run folder's <c>run-log.txt</c>: first the warnings about suspicious but legal inputs
/// (the same ones printed on the console, with the input's file name rather than its full path, so the
/// log does not depend on where the inputs lie), then what the models did.
/// </summary>
public static class RunLog
{
    /// <summary>The line a warning takes on the console.</summary>
    public static string Console(ScenarioProblem warning) => "warning: " + warning;

    /// <summary>The log's lines: warnings, then notes.</summary>
    public static IEnumerable<string> Lines(IEnumerable<ScenarioProblem> warnings, IEnumerable<string> notes)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentNullException.ThrowIfNull(notes);
        return warnings.Select(w => "warning: " + (w with { File = Path.GetFileName(w.File) })).Concat(notes);
    }
}
