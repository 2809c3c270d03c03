using System.Globalization;
using System.Text;

namespace GridEmissions.Pipeline.Ensembles;

/// <summary>Resources each array task asks Slurm for.</summary>
/// <param name="MemoryMiB">Memory per task (a Henan member peaks near 300 MiB resident; YRD near 400 MiB).</param>
/// <param name="TimeLimit">Wall-time limit per task (HH:MM:SS).</param>
/// <param name="Partition">Partition, or null for the cluster's default.</param>
/// <param name="Account">Account to charge, or null.</param>
public sealed record SlurmResources(int MemoryMiB = 2048, string TimeLimit = "00:30:00", string? Partition = null, string? Account = null);

/// <summary>
/// <c>slurm/ensemble.sbatch</c>: a job array with one task per member (<c>--array=1-N</c>, one CPU,
/// the memory and time stated); each task runs <c>gridem ensemble member DIR --index
/// $SLURM_ARRAY_TASK_ID</c>, which writes its member folder atomically. After the array finishes,
/// <c>gridem ensemble merge DIR</c> combines the members.
/// </summary>
public static class SlurmScript
{
    /// <summary>The script's file name inside <c>slurm/</c>.</summary>
    public const string FileName = "ensemble.sbatch";

    /// <summary>Writes the script; returns its path.</summary>
    public static string Write(EnsembleFolder folder, string gridemCommand, SlurmResources resources, string jobName)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(resources);
        string dir = Path.Combine(folder.Root, "slurm");
        Directory.CreateDirectory(Path.Combine(dir, "logs"));
        string path = Path.Combine(dir, FileName);
        File.WriteAllText(path, Text(folder, gridemCommand, resources, jobName), new UTF8Encoding(false));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        return path;
    }

    /// <summary>The script's text.</summary>
    public static string Text(EnsembleFolder folder, string gridemCommand, SlurmResources resources, string jobName)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(resources);
        var s = new StringBuilder();
        s.Append("#!/bin/bash\n");
        s.Append(CultureInfo.InvariantCulture, $"# GridEmissions ensemble: {folder.Members} members of {folder.ScenarioPath}\n");
        s.Append("# One array task per member; each writes members/member-NNN/ atomically. When all have finished:\n");
        s.Append(CultureInfo.InvariantCulture, $"#   {gridemCommand} ensemble merge {Quote(folder.Root)}\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --job-name={jobName}\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --array=1-{folder.Members}\n");
        s.Append("#SBATCH --ntasks=1\n");
        s.Append("#SBATCH --cpus-per-task=1\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --mem={resources.MemoryMiB}M\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --time={resources.TimeLimit}\n");
        if (resources.Partition is { Length: > 0 } p)
        {
            s.Append(CultureInfo.InvariantCulture, $"#SBATCH --partition={p}\n");
        }

        if (resources.Account is { Length: > 0 } a)
        {
            s.Append(CultureInfo.InvariantCulture, $"#SBATCH --account={a}\n");
        }

        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --output={Path.Combine(folder.Root, "slurm", "logs", "member-%a.out")}\n");
        s.Append("set -euo pipefail\n");
        s.Append("export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_gcServer=0\n");
        s.Append(CultureInfo.InvariantCulture, $"exec {gridemCommand} ensemble member {Quote(folder.Root)} --index \"$SLURM_ARRAY_TASK_ID\"\n");
        return s.ToString();
    }

    /// <summary>How this process was started, to put into the script: the apphost, or <c>dotnet gridem.dll</c>.</summary>
    public static string CurrentCommand()
    {
        string process = Environment.ProcessPath ?? "gridem";
        string? entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && entry is { Length: > 0 }
            ? $"{Quote(process)} {Quote(entry)}"
            : Quote(process);
    }

    private static string Quote(string s) => s.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+=:".Contains(c, StringComparison.Ordinal)) ? s : "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
