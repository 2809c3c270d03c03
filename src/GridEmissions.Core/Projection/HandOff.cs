namespace GridEmissions.Core.Projection;

/// <summary>
/// One piece of work at a time on a second thread, in the order posted: the runner hands a sector's
/// grid to the sink (and the pattern indicators) while it computes the next sector on the first
/// thread. <see cref="Post"/> waits for the previous piece, so work never overlaps itself and a
/// failure surfaces, as its own exception, at the next <see cref="Post"/> or <see cref="Wait"/>.
/// </summary>
internal sealed class HandOff : IDisposable
{
    private Task pending = Task.CompletedTask;

    /// <summary>Waits for the previous piece of work, then starts <paramref name="work"/>.</summary>
    public void Post(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Wait();
        pending = Task.Run(work);
    }

    /// <summary>
    /// Queues <paramref name="work"/> to run on the second thread right after the piece in flight, without waiting for it:
    /// the first thread goes on meanwhile. It runs only if that piece succeeded (a failure stays the failure reported).
    /// </summary>
    public void Then(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        pending = pending.ContinueWith(
            previous =>
            {
                previous.GetAwaiter().GetResult();
                work();
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }

    /// <summary>Waits for the work posted so far; rethrows its failure.</summary>
    public void Wait()
    {
        Task task = pending;
        pending = Task.CompletedTask;
        task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Waits for work still running (the runner is unwinding from its own failure, which stands: a failure of the
    /// work as well is not thrown over it).
    /// </summary>
    public void Dispose()
    {
        try
        {
            pending.Wait();
        }
        catch (AggregateException)
        {
            // the runner's own exception is already propagating
        }

        pending = Task.CompletedTask;
    }
}
