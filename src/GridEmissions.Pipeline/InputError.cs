using GridEmissions.Core.Scenarios;

namespace GridEmissions.Pipeline;

/// <summary>A problem in the user's inputs: the CLI prints every problem and exits 1.</summary>
public sealed class InputError : Exception
{
    /// <summary>Creates the error from the problems found.</summary>
    public InputError(IReadOnlyList<ScenarioProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.ToString())))
    {
        Problems = problems;
    }

    /// <summary>Creates the error from one problem.</summary>
    public InputError(string file, string message, string fix)
        : this([new ScenarioProblem(file, 0, message, fix)])
    {
    }

    /// <summary>Creates an empty error.</summary>
    public InputError()
    {
        Problems = [];
    }

    /// <summary>Creates an error with a message.</summary>
    public InputError(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates an error with a message and cause.</summary>
    public InputError(string message, Exception inner)
        : base(message, inner)
    {
        Problems = [];
    }

    /// <summary>Every problem.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; }
}
