using System.Text.RegularExpressions;

namespace GridEmissions.Cli.Tests.Commands.BadInputs;

/// <summary>
/// The bad-input suite, driven in-process through the command line (<see cref="Program.Run"/>): for every
/// case the run exits 1 with a message naming the file (and the line or feature) and a fix, prints no
/// stack trace on either stream, leaves no output or partial folder, changes no input, and `validate` gives
/// the same verdict naming the same file, without a stack trace either.
/// </summary>
public sealed partial class BadInputSuiteTests
{
    public static TheoryData<string> Cases => BadInputCases.Names();

    [Fact]
    public void The_suite_has_at_least_150_cases_with_unique_names()
    {
        Assert.True(BadInputCases.All.Count >= 150, $"only {BadInputCases.All.Count} cases");
        Assert.Equal(BadInputCases.All.Count, BadInputCases.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_input_exits_1_naming_file_and_line_with_no_output_and_inputs_unchanged(string name)
    {
        BadCase c = BadInputCases.All.Single(x => x.Name == name);
        using var folder = new CaseFolder();
        folder.Scenario = folder.PathOf("scenarios/henan-neutrality.yaml");
        c.Mutate(folder);
        var before = folder.Snapshot();
        string[] outBefore = Directory.Exists(folder.OutParent) ? Directory.GetFileSystemEntries(folder.OutParent) : [];

        string[] args = c.Args?.Invoke(folder) ?? ["run", folder.Scenario, "--out", folder.Out];
        var (code, stderr, stdout) = Gridem(args);

        Assert.True(code == c.Exit, $"{name}: expected exit {c.Exit}, got {code}; stderr:\n{stderr}");
        Assert.DoesNotMatch(StackFrame(), stderr);
        Assert.DoesNotMatch(StackFrame(), stdout);
        Assert.Contains(Path.GetFileName(c.Where), stderr, StringComparison.Ordinal);
        Assert.Contains("Fix:", stderr, StringComparison.Ordinal);
        foreach (string phrase in c.Phrases)
        {
            Assert.True(stderr.Contains(phrase, StringComparison.OrdinalIgnoreCase), $"{name}: '{phrase}' not in stderr:\n{stderr}");
        }

        if (c.Line is not null)
        {
            int? line = c.Line switch { "@row" => folder.RowLine, "*" => null, _ => folder.LineOf(c.Where, c.Line) };
            var cited = Regex.Matches(stderr, Regex.Escape(Path.GetFileName(c.Where)) + ":(\\d+):").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.True(line is null ? cited.Any(l => l >= 1) : cited.Contains(line.Value), $"{name}: expected {Path.GetFileName(c.Where)}:{line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "N"} in stderr:\n{stderr}");
        }

        Assert.Equal(before, folder.Snapshot());
        string[] outAfter = Directory.Exists(folder.OutParent) ? Directory.GetFileSystemEntries(folder.OutParent) : [];
        Assert.True(outAfter.Order().SequenceEqual(outBefore.Order()), $"{name}: output folder changed: {string.Join(", ", outAfter.Except(outBefore))}");

        if (c.Args is null)
        {
            var (validateCode, validateErr, validateOut) = Gridem("validate", folder.Scenario);
            Assert.True(validateCode == code, $"{name}: validate exits {validateCode} but run exits {code}; validate stderr:\n{validateErr}");
            Assert.DoesNotMatch(StackFrame(), validateErr);
            Assert.DoesNotMatch(StackFrame(), validateOut);
            Assert.Contains(Path.GetFileName(c.Where), validateErr, StringComparison.Ordinal);
            Assert.Equal(before, folder.Snapshot());
        }
    }

    private static (int Code, string Stderr, string Stdout) Gridem(params string[] args)
    {
        TextWriter oldErr = Console.Error, oldOut = Console.Out;
        using var err = new StringWriter();
        using var @out = new StringWriter();
        Console.SetError(err);
        Console.SetOut(@out);
        try
        {
            int code = Program.Run(["--quiet", .. args]);
            return (code, err.ToString(), @out.ToString());
        }
        finally
        {
            Console.SetError(oldErr);
            Console.SetOut(oldOut);
        }
    }

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
