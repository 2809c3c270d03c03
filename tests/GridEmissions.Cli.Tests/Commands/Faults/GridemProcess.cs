using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GridEmissions.Cli.Tests.Commands.BadInputs;

namespace GridEmissions.Cli.Tests.Commands.Faults;

/// <summary>One line gridem wrote on standard error with <c>--log-json</c> (level, message, years done), or a plain line.</summary>
public sealed record LogLine(string Level, string Message, int? Done)
{
    public static LogLine Parse(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            return new LogLine(
                root.TryGetProperty("level", out var l) ? l.GetString() ?? string.Empty : string.Empty,
                root.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty,
                root.TryGetProperty("done", out var d) ? d.GetInt32() : null);
        }
        catch (JsonException)
        {
            return new LogLine("text", line, null);
        }
    }
}

/// <summary>
/// The real, built <c>gridem</c> as a child process (the <c>gridem.dll</c> beside the tests), run in a case folder:
/// its working directory is the case folder and its TMPDIR a folder inside it, so a stray write anywhere but
/// <c>--out</c> shows in the case folder's snapshot. Standard error is read line by line while it runs, so a test
/// can act at a point of the run's own progress (a year allocated, a step written) rather than after a guessed delay.
/// </summary>
public sealed class GridemProcess : IDisposable
{
    /// <summary>Longest a step may take on a loaded machine before the test gives up.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private readonly Process process;
    private readonly List<string> errLines = [];
    private readonly StringBuilder outText = new();
    private readonly SemaphoreSlim lineArrived = new(0);
    private bool exited;

    private GridemProcess(CaseFolder folder, bool json, string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "gridem.dll");
        string[] options = json ? ["--log-json"] : ["--quiet"];
        var psi = new ProcessStartInfo("dotnet", [dll, .. options, .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = folder.Root,
        };
        string tmp = TempOf(folder);
        Directory.CreateDirectory(tmp);
        psi.Environment["TMPDIR"] = tmp;
        psi.Environment.Remove("GRIDEM_LOG_DIR");

        // The runtime's diagnostics socket would sit in TMPDIR (and stay there after kill -9): it is not gridem's write.
        psi.Environment["DOTNET_EnableDiagnostics"] = "0";
        process = new Process { StartInfo = psi };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errLines)
                {
                    errLines.Add(e.Data);
                }

                lineArrived.Release();
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (outText)
                {
                    outText.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    /// <summary>The process id (also the PID in its <c>.NAME.partial-PID</c> folder: <c>dotnet gridem.dll</c> hosts the runtime in this process).</summary>
    public int Pid => process.Id;

    public string Stderr
    {
        get
        {
            lock (errLines)
            {
                return string.Join("\n", errLines);
            }
        }
    }

    /// <summary>Standard error's lines, parsed.</summary>
    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (errLines)
            {
                return errLines.Select(LogLine.Parse).ToList();
            }
        }
    }

    public string Stdout
    {
        get
        {
            lock (outText)
            {
                return outText.ToString();
            }
        }
    }

    /// <summary>What the process printed, for failure messages.</summary>
    public string Console => $"stdout:\n{Stdout}\nstderr:\n{Stderr}";

    /// <summary>The case folder's TMPDIR for gridem.</summary>
    public static string TempOf(CaseFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return folder.PathOf("tmp");
    }

    /// <summary>Starts gridem; <paramref name="json"/> gives <c>--log-json</c> (progress lines), else <c>--quiet</c>.</summary>
    public static GridemProcess Start(CaseFolder folder, bool json, params string[] args) => new(folder, json, args);

    /// <summary>Runs gridem to its end.</summary>
    public static GridemProcess Run(CaseFolder folder, bool json, params string[] args)
    {
        var p = new GridemProcess(folder, json, args);
        p.WaitForExit();
        return p;
    }

    /// <summary>Waits until a line of standard error satisfies <paramref name="reached"/>; false when the process ended first.</summary>
    public bool WaitFor(Func<LogLine, bool> reached)
    {
        ArgumentNullException.ThrowIfNull(reached);
        var deadline = DateTime.UtcNow + Patience;
        int seen = 0;
        while (DateTime.UtcNow < deadline)
        {
            string[] fresh;
            lock (errLines)
            {
                fresh = errLines.Skip(seen).ToArray();
                seen = errLines.Count;
            }

            if (fresh.Any(l => reached(LogLine.Parse(l))))
            {
                return true;
            }

            if (process.HasExited)
            {
                process.WaitForExit();
                lock (errLines)
                {
                    if (errLines.Count == seen)
                    {
                        return false;
                    }
                }

                continue;
            }

            lineArrived.Wait(TimeSpan.FromMilliseconds(200));
        }

        return false;
    }

    /// <summary>Waits until the run reaches <paramref name="point"/>; fails the test when it ended before.</summary>
    public void Reach(KillPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!WaitFor(point.Reached))
        {
            Assert.Fail($"the run ended (exit {WaitForExit()}) or took over {Patience} before reaching {point}; {Console}");
        }
    }

    /// <summary>kill -9.</summary>
    public void Kill9() => process.Kill();

    /// <summary>Sends a signal by name (TERM, INT, STOP, CONT) with kill(1).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", name, Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        string err = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -s {name} {Pid} failed: {err}");
    }

    /// <summary>Waits for the end (all output read); the exit code (128 + n after a death by signal n).</summary>
    public int WaitForExit()
    {
        if (!process.WaitForExit(Patience))
        {
            process.Kill();
            process.WaitForExit();
            Assert.Fail($"gridem did not finish within {Patience}; {Console}");
        }

        process.WaitForExit();
        exited = true;
        return process.ExitCode;
    }

    public int ExitCode => exited ? process.ExitCode : WaitForExit();

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
        lineArrived.Dispose();
    }
}
