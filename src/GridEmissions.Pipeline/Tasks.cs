namespace GridEmissions.Pipeline;

/// <summary>Helpers for the background tasks of a run.</summary>
internal static class Tasks
{
    /// <summary>
    /// Waits for <paramref name="task"/> (if any) and swallows its failure: for the tasks still running when a run
    /// fails, which must finish before the staging folder is removed; the first failure is the one reported.
    /// </summary>
    public static void WaitQuietly(Task? task)
    {
        try
        {
            task?.Wait();
        }
        catch (AggregateException)
        {
            // the first failure is the one reported
        }
    }
}
