namespace GridEmissions.Bench;

/// <summary>Finds the repository root (the folder holding GridEmissions.sln) from the working folder or the benchmark's own location.</summary>
public static class RepoPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = Find();

    /// <summary>A path under the root.</summary>
    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The shipped scenarios, in a fixed order.</summary>
    public static IReadOnlyList<string> Scenarios =>
        ["henan-neutrality.yaml", "henan-reference.yaml", "yrd-neutrality.yaml", "yrd-reference.yaml"];

    /// <summary>A fresh temporary folder for a run's outputs.</summary>
    public static string TempFolder(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "gridem-bench", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.GetDirectoryName(dir)!);
        return dir;
    }

    private static string Find()
    {
        foreach (string? start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (string? d = start; d is not null; d = Path.GetDirectoryName(d))
            {
                if (File.Exists(Path.Combine(d, "GridEmissions.sln")))
                {
                    return d;
                }
            }
        }

        throw new InvalidOperationException("cannot find the repository root (GridEmissions.sln) above the working folder or the benchmark");
    }
}
