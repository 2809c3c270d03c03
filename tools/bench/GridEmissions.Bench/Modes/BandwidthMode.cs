using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using GridEmissions.Bench.Harness;

namespace GridEmissions.Bench.Modes;

/// <summary>
/// `bandwidth`: the machine's memory bandwidth, the floor under any full-grid pass. A 1 GiB array of
/// doubles (far beyond the caches) is read (vectorised sum), written (fill) and copied, on one thread
/// and on every core (each thread its own slice); best of `--repeat` runs, GB/s = 10⁹ bytes moved per
/// second (a copy moves its bytes twice: read and write).
/// </summary>
public static class BandwidthMode
{
    private const int Doubles = 1 << 27; // 1 GiB

    /// <summary>Measures and prints the table.</summary>
    public static void Run(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var a = new double[Doubles];
        var b = new double[Doubles];
        a.AsSpan().Fill(1.0);
        b.AsSpan().Fill(2.0);
        var table = new MarkdownTable("pass", "threads", "GB/s (best of " + options.Repeat.ToString(CultureInfo.InvariantCulture) + ")");
        foreach (int threads in new[] { 1, Environment.ProcessorCount })
        {
            table.Add("read (vectorised sum)", threads.ToString(CultureInfo.InvariantCulture), Best(options.Repeat, threads, 8.0 * Doubles, (lo, hi) => Sink(Sum(a.AsSpan(lo, hi - lo)))));
            table.Add("write (fill)", threads.ToString(CultureInfo.InvariantCulture), Best(options.Repeat, threads, 8.0 * Doubles, (lo, hi) => b.AsSpan(lo, hi - lo).Fill(3.0)));
            table.Add("copy (read + write)", threads.ToString(CultureInfo.InvariantCulture), Best(options.Repeat, threads, 16.0 * Doubles, (lo, hi) => a.AsSpan(lo, hi - lo).CopyTo(b.AsSpan(lo, hi - lo))));
        }

        Console.WriteLine($"### Memory bandwidth ({Environment.ProcessorCount} cores, load {MachineInfo.LoadAverage()})\n");
        Console.WriteLine(table);
    }

    private static double sink;

    private static void Sink(double v) => sink += v;

    private static string Best(int repeat, int threads, double bytes, Action<int, int> pass)
    {
        double best = 0;
        for (int r = 0; r < repeat; r++)
        {
            var watch = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                int lo = (int)((long)Doubles * t / threads), hi = (int)((long)Doubles * (t + 1) / threads);
                pass(lo, hi);
            });
            best = Math.Max(best, bytes / watch.Elapsed.TotalSeconds / 1e9);
        }

        return MarkdownTable.F(best, "0.0");
    }

    private static double Sum(ReadOnlySpan<double> v)
    {
        var s0 = Vector<double>.Zero;
        var s1 = Vector<double>.Zero;
        int w = Vector<double>.Count, i = 0;
        for (; i + (2 * w) <= v.Length; i += 2 * w)
        {
            s0 += new Vector<double>(v[i..]);
            s1 += new Vector<double>(v[(i + w)..]);
        }

        double s = Vector.Sum(s0 + s1);
        for (; i < v.Length; i++)
        {
            s += v[i];
        }

        return s;
    }
}
