namespace GridEmissions.Pipeline.Ensembles;

/// <summary>`gridem ensemble SCENARIO --members N`: sets up the folder, then runs every member here and merges, or writes the Slurm job array.</summary>
public static class EnsembleRun
{
    /// <summary>Runs all members in this process, one after the other, then merges.</summary>
    public static EnsembleSummary Local(string scenarioPath, int members, string outDir, bool force, Action<string>? log = null)
    {
        using OutputLock rootLock = LockRoot(outDir);
        EnsembleFolder folder = Setup(scenarioPath, members, outDir, force);
        for (int m = 1; m <= members; m++)
        {
            EnsembleMember.Run(folder, m);
            log?.Invoke(FormattableString.Invariant($"member {m} of {members} conserved and written"));
        }

        return EnsembleMerge.Merge(folder, log);
    }

    /// <summary>Sets up the folder and writes <c>slurm/ensemble.sbatch</c>; returns the script's path.</summary>
    public static string Slurm(string scenarioPath, int members, string outDir, bool force, SlurmResources resources, string? gridemCommand = null)
    {
        using OutputLock rootLock = LockRoot(outDir);
        EnsembleFolder folder = Setup(scenarioPath, members, outDir, force);
        var scenario = Core.Scenarios.ScenarioReader.Read(folder.ScenarioPath);
        return SlurmScript.Write(folder, gridemCommand ?? SlurmScript.CurrentCommand(), resources, "gridem-" + scenario.Id);
    }

    /// <summary>
    /// The lock of the ensemble's root folder (<c>.NAME.lock</c> beside it, as for a run's --out): a second
    /// `gridem ensemble` into the same --out, with or without --force, fails at once naming the first, instead of
    /// emptying the folder under it. Held for the whole local run; for Slurm, while the folder and script are made.
    /// </summary>
    private static OutputLock LockRoot(string outDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        string full = Path.GetFullPath(outDir);
        string parent = Path.GetDirectoryName(full) ?? ".";
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputError(parent, "the folder for the output cannot be created: " + e.Message, "choose an --out in a folder you can write to.");
        }

        return OutputLock.Acquire(parent, Path.GetFileName(full));
    }

    private static EnsembleFolder Setup(string scenarioPath, int members, string outDir, bool force)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenarioPath);
        var scenario = Core.Scenarios.ScenarioReader.Read(scenarioPath);
        if (scenario.Uncertainty.Count == 0)
        {
            throw new InputError(scenarioPath, "the scenario has no uncertainty block, so every member would be the same run.", "add an 'uncertainty:' list (docs/scenario-format.md, section uncertainty) naming the parameters to vary.");
        }

        return EnsembleFolder.Create(outDir, scenarioPath, members, force);
    }
}
