namespace GridEmissions.Bench.Harness;

/// <summary>
/// What one measured run cost: wall time, the process's peak resident memory (VmHWM, through
/// <see cref="System.Diagnostics.Process.PeakWorkingSet64"/>), the sampled peak of the managed heap,
/// bytes allocated, collections and GC pause time, plus named figures of the workload.
/// </summary>
public sealed record Measurement(
    string Label,
    double WallSeconds,
    double PeakWorkingSetMiB,
    double PeakManagedHeapMiB,
    double AllocatedMiB,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double GcPauseSeconds,
    IReadOnlyDictionary<string, double> Figures)
{
    /// <summary>A named figure, or NaN when the workload did not report it.</summary>
    public double Figure(string name) => Figures.TryGetValue(name, out double v) ? v : double.NaN;
}
