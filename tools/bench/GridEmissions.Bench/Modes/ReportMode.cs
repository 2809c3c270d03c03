using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GridEmissions.Bench.Harness;
using GridEmissions.Pipeline;
using static GridEmissions.Bench.Harness.MarkdownTable;

namespace GridEmissions.Bench.Modes;

/// <summary>
/// `report`: runs the two neutrality scenarios with every output, then opens each run's
/// report.html from file:// in headless Chromium (`--repeat` times, default 5) and reports the
/// file size, the page's own load time (performance.now() when its self-test ran, after the
/// load event) and the wall time of the whole browser process.
/// </summary>
public static class ReportMode
{
    /// <summary>Runs the measurement and prints the table.</summary>
    public static void Run(BenchOptions options)
    {
        string chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("chromium is not installed: run `bash tools/install-native.sh --with-test-tools`");
        var table = new MarkdownTable("run", "report.html MiB", "opens", "page load ms (median)", "page load ms (min)", "browser wall s (median)");
        foreach (string file in new[] { "henan-neutrality.yaml", "yrd-neutrality.yaml" })
        {
            string outDir = RepoPaths.TempFolder("report");
            try
            {
                ScenarioRun.Execute(RepoPaths.Of("scenarios", file), outDir, force: true, extra: RunOutputs.Write);
                string report = Path.Combine(outDir, "report.html");
                var load = new List<double>();
                var wall = new List<double>();
                for (int i = 0; i < Math.Max(1, options.Repeat); i++)
                {
                    (double ms, double seconds) = Open(chromium, report);
                    load.Add(ms);
                    wall.Add(seconds);
                }

                load.Sort();
                wall.Sort();
                table.Add(file, F(new FileInfo(report).Length / 1048576.0, "0.0"), load.Count.ToString(CultureInfo.InvariantCulture), F(load[load.Count / 2], "0"), F(load[0], "0"), F(wall[wall.Count / 2]));
                Console.Error.WriteLine($"{file}: {load[load.Count / 2]:0} ms");
            }
            finally
            {
                ScenariosMode.DeleteQuietly(outDir);
            }
        }

        Console.WriteLine("### report.html in headless Chromium (file://, no network)\n");
        Console.WriteLine(table);
    }

    private static (double LoadMs, double WallSeconds) Open(string chromium, string report)
    {
        string profile = RepoPaths.TempFolder("chromium");
        var info = new ProcessStartInfo(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND",
            $"--user-data-dir={profile}", "--window-size=1280,1000", "--virtual-time-budget=10000", "--dump-dom",
            new Uri(report).AbsoluteUri + "#selftest"])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string dom = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = stderr.Result;
        double wall = watch.Elapsed.TotalSeconds;
        ScenariosMode.DeleteQuietly(profile);
        int start = dom.IndexOf("<pre id=\"selftest-result\"", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"{report}: the self-test did not run (chromium exited {process.ExitCode})");
        }

        start = dom.IndexOf('>', start) + 1;
        string json = System.Net.WebUtility.HtmlDecode(dom[start..dom.IndexOf("</pre>", start, StringComparison.Ordinal)]);
        using JsonDocument doc = JsonDocument.Parse(json);
        return (doc.RootElement.GetProperty("loadMs").GetDouble(), wall);
    }
}
