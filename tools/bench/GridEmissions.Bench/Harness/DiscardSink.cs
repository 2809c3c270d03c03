using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Sectors;

namespace GridEmissions.Bench.Harness;

/// <summary>A projection sink that keeps nothing: measures the model core alone (no I/O). It counts what it was given so the work cannot be skipped.</summary>
public sealed class DiscardSink : IProjectionSink
{
    /// <summary>Sector grids received.</summary>
    public int SectorGrids { get; private set; }

    /// <summary>Facility records received.</summary>
    public long FacilityRecords { get; private set; }

    /// <summary>Sum of the first cell of every grid (a value the JIT cannot drop).</summary>
    public double Checksum { get; private set; }

    /// <inheritdoc />
    public void WriteSector(int year, Sector sector, ReadOnlySpan<double> cells)
    {
        SectorGrids++;
        Checksum += cells.IsEmpty ? 0 : cells[0];
    }

    /// <inheritdoc />
    public void WriteTotal(int year, ReadOnlySpan<double> cells) => Checksum += cells.IsEmpty ? 0 : cells[^1];

    /// <inheritdoc />
    public void WriteFacilities(int year, IReadOnlyList<FacilityYearRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        FacilityRecords += records.Count;
    }
}
