using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Sectors;

namespace GridEmissions.Core.Projection;

/// <summary>
/// Where a projection streams its yearly grids and tables (an output adapter: GeoTIFF, NetCDF,
/// CSV…). The spans are valid only during the call (the runner reuses its buffers): copy what
/// you keep. Calls come one at a time and in year and sector order, but not always on the thread
/// that started the run: the runner computes the next sector meanwhile, so a sink must not read
/// the models' or the population proxy's state.
/// </summary>
public interface IProjectionSink
{
    /// <summary>One sector's allocated grid for a year (t CO2/yr per cell).</summary>
    void WriteSector(int year, Sector sector, ReadOnlySpan<double> cells);

    /// <summary>The total of all sectors for a year.</summary>
    void WriteTotal(int year, ReadOnlySpan<double> cells);

    /// <summary>The per-facility records of a year.</summary>
    void WriteFacilities(int year, IReadOnlyList<FacilityYearRecord> records);
}
