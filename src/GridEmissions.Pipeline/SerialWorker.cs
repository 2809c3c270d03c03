using System.Threading.Channels;

namespace GridEmissions.Pipeline;

/// <summary>
/// One background thread that runs the work posted to it, in the order posted: for outputs the projection need
/// not wait for (a library such as netCDF is then used by one thread at a time, as it must be). At most
/// <c>capacity</c> items wait, so large grids cannot pile up in memory (the poster then waits). A failed item
/// stops the worker; the failure is rethrown by the next <see cref="Post"/> or by <see cref="Drain"/>.
/// </summary>
public sealed class SerialWorker
{
    private readonly Channel<Action> queue;
    private readonly Task worker;

    /// <summary>Starts the worker.</summary>
    public SerialWorker(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        queue = Channel.CreateBounded<Action>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        worker = Task.Run(async () =>
        {
            await foreach (Action work in queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                work();
            }
        });
    }

    /// <summary>Queues <paramref name="work"/>; waits while the queue is full.</summary>
    public void Post(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        while (!queue.Writer.TryWrite(work))
        {
            if (worker.IsCompleted || !queue.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult())
            {
                worker.GetAwaiter().GetResult(); // rethrows the worker's failure
                throw new InvalidOperationException("the background worker stopped before its work was done");
            }
        }
    }

    /// <summary>No more work: completes once the queued work is done (faulted with the first failure).</summary>
    public Task Drain()
    {
        queue.Writer.TryComplete();
        return worker;
    }

    /// <summary>Items of <paramref name="itemBytes"/> each that fit in <paramref name="budgetBytes"/> (1 to 64).</summary>
    public static int Capacity(long itemBytes, long budgetBytes) => (int)Math.Clamp(budgetBytes / Math.Max(1, itemBytes), 1, 64);
}
