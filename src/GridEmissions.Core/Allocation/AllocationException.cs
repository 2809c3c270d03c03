namespace GridEmissions.Core.Allocation;

/// <summary>A target that cannot be conserved on the grid (no weight to carry it, or a broken audit). The run must fail.</summary>
public sealed class AllocationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AllocationException(string message)
        : base(message)
    {
    }

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
