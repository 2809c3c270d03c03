namespace GridEmissions.Pipeline;

/// <summary>
/// Writes a whole output folder under a temporary name beside the target (<c>.NAME.partial-PID</c>)
/// and renames it into place when complete, so an interrupted or failed run leaves no half-written
/// outputs. The promises, exactly:
/// <list type="bullet">
/// <item>nothing is written outside the staging folder: <see cref="File"/> refuses any path that leaves it;</item>
/// <item>an existing target is refused unless forced, both at the start and again at the commit (a folder
/// that appeared during the run is kept and the run fails with exit 1); with force the old folder is
/// replaced only once the new one is complete;</item>
/// <item>a lock file <c>.NAME.lock</c> beside the target makes a second run into the same target fail at once;</item>
/// <item>temporary folders of earlier runs whose process is gone (killed) are removed at the start;</item>
/// <item>on SIGTERM/SIGINT the staging folder is removed (see <see cref="Termination"/>).</item>
/// </list>
/// </summary>
public sealed class OutputDirectory : IDisposable
{
    private readonly bool force;
    private readonly OutputLock outputLock;
    private bool committed;
    private bool disposed;

    /// <summary>Starts a new output folder.</summary>
    public OutputDirectory(string target, bool force, IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Target = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar) is { Length: > 0 } t ? t : Path.GetFullPath(target);
        this.force = force;
        if (Path.GetFileName(Target).Length == 0)
        {
            throw new InputError(Target, "the output directory cannot be the file-system root.", "give a new folder, e.g. `--out out/my-run`.");
        }

        if (System.IO.File.Exists(Target))
        {
            throw new InputError(Target, "the output path is an existing file, not a folder.", "choose another --out (a file is never replaced by a run).");
        }

        if (Directory.Exists(Target) && !force)
        {
            throw new InputError(Target, "the output directory already exists.", "choose another --out, or pass --force to replace it once the new run is complete.");
        }

        CheckInputs(Target, inputs);
        string parent = Path.GetDirectoryName(Target) ?? ".";
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputError(parent, "the folder for the output cannot be created: " + e.Message, "choose an --out in a folder you can write to.");
        }

        outputLock = OutputLock.Acquire(parent, Path.GetFileName(Target));
        try
        {
            StaleFolders.Clean(parent);
            StaleFolders.CleanLocks(parent, outputLock.Path);
            Staging = Path.Combine(parent, $".{Path.GetFileName(Target)}.partial-{Environment.ProcessId}");
            if (Directory.Exists(Staging))
            {
                Directory.Delete(Staging, true);
            }

            Directory.CreateDirectory(Staging);
        }
        catch
        {
            outputLock.Dispose();
            throw;
        }

        Termination.Register(this);
    }

    /// <summary>The final folder.</summary>
    public string Target { get; }

    /// <summary>The temporary folder being written.</summary>
    public string Staging { get; } = string.Empty;

    /// <summary>True once the folder is in place.</summary>
    public bool Committed => committed;

    /// <summary>A path inside the staging folder (creating sub-folders); a path that would leave the staging folder is refused.</summary>
    public string File(string relative)
    {
        ArgumentException.ThrowIfNullOrEmpty(relative);
        Termination.ThrowIfStopping();
        string p = Path.GetFullPath(Path.Combine(Staging, relative));
        if (Path.IsPathRooted(relative) || !p.StartsWith(Staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to write '{relative}' outside the output folder {Target}.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        return p;
    }

    /// <summary>
    /// Moves the complete folder into place. Without force, a target that appeared during the run is
    /// kept untouched and the run fails (exit 1); with force it is replaced once the new one is in place.
    /// </summary>
    public void Commit()
    {
        lock (Termination.Gate)
        {
            Termination.ThrowIfStopping();
            if (Directory.Exists(Target) || System.IO.File.Exists(Target))
            {
                if (!force || System.IO.File.Exists(Target))
                {
                    throw Appeared();
                }

                string old = Path.Combine(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}.old-{Environment.ProcessId}");
                Directory.Move(Target, old);
                try
                {
                    MoveIntoPlace();
                }
                catch
                {
                    if (!Directory.Exists(Target))
                    {
                        Directory.Move(old, Target);
                    }

                    throw;
                }

                Directory.Delete(old, true);
                return;
            }

            MoveIntoPlace();
        }
    }

    /// <summary>Removes the staging folder when the run did not complete, and releases the lock.</summary>
    public void Dispose()
    {
        lock (Termination.Gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            Termination.Unregister(this);
            RemoveStaging();
            outputLock.Dispose();
        }
    }

    /// <summary>Removes the staging folder unless committed (called on failure and by the signal handler).</summary>
    internal void RemoveStaging()
    {
        if (committed || Staging.Length == 0)
        {
            return;
        }

        for (int attempt = 0; attempt < 3 && Directory.Exists(Staging); attempt++)
        {
            try
            {
                Directory.Delete(Staging, true);
            }
            catch (IOException) when (attempt < 2)
            {
                Thread.Sleep(50);
            }
            catch (UnauthorizedAccessException) when (attempt < 2)
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Releases the lock file (the signal handler's last step).</summary>
    internal void ReleaseLock() => outputLock.Dispose();

    private static void CheckInputs(string target, IEnumerable<string> inputs)
    {
        foreach (string input in inputs)
        {
            string full = Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar);
            if (full.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal) || full == target)
            {
                throw new InputError(target, $"the output directory contains the input '{input}'.", "write outputs to a separate folder: inputs are never overwritten.");
            }

            if (Directory.Exists(full) && target.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InputError(target, $"the output directory lies inside the input folder '{input}'.", "write outputs to a folder outside the inputs.");
            }
        }
    }

    private void MoveIntoPlace()
    {
        try
        {
            Directory.Move(Staging, Target);
        }
        catch (IOException) when (Directory.Exists(Target) || System.IO.File.Exists(Target))
        {
            // Another process created the target between the check and the rename: keep theirs.
            throw Appeared();
        }

        committed = true;
    }

    private InputError Appeared() => new(
        Target,
        "the output directory appeared while this run was writing (another program or run created it); it was left untouched and this run's outputs were discarded.",
        "run again with another --out, or pass --force to replace it.");
}
