namespace GridEmissions.Core.Allocation;

/// <summary>Which region, sector and year an allocation is for (named in every error).</summary>
public sealed record AllocationKey(string Region, string SectorId, int Year)
{
    /// <inheritdoc />
    public override string ToString() => $"region '{Region}', sector '{SectorId}', year {Year}";
}
