namespace GridEmissions.Cli.Pipeline;

/// <summary>
/// Writes a whole output folder under a temporary name beside the target and renames it into place
/// when complete, so an interrupted or failed run leaves no half-written outputs. An existing
/// target is refused unless forced; with force it is replaced only after the new one is complete.
/// </summary>
public sealed class OutputDirectory : IDisposable
{
    private bool committed;

    /// <summary>Starts a new output folder.</summary>
    public OutputDirectory(string target, bool force, IEnumerable<string> inputs)
    {
        Target = Path.GetFullPath(target);
        if (Directory.Exists(Target) && !force)
        {
            throw new InputError(Target, "the output directory already exists.", "choose another --out, or pass --force to replace it once the new run is complete.");
        }

        foreach (string input in inputs)
        {
            string full = Path.GetFullPath(input);
            if (full.StartsWith(Target + Path.DirectorySeparatorChar, StringComparison.Ordinal) || full == Target)
            {
                throw new InputError(Target, $"the output directory contains the input '{input}'.", "write outputs to a separate folder: inputs are never overwritten.");
            }
        }

        string parent = Path.GetDirectoryName(Target) ?? ".";
        Directory.CreateDirectory(parent);
        Staging = Path.Combine(parent, $".{Path.GetFileName(Target)}.partial-{Environment.ProcessId}");
        if (Directory.Exists(Staging))
        {
            Directory.Delete(Staging, true);
        }

        Directory.CreateDirectory(Staging);
    }

    /// <summary>The final folder.</summary>
    public string Target { get; }

    /// <summary>The temporary folder being written.</summary>
    public string Staging { get; }

    /// <summary>A path inside the staging folder (creating sub-folders).</summary>
    public string File(string relative)
    {
        string p = Path.Combine(Staging, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        return p;
    }

    /// <summary>Moves the complete folder into place.</summary>
    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(Target))
        {
            old = Target + $".old-{Environment.ProcessId}";
            Directory.Move(Target, old);
        }

        Directory.Move(Staging, Target);
        committed = true;
        if (old is not null)
        {
            Directory.Delete(old, true);
        }
    }

    /// <summary>Removes the staging folder when the run did not complete.</summary>
    public void Dispose()
    {
        if (!committed && Directory.Exists(Staging))
        {
            Directory.Delete(Staging, true);
        }
    }
}
