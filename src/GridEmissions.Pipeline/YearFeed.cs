using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// Work on each year's grids that the projection need not wait for (the report's overlays, the total COGs),
/// done while the projection runs: the grid sink hands over each year's bands as it writes them (the same
/// arrays its GeoTIFF holds) and a <see cref="SerialWorker"/> runs <c>work</c> on them in year order, on the
/// core the single-threaded projection leaves free. At most two years wait.
/// </summary>
public sealed class YearFeed
{
    private readonly Action<int, RasterBand[]> work;
    private readonly SerialWorker worker = new(2);

    /// <summary>Starts the worker; <paramref name="work"/> gets each year and its bands (sectors, then the total).</summary>
    public YearFeed(Action<int, RasterBand[]> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        this.work = work;
    }

    /// <summary>Queues a year's bands; waits while two years are queued; rethrows an earlier failure of the work.</summary>
    public void Add(int year, IReadOnlyList<RasterBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        RasterBand[] copy = [.. bands];
        worker.Post(() => work(year, copy));
    }

    /// <summary>No more years: completes once the worker has done the queued ones.</summary>
    public Task Complete() => worker.Drain();
}
