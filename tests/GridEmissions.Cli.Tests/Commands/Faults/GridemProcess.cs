using System.Diagnostics;
using System.Runtime.InteropServices;
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
/// Standard error is read on a thread of its own (not the thread pool, which a busy test host can starve), and a
/// run started with a hold point is stopped (SIGSTOP, a direct <c>kill(2)</c>) by that thread the moment it reads
/// the point's line, so whatever the machine's load the run waits there until the test signals it.
/// </summary>
public sealed partial class GridemProcess : IDisposable
{
    private const int SigStop = 19;

    /// <summary>Longest a step may take on a loaded machine before the test gives up.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private readonly Process process;
    private readonly List<string> errLines = [];
    private readonly StringBuilder outText = new();
    private readonly SemaphoreSlim lineArrived = new(0);
    private readonly Thread errReader;
    private readonly KillPoint? holdAt;
    private volatile bool held;
    private bool exited;

    private GridemProcess(CaseFolder folder, bool json, string[] args, KillPoint? holdAt = null)
    {
        this.holdAt = holdAt;
        string dll = Path.Combine(AppContext.BaseDirectory, "gridem.dll");
        string[] options = json ? ["--log-json"] : ["--quiet"];
        // Through env(1) with SIGINT back to its default: a suite started in the background of a
        // non-interactive shell (`bash tools/test.sh &`) inherits SIGINT ignored, as POSIX shells set
        // for background jobs, and gridem (rightly) keeps an ignored SIGINT ignored. env then execs
        // dotnet, so the process id stays the run's.
        var psi = new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", dll, .. options, .. args])
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
        errReader = new Thread(ReadErrors) { IsBackground = true, Name = "gridem stderr" };
        errReader.Start();
        process.BeginOutputReadLine();
    }

    /// <summary>The kernel's view: the process is stopped by a signal (state T in <c>/proc/PID/stat</c>).</summary>
    public bool IsStopped
    {
        get
        {
            try
            {
                string stat = File.ReadAllText($"/proc/{Pid}/stat");
                return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('T');
            }
            catch (IOException)
            {
                return false;
            }
        }
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

    /// <summary>
    /// Starts gridem with <c>--log-json</c> and stops it (SIGSTOP) the moment it reports <paramref name="point"/>
    /// (after the point's delay): <see cref="Hold"/> waits for that, <see cref="Signal"/> acts on the stopped run,
    /// and <c>CONT</c> resumes it.
    /// </summary>
    public static GridemProcess StartHeldAt(CaseFolder folder, KillPoint point, params string[] args) => new(folder, json: true, args, point);

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

    /// <summary>
    /// Waits until a run started with <see cref="StartHeldAt"/> is stopped at its point (the kernel shows it
    /// stopped); false when it ended before it could be stopped there (it finished between writing the
    /// line and the stop).
    /// </summary>
    public bool Hold()
    {
        if (holdAt is null)
        {
            throw new InvalidOperationException("this run was not started with a hold point");
        }

        if (!WaitFor(holdAt.Reached))
        {
            Assert.Fail($"the run ended (exit {WaitForExit()}) or took over {Patience} before reaching {holdAt}; {Console}");
        }

        // The line is added to the list after the stop was attempted, so by now the flag is final. The
        // stop itself lands asynchronously (each thread stops as it takes the signal): wait until the
        // kernel shows the process stopped, or ended.
        if (!held)
        {
            return false;
        }

        var deadline = DateTime.UtcNow + Patience;
        while (!IsStopped)
        {
            if (process.HasExited)
            {
                return false;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the run was sent SIGSTOP at {holdAt} but did not stop within {Patience}; {Console}");
            Thread.Sleep(5);
        }

        return true;
    }

    /// <summary>kill -9.</summary>
    public void Kill9() => process.Kill();

    /// <summary>
    /// Sends a signal by name (TERM, INT, STOP, CONT) with kill(1); with <paramref name="mayBeGone"/>, a process
    /// that has already ended is not a failure.
    /// </summary>
    public void Signal(string name, bool mayBeGone = false)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", name, Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        string err = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0 || (mayBeGone && process.HasExited), $"kill -s {name} {Pid} failed: {err}");
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
        errReader.Join();
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

        errReader.Join();
        process.Dispose();
        lineArrived.Dispose();
    }

    /// <summary>Reads standard error to its end, stopping the run at its hold point before the point's line is published.</summary>
    private void ReadErrors()
    {
        StreamReader err = process.StandardError;
        while (err.ReadLine() is string line)
        {
            if (holdAt is not null && !held && holdAt.Reached(LogLine.Parse(line)))
            {
                if (holdAt.DelayMs > 0)
                {
                    Thread.Sleep(holdAt.DelayMs);
                }

                held = PosixKill(process.Id, SigStop) == 0;
            }

            lock (errLines)
            {
                errLines.Add(line);
            }

            lineArrived.Release();
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int PosixKill(int pid, int signal);
}
