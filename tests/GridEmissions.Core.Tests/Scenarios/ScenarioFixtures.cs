namespace GridEmissions.Core.Tests.Scenarios;

/// <summary>Paths of the repository and its shipped scenarios, and temporary folders for scenarios written by tests.</summary>
internal static class ScenarioFixtures
{
    /// <summary>The folder holding GridEmissions.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ShippedScenario(string name) => Path.Combine(RepoRoot, "scenarios", name);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GridEmissions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No GridEmissions.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A temporary folder laid out like the repository (scenarios/, sources/, proxies/, boundaries/) with empty placeholder inputs.</summary>
internal sealed class ScenarioSandbox : IDisposable
{
    public static readonly string[] PlaceholderFiles =
    [
        "boundaries/cities.geojson", "sources/gem_coal_units.csv", "sources/gem_gas_units.csv", "sources/gem_steel_plants.csv",
        "sources/corridors.geojson", "sources/rail_dcw_vmap0.geojson", "proxies/worldpop_2020_5arcmin.tif", "proxies/modis_2019_built_up_0p1deg.tif", "proxies/modis_2019_cropland_0p1deg.tif",
        "proxies/modis_2019_forest_0p1deg.tif", "proxies/modis_2019_other_vegetation_0p1deg.tif",
    ];

    public ScenarioSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "gridem-scenario-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "scenarios"));
        foreach (string file in PlaceholderFiles)
        {
            string path = Path.Combine(Root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Empty);
        }
    }

    public string Root { get; }

    /// <summary>Writes a scenario into scenarios/ and returns its path.</summary>
    public string Write(string name, string yaml)
    {
        string path = Path.Combine(Root, "scenarios", name);
        File.WriteAllText(path, yaml.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
