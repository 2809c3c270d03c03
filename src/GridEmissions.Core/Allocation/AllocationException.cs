namespace GridEmissions.Core.Allocation;

/// <summary>A target that cannot be conserved on the grid (no weight to carry it, or a broken audit). The run must fail.</summary>
public sealed class AllocationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AllocationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception; <paramref name="causedByInputs"/> marks a target the scenario's own settings make impossible (not a broken conservation).</summary>
    public AllocationException(string message, bool causedByInputs)
        : base(message)
    {
        CausedByInputs = causedByInputs;
    }

    /// <summary>True when the scenario's settings make the target impossible (the CLI reports it as an input problem, exit 1); false for a broken conservation (an internal error).</summary>
    public bool CausedByInputs { get; }

    /// <summary>Creates the exception with a cause.</summary>
    public AllocationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public AllocationException()
    {
    }
}
