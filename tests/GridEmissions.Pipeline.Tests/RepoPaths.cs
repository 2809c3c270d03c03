namespace GridEmissions.Pipeline.Tests;

/// <summary>Finds the repository root (the folder holding GridEmissions.sln) from the test's base directory.</summary>
public static class RepoPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = Find();

    /// <summary>A path under the root.</summary>
    public static string Under(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GridEmissions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("GridEmissions.sln not found above " + AppContext.BaseDirectory);
    }
}
