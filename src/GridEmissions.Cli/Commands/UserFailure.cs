using GridEmissions.Pipeline;
using GridEmissions.Core.Scenarios;
using GridEmissions.Gdal;

namespace GridEmissions.Cli.Commands;

/// <summary>Which exceptions are problems traceable to the user's inputs or environment (exit 1), each as problems with a fix.</summary>
public static class UserFailure
{
    private const int NoSpace = 28;
    private const int QuotaExceeded = 122;
    private const int ReadOnlyFileSystem = 30;

    /// <summary>The problems of a user-caused failure, or null when <paramref name="e"/> is an internal error.</summary>
    public static IReadOnlyList<ScenarioProblem>? Classify(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            InputError { Problems.Count: > 0 } input => input.Problems,
            InputError input => [new ScenarioProblem("input", 0, input.Message, "see the message.")],
            ScenarioException { Problems.Count: > 0 } scenario => scenario.Problems,
            ScenarioException scenario => [new ScenarioProblem("scenario", 0, scenario.Message, "see docs/scenario-format.md.")],
            GdalException gdal when IsDiskFull(gdal.Message) => [DiskFull(gdal.FilePath ?? "the output folder", gdal.Message)],
            GdalException gdal => [new ScenarioProblem(gdal.FilePath ?? "a file", 0, "GDAL could not read or write it: " + gdal.Message,
                "check that the file is a valid raster/vector (`gridem inspect FILE`) and that the output folder is writable.")],
            IOException io when io.HResult is NoSpace or QuotaExceeded || IsDiskFull(io.Message) => [DiskFull(PathIn(io.Message), io.Message)],
            IOException io when io.HResult == ReadOnlyFileSystem => [new ScenarioProblem(PathIn(io.Message), 0, "the file system is read-only: " + io.Message, "choose an --out on a writable disk.")],
            FileNotFoundException missing => [new ScenarioProblem(missing.FileName ?? PathIn(missing.Message), 0, "the file does not exist.", "check the path.")],
            DirectoryNotFoundException missing => [new ScenarioProblem(PathIn(missing.Message), 0, "the folder does not exist: " + missing.Message, "check the path.")],
            IOException io => [new ScenarioProblem(PathIn(io.Message), 0, "file error: " + io.Message, "check that the path exists, is readable, and that the output folder is writable.")],
            UnauthorizedAccessException denied => [new ScenarioProblem(PathIn(denied.Message), 0, "permission denied: " + denied.Message, "choose an --out you can write to, or make the input readable.")],
            _ => null,
        };
    }

    // "because the disk was full": .NET's message when a file's preallocation fails (File.WriteAllText of a known size), which carries
    // no errno; "database or disk is full": SQLite's SQLITE_FULL through GDAL's GeoPackage driver.
    private static bool IsDiskFull(string message) =>
        message.Contains("No space left", StringComparison.OrdinalIgnoreCase) || message.Contains("Disk quota exceeded", StringComparison.OrdinalIgnoreCase)
        || message.Contains("because the disk was full", StringComparison.OrdinalIgnoreCase) || message.Contains("database or disk is full", StringComparison.OrdinalIgnoreCase);

    private static ScenarioProblem DiskFull(string where, string message) =>
        new(where, 0, "the disk is full (" + message.Trim() + "); nothing was committed and the temporary folder was removed.", "free disk space or choose an --out on a disk with more room, then run again.");

    /// <summary>The quoted path in a .NET I/O message ("… '/a/b' …"), or "a file".</summary>
    private static string PathIn(string message)
    {
        int start = message.IndexOf('\'', StringComparison.Ordinal);
        int end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
        return end > start + 1 ? message[(start + 1)..end] : "a file";
    }
}
