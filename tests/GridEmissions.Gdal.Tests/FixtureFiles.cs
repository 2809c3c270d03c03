namespace GridEmissions.Gdal.Tests;

/// <summary>Paths of the committed fixture files (copied next to the test assembly).</summary>
public static class FixtureFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Copies a fixture into a test folder (tests never write next to fixtures).</summary>
    public static string CopyTo(TempFolder folder, string name)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string target = folder.File(name);
        File.Copy(Path(name), target);
        return target;
    }
}
