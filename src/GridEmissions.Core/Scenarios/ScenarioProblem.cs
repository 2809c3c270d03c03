namespace GridEmissions.Core.Scenarios;

/// <summary>One problem found in a scenario file: where, what, and how to fix it.</summary>
/// <param name="File">The scenario file (or the input file the problem is in).</param>
/// <param name="Line">1-based line in that file, or 0 when not tied to a line.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record ScenarioProblem(string File, int Line, string Message, string Fix)
{
    /// <inheritdoc />
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}: {Message} Fix: {Fix}" : $"{File}: {Message} Fix: {Fix}";
}

/// <summary>Thrown when a scenario (or its inputs) has problems; carries all of them.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception from every problem found.</summary>
    public ScenarioException(IReadOnlyList<ScenarioProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates an exception for a single message (not normally used).</summary>
    public ScenarioException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates an exception for a single message with its cause.</summary>
    public ScenarioException(string message, Exception inner)
        : base(message, inner)
    {
        Problems = [];
    }

    /// <summary>Creates an empty exception.</summary>
    public ScenarioException()
    {
        Problems = [];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ScenarioProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return $"{problems.Count} problem(s) in the scenario:{Environment.NewLine}" +
            string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
    }
}
