using System.Diagnostics;
using System.Globalization;
using GridEmissions.Analysis;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sectors;
using GridEmissions.Gdal;

namespace GridEmissions.Bench.National;

/// <summary>
/// The national benchmark's sink: city totals of every sector grid and of the total, every year,
/// from a coverage built once; and, for a few years only, the year's GeoTIFF (a band per sector,
/// then the total, as `gridem run` writes them), streamed a band at a time as the runner hands the grids
/// over: no grid is copied or held.
/// </summary>
public sealed class CityTotalsSink(CityCoverage coverage, GridSpec grid, Scenario scenario, string outDir, IReadOnlySet<int> tiffYears, bool checksum) : IProjectionSink, IDisposable
{
    private GeoTiffBandStream? tiff; // the GeoTIFF year being written, from its first sector to its total
    private readonly Stopwatch totalsWatch = new();
    private readonly Stopwatch tiffWatch = new();

    /// <summary>City-total computations done.</summary>
    public int CityTotalRuns { get; private set; }

    /// <summary>Largest |Σ cities + outside − grid total| ÷ grid total seen (reconciliation check).</summary>
    public double WorstRelativeResidual { get; private set; }

    /// <summary>Facility records received.</summary>
    public long FacilityRecords { get; private set; }

    /// <summary>Time in <see cref="CityTotals.Compute"/>.</summary>
    public TimeSpan CityTotalsTime => totalsWatch.Elapsed;

    /// <summary>Time writing GeoTIFFs.</summary>
    public TimeSpan GeoTiffTime => tiffWatch.Elapsed;

    /// <summary>With checksums on: a hash of the bits of every cell of every grid received, in order (to show that an optimisation changed no output bit).</summary>
    public ulong Checksum { get; private set; } = 14695981039346656037UL;

    /// <summary>GeoTIFFs written.</summary>
    public List<string> Written { get; } = [];

    /// <inheritdoc />
    public void WriteSector(int year, Sector sector, ReadOnlySpan<double> cells)
    {
        ArgumentNullException.ThrowIfNull(sector);
        Totals(cells);
        if (tiffYears.Contains(year))
        {
            tiffWatch.Start();
            tiff ??= OpenTiff(year);
            int band = scenario.Sectors.ToList().FindIndex(s => s.Sector.Id == sector.Id);
            tiff.WriteBand(band, sector.Id, Meta(year, sector.Id), null, cells);
            tiffWatch.Stop();
        }
    }

    /// <inheritdoc />
    public void WriteTotal(int year, ReadOnlySpan<double> cells)
    {
        Totals(cells);
        if (!tiffYears.Contains(year))
        {
            return;
        }

        tiffWatch.Start();
        using (GeoTiffBandStream stream = tiff ?? OpenTiff(year))
        {
            tiff = null;
            stream.WriteBand(stream.BandCount - 1, "total", Meta(year, "total"), null, cells);
            stream.Commit();
        }

        tiffWatch.Stop();
        Written.Add(TiffPath(year));
    }

    /// <summary>Abandons a GeoTIFF year left unfinished by a failed run (nothing half-written stays).</summary>
    public void Dispose() => tiff?.Dispose();

    // The year's GeoTIFF: a band per sector, then the total.
    private GeoTiffBandStream OpenTiff(int year) => new(TiffPath(year), grid, scenario.Sectors.Count + 1, Meta(year, null), GeoTiffOptions.Default);

    private string TiffPath(int year) => Path.Combine(outDir, string.Create(CultureInfo.InvariantCulture, $"emissions_{year}.tif"));

    /// <inheritdoc />
    public void WriteFacilities(int year, IReadOnlyList<FacilityYearRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        FacilityRecords += records.Count;
    }

    private void Totals(ReadOnlySpan<double> cells)
    {
        if (checksum)
        {
            ulong h = Checksum;
            foreach (double v in cells)
            {
                h = (h ^ (ulong)BitConverter.DoubleToInt64Bits(v)) * 1099511628211UL;
            }

            Checksum = h;
        }

        totalsWatch.Start();
        CityTotalsResult r = CityTotals.Compute(coverage, cells);
        totalsWatch.Stop();
        CityTotalRuns++;
        if (r.GridTotalTonnes > 0)
        {
            WorstRelativeResidual = Math.Max(WorstRelativeResidual, Math.Abs(r.ResidualTonnes) / r.GridTotalTonnes);
        }
    }

    private Dictionary<string, string> Meta(int year, string? sector)
    {
        var m = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["scenario"] = scenario.Id,
            ["title"] = scenario.Title,
            ["units"] = SectorCatalog.RasterUnits,
            ["crs"] = ChinaAlbers.Name,
            ["year"] = year.ToString(CultureInfo.InvariantCulture),
            ["note"] = "synthetic benchmark pathway (tools/bench), not a projection",
        };
        if (sector is not null)
        {
            m["sector"] = sector;
        }

        return m;
    }
}
