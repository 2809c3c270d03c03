using System.Diagnostics;

namespace GridEmissions.Bench.Harness;

/// <summary>Runs a workload once and measures it (Stopwatch, GC counters, resident and managed peaks).</summary>
public static class Measure
{
    /// <summary>Runs <paramref name="workload"/>; it returns its own figures (cells, years…), it may add more while running.</summary>
    public static Measurement Run(string label, Func<MemorySampler, IReadOnlyDictionary<string, double>> workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long allocatedBefore = GC.GetTotalAllocatedBytes(true);
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        TimeSpan pause = GC.GetTotalPauseDuration();
        IReadOnlyDictionary<string, double> figures;
        var watch = Stopwatch.StartNew();
        using (var sampler = new MemorySampler())
        {
            figures = workload(sampler);
            var withLive = new Dictionary<string, double>(figures, StringComparer.Ordinal);
            watch.Stop();
            sampler.Sample();
            long allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
            GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.Any);
            long peakManaged = Math.Max(sampler.PeakManagedBytes, info.HeapSizeBytes);
            withLive["peak_live_after_gen2_mib"] = sampler.PeakLiveBytes / 1048576.0;
            return new Measurement(label, watch.Elapsed.TotalSeconds, MemorySampler.PeakResidentMiB(), peakManaged / 1048576.0, allocated / 1048576.0,
                GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2, (GC.GetTotalPauseDuration() - pause).TotalSeconds, withLive);
        }
    }
}
