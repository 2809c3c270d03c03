using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;

namespace GridEmissions.Cli.Commands;

/// <summary>
/// How gridem talks while it works, on standard error (standard output keeps the results):
/// plain lines, a progress bar over the years when standard error is a terminal, nothing but
/// warnings with <c>--quiet</c>, or one JSON object per line with <c>--log-json</c> (for pipelines).
/// </summary>
public sealed class ConsoleReporter
{
    private readonly bool quiet;
    private readonly bool json;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private ProgressTask? task;
    private IAnsiConsole? live;

    /// <summary>Creates the reporter.</summary>
    public ConsoleReporter(bool quiet, bool json)
    {
        this.quiet = quiet;
        this.json = json;
    }

    /// <summary>True when a live progress bar can be drawn.</summary>
    public bool Interactive => !quiet && !json && !Console.IsErrorRedirected;

    /// <summary>An informational message.</summary>
    public void Info(string message)
    {
        if (json)
        {
            Write("info", message, null, null);
        }
        else if (!quiet)
        {
            if (task is not null)
            {
                task.Description = Markup.Escape(message.Length > 60 ? message[..60] : message);
            }
            else
            {
                Console.Error.WriteLine(message);
            }
        }
    }

    /// <summary>
    /// A warning about a suspicious but legal input: a whole line even under a progress bar (above it) or
    /// with <c>--quiet</c> (warnings are not progress), level <c>warning</c> with <c>--log-json</c>.
    /// </summary>
    public void Warning(string message)
    {
        if (json)
        {
            Write("warning", message, null, null);
        }
        else if (live is not null)
        {
            live.WriteLine(message);
        }
        else
        {
            Console.Error.WriteLine(message);
        }
    }

    /// <summary>Progress over the years of a run.</summary>
    public void Year(int done, int total)
    {
        if (json)
        {
            Write("progress", "year allocated", done, total);
        }
        else if (task is not null)
        {
            task.MaxValue = total;
            task.Value = done;
        }
    }

    /// <summary>Runs <paramref name="body"/> with a live progress bar when interactive (steps longer than a second show progress), plainly otherwise.</summary>
    public T Run<T>(string title, Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!Interactive)
        {
            return body();
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                task = ctx.AddTask(Markup.Escape(title), maxValue: 1);
                live = console;
                try
                {
                    result = body();
                    task.Value = task.MaxValue;
                }
                finally
                {
                    task = null;
                    live = null;
                }
            });
        return result;
    }

    private void Write(string level, string message, int? done, int? total)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("level", level);
            w.WriteString("message", message);
            if (done is int d && total is int t)
            {
                w.WriteNumber("done", d);
                w.WriteNumber("total", t);
            }

            w.WriteNumber("elapsed_ms", clock.ElapsedMilliseconds);
            w.WriteEndObject();
        }

        Console.Error.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
