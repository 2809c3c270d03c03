using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridEmissions.Bench.Harness;

/// <summary>
/// Runs one measurement in a fresh process of this benchmark, so that every run's peak memory is
/// its own (a process's resident peak never goes down). The child prints one result line; its
/// progress goes to stderr and is passed through.
/// </summary>
public static class ChildProcess
{
    /// <summary>Prefix of the child's result line on stdout.</summary>
    public const string ResultPrefix = "BENCH-RESULT ";

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Writes the result line (called in the child).</summary>
    public static void Report(Measurement m) => Console.Out.WriteLine(ResultPrefix + JsonSerializer.Serialize(m, Json));

    /// <summary>Runs this benchmark with <paramref name="args"/> in a new process and returns the child's measurement.</summary>
    public static Measurement Run(params string[] args)
    {
        string self = typeof(ChildProcess).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(self);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process child = Process.Start(start) ?? throw new InvalidOperationException("could not start a child benchmark process");
        Measurement? result = null;
        string? line;
        while ((line = child.StandardOutput.ReadLine()) is not null)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<Measurement>(line[ResultPrefix.Length..], Json);
            }
            else
            {
                Console.Error.WriteLine("  | " + line);
            }
        }

        child.WaitForExit();
        if (child.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"child benchmark '{string.Join(' ', args)}' failed with exit code {child.ExitCode}"));
        }

        return result;
    }

    /// <summary>
    /// Runs an external command and measures its wall time and resident peak (VmHWM polled from
    /// /proc/&lt;pid&gt;/status until it exits; the peak only grows, so the last reading is the peak
    /// to within the polling interval).
    /// </summary>
    public static Measurement RunExternal(string label, string fileName, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        var watch = Stopwatch.StartNew();
        using Process p = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        double peakKb = 0;
        string status = $"/proc/{p.Id}/status";
        while (!p.WaitForExit(25))
        {
            peakKb = Math.Max(peakKb, ReadHwmKb(status));
        }

        watch.Stop();
        string err = stderr.Result;
        _ = stdout.Result;
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', args)} failed ({p.ExitCode}): {err}");
        }

        return new Measurement(label, watch.Elapsed.TotalSeconds, peakKb / 1024, double.NaN, double.NaN, 0, 0, 0, double.NaN, new Dictionary<string, double>());
    }

    private static double ReadHwmKb(string statusPath)
    {
        try
        {
            foreach (string l in File.ReadLines(statusPath))
            {
                if (l.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return double.Parse(l["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // the process ended between two polls
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }
}
