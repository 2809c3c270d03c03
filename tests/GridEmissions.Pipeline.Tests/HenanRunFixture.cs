using System.Diagnostics;
using System.Globalization;
using GridEmissions.Pipeline;

namespace GridEmissions.Pipeline.Tests;

/// <summary>Runs the shipped Henan neutrality scenario once (with analysis, GeoJSON, maps and summary) into a temporary folder.</summary>
public sealed class HenanRunFixture : IDisposable
{
    /// <summary>Runs the scenario.</summary>
    public HenanRunFixture()
    {
        RepoRoot = FindRepoRoot();
        Parent = Path.Combine(Path.GetTempPath(), "gridem-cli-tests-" + Guid.NewGuid().ToString("N"));
        Output = Path.Combine(Parent, "henan");
        var watch = Stopwatch.StartNew();
        (Run, _) = ScenarioRun.Execute(Path.Combine(RepoRoot, "scenarios", "henan-neutrality.yaml"), Output, false, null, RunOutputs.Write);
        Elapsed = watch.Elapsed;
    }

    /// <summary>The folder holding GridEmissions.sln.</summary>
    public string RepoRoot { get; }

    /// <summary>Temporary parent folder.</summary>
    public string Parent { get; }

    /// <summary>The committed run folder.</summary>
    public string Output { get; }

    /// <summary>The prepared run.</summary>
    public PreparedRun Run { get; }

    /// <summary>Wall time of the run.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>A path inside the run folder.</summary>
    public string PathOf(string relative) => Path.Combine(Output, relative);

    /// <summary>Walks up from the test binaries to the folder with GridEmissions.sln.</summary>
    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GridEmissions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GridEmissions.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs a tool; returns exit code and output.</summary>
    public static (int Code, string Stdout, string Stderr) Tool(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr);
    }

    /// <summary>Reads a CSV written by the tool (RFC 4180 quoting) as header + rows.</summary>
    public static (string Header, List<Dictionary<string, string>> Rows) ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = Split(lines[0]);
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => header.Zip(Split(l)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
        return (lines[0], rows);
    }

    /// <summary>Parses a number written with "R".</summary>
    public static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Parent))
        {
            Directory.Delete(Parent, true);
        }
    }

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
