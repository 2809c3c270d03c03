using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Sectors;

namespace GridEmissions.Pipeline;

/// <summary>A projection sink that keeps nothing: `validate` runs every allocation and audit of `run` without writing.</summary>
public sealed class DryRunSink : IProjectionSink
{
    /// <inheritdoc />
    public void WriteSector(int year, Sector sector, ReadOnlySpan<double> cells)
    {
    }

    /// <inheritdoc />
    public void WriteTotal(int year, ReadOnlySpan<double> cells)
    {
    }

    /// <inheritdoc />
    public void WriteFacilities(int year, IReadOnlyList<FacilityYearRecord> records)
    {
    }
}
