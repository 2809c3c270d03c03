using System.Threading.Channels;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// Work on each year's grids that the projection need not wait for (the report's overlays, the total COGs),
/// done while the projection runs: the grid sink hands over each year's bands as it writes them (the same
/// arrays its GeoTIFF holds) and one background worker runs <c>work</c> on them in year order, on the core
/// the single-threaded projection leaves free. At most two years wait, so a large grid cannot pile up in
/// memory (the projection then waits for the worker). A failure of the work fails the next
/// <see cref="Add"/> or <see cref="Complete"/>.
/// </summary>
public sealed class YearFeed
{
    private readonly Channel<(int Year, RasterBand[] Bands)> queue =
        Channel.CreateBounded<(int, RasterBand[])>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Task worker;

    /// <summary>Starts the worker; <paramref name="work"/> gets each year and its bands (sectors, then the total).</summary>
    public YearFeed(Action<int, RasterBand[]> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        worker = Task.Run(async () =>
        {
            await foreach (var (year, bands) in queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                work(year, bands);
            }
        });
    }

    /// <summary>Queues a year's bands; waits while two years are queued.</summary>
    public void Add(int year, IReadOnlyList<RasterBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var item = (year, bands.ToArray());
        while (!queue.Writer.TryWrite(item))
        {
            if (worker.IsCompleted || !queue.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult())
            {
                worker.GetAwaiter().GetResult(); // rethrows the worker's failure
                throw new InvalidOperationException("the background year worker stopped before the projection ended");
            }
        }
    }

    /// <summary>No more years: completes once the worker has done the queued ones.</summary>
    public Task Complete()
    {
        queue.Writer.TryComplete();
        return worker;
    }
}
