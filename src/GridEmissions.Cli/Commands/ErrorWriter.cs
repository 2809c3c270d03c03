using System.Globalization;
using System.Text;
using System.Text.Json;
using GridEmissions.Core.Scenarios;

namespace GridEmissions.Cli.Commands;

/// <summary>Prints errors on standard error: plain lines, or one JSON object per line with <c>--log-json</c>.</summary>
public sealed class ErrorWriter(bool json)
{
    /// <summary>Prints input problems; returns exit code 1.</summary>
    public int Input(IReadOnlyList<ScenarioProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (json)
        {
            foreach (ScenarioProblem p in problems)
            {
                Line(w =>
                {
                    w.WriteString("level", "error");
                    w.WriteNumber("exit_code", ExitCodes.InputError);
                    w.WriteString("file", p.File);
                    w.WriteNumber("line", p.Line);
                    w.WriteString("message", p.Message);
                    w.WriteString("fix", p.Fix);
                });
            }
        }
        else
        {
            Console.Error.WriteLine(problems.Count == 1
                ? "error: " + problems[0]
                : $"error: {problems.Count} problems in the inputs:\n" + string.Join("\n", problems.Select(p => "  - " + p)));
        }

        return ExitCodes.InputError;
    }

    /// <summary>Prints one line about an internal error and writes its stack trace to a log file; returns exit code 2.</summary>
    public int Internal(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string? log = CrashLog.Write(e);
        string first = e.Message.Split('\n')[0].Trim();
        string where = log is null ? "(the stack trace could not be written to a log file)" : $"details in {log}";
        if (json)
        {
            Line(w =>
            {
                w.WriteString("level", "error");
                w.WriteNumber("exit_code", ExitCodes.InternalError);
                w.WriteString("message", $"internal error: {e.GetType().Name}: {first}");
                w.WriteString("log", log ?? string.Empty);
            });
        }
        else
        {
            Console.Error.WriteLine($"internal error (a bug, please report it with the log): {e.GetType().Name}: {first} — {where}");
        }

        return ExitCodes.InternalError;
    }

    private static void Line(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        Console.Error.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}

/// <summary>Writes an internal error's full details to <c>$TMPDIR/gridem/crash-&lt;UTC time&gt;-&lt;pid&gt;.log</c>.</summary>
public static class CrashLog
{
    /// <summary>The folder of crash logs (GRIDEM_LOG_DIR when set).</summary>
    public static string Folder => Environment.GetEnvironmentVariable("GRIDEM_LOG_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "gridem");

    /// <summary>Writes the log; returns its path, or null when it cannot be written.</summary>
    public static string? Write(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        try
        {
            Directory.CreateDirectory(Folder);
            string path = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"crash-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}.log"));
            File.WriteAllText(path, $"{Pipeline.ToolInfo.NameAndVersion}\ncommand line: {Environment.CommandLine}\n\n{e}\n", new UTF8Encoding(false));
            return path;
        }
        catch (Exception x) when (x is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
