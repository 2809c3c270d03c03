using System.Globalization;
using System.Runtime.InteropServices;

namespace GridEmissions.Bench.Harness;

/// <summary>The machine a benchmark ran on, for the report.</summary>
public static class MachineInfo
{
    /// <summary>One line per fact.</summary>
    public static IEnumerable<string> Describe()
    {
        yield return $"cores (Environment.ProcessorCount): {Environment.ProcessorCount}";
        yield return $"CPU: {CpuModel()}";
        yield return string.Create(CultureInfo.InvariantCulture, $"memory: {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:0.0} GiB available to the GC");
        yield return $".NET: {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier}), server GC: {System.Runtime.GCSettings.IsServerGC}";
        yield return $"GDAL: {Gdal.GdalLibrary.Version}";
        yield return $"OS: {RuntimeInformation.OSDescription}";
        yield return $"load average at start: {LoadAverage()}";
    }

    /// <summary>The 1/5/15-minute load averages (other work on a shared machine).</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string CpuModel()
    {
        if (!File.Exists("/proc/cpuinfo"))
        {
            return "unknown";
        }

        string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
