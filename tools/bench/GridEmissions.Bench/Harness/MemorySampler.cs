using System.Diagnostics;

namespace GridEmissions.Bench.Harness;

/// <summary>
/// Samples the managed heap size every few milliseconds on a background thread and keeps the
/// maximum: the GC reports heap size only at collections, so the peak between two collections
/// would otherwise be missed. Resident peak comes from the kernel (VmHWM), not from sampling.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Thread thread;
    private readonly int intervalMs;
    private volatile bool stop;
    private long peakManaged;
    private static readonly GCKind[] Kinds = [GCKind.FullBlocking, GCKind.Background];
    private long peakLive;

    /// <summary>Starts sampling.</summary>
    public MemorySampler(int intervalMs = 20)
    {
        this.intervalMs = intervalMs;
        thread = new Thread(Loop) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
        thread.Start();
    }

    /// <summary>Largest managed heap seen (bytes, including garbage not yet collected).</summary>
    public long PeakManagedBytes => Interlocked.Read(ref peakManaged);

    /// <summary>Largest live managed heap seen: the bytes that survived a full (gen2) collection.</summary>
    public long PeakLiveBytes => Interlocked.Read(ref peakLive);

    /// <summary>Takes one sample now (also called at checkpoints by the workloads).</summary>
    public void Sample()
    {
        foreach (GCKind kind in Kinds)
        {
            GCMemoryInfo info = GC.GetGCMemoryInfo(kind);
            if (info.Index > 0 && info.Generation == 2)
            {
                Max(ref peakLive, info.PromotedBytes);
            }
        }

        Max(ref peakManaged, GC.GetTotalMemory(false));
    }

    private static void Max(ref long field, long value)
    {
        long heap = value;
        long seen = Interlocked.Read(ref field);
        while (heap > seen)
        {
            long was = Interlocked.CompareExchange(ref field, heap, seen);
            if (was == seen)
            {
                break;
            }

            seen = was;
        }
    }

    /// <summary>Stops the thread.</summary>
    public void Dispose()
    {
        stop = true;
        thread.Join();
    }

    private void Loop()
    {
        while (!stop)
        {
            Sample();
            Thread.Sleep(intervalMs);
        }
    }

    /// <summary>The process's resident peak so far (VmHWM), MiB.</summary>
    public static double PeakResidentMiB()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64 / 1048576.0;
    }
}
