namespace GridEmissions.Gdal.Native;

/// <summary>
/// Writes an output in a hidden temporary folder next to its final path and moves the result
/// (with any sidecars such as a Shapefile's .dbf/.prj) into place only when complete, so a
/// failed or interrupted write never leaves a half-written file at the final path. The file
/// keeps its final name inside the temporary folder, so drivers that record names write the
/// same bytes.
/// </summary>
internal sealed class AtomicOutput : IDisposable
{
    private readonly string _finalPath;
    private readonly string _tempFolder;
    private bool _committed;

    public AtomicOutput(string finalPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(finalPath);
        _finalPath = System.IO.Path.GetFullPath(finalPath);
        string folder = System.IO.Path.GetDirectoryName(_finalPath) ?? ".";
        Directory.CreateDirectory(folder);
        _tempFolder = System.IO.Path.Combine(folder, $".gridem-tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_tempFolder);
        TempPath = System.IO.Path.Combine(_tempFolder, System.IO.Path.GetFileName(_finalPath));
    }

    /// <summary>Where the driver should write.</summary>
    public string TempPath { get; }

    /// <summary>The final path.</summary>
    public string FinalPath => _finalPath;

    /// <summary>Moves every file written into place (the main file last) and removes the temporary folder.</summary>
    public void Commit()
    {
        string folder = System.IO.Path.GetDirectoryName(_finalPath)!;
        foreach (string file in Directory.GetFiles(_tempFolder).Where(f => f != TempPath).Order(StringComparer.Ordinal))
        {
            File.Move(file, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(file)), overwrite: true);
        }

        if (!File.Exists(TempPath))
        {
            throw new GdalException($"writing '{_finalPath}' failed: GDAL produced no file", _finalPath);
        }

        File.Move(TempPath, _finalPath, overwrite: true);
        _committed = true;
        Directory.Delete(_tempFolder, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(_tempFolder))
        {
            Directory.Delete(_tempFolder, recursive: true);
        }
    }
}
