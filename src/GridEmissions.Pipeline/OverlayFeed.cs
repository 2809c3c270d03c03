using System.Threading.Channels;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal;
using GridEmissions.Report;

namespace GridEmissions.Pipeline;

/// <summary>
/// Encodes the report's grid overlays while the projection runs: the grid sink hands over each year's bands
/// as it writes them (the same arrays its GeoTIFF holds) and one background worker encodes them in year order,
/// on the core the single-threaded projection leaves free. At most two years wait, so a large grid cannot
/// pile up in memory (the projection then waits for the worker). The overlays are those that
/// <see cref="ReportData.PrepareOverlays"/> would read back from the finished grids.
/// </summary>
public sealed class OverlayFeed
{
    private readonly Channel<(int Year, RasterBand[] Bands)> queue =
        Channel.CreateBounded<(int, RasterBand[])>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Task<ReportOverlays> worker;

    /// <summary>Starts the worker for grids of <paramref name="grid"/>.</summary>
    public OverlayFeed(GridSpec grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        worker = Task.Run(async () =>
        {
            var encoder = new OverlayEncoder();
            await foreach (var (year, bands) in queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                encoder.Add(year, grid.Columns, grid.Rows, grid.GeoTransform, grid.CrsWkt, [.. bands.Select(b => b.Name)], [.. bands.Select(b => b.Values)], parallel: false);
            }

            return encoder.Complete();
        });
    }

    /// <summary>Queues a year's bands (sectors, then the total); waits while two years are queued. A failed worker fails here.</summary>
    public void Add(int year, IReadOnlyList<RasterBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var item = (year, bands.ToArray());
        while (!queue.Writer.TryWrite(item))
        {
            if (worker.IsCompleted || !queue.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult())
            {
                worker.GetAwaiter().GetResult(); // rethrows the worker's failure
                throw new InvalidOperationException("the report overlay worker stopped before the projection ended");
            }
        }
    }

    /// <summary>No more years: the overlays once the worker has encoded the queued ones.</summary>
    public Task<ReportOverlays> Complete()
    {
        queue.Writer.TryComplete();
        return worker;
    }
}
