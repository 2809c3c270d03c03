namespace GridEmissions.Pipeline;

/// <summary>
/// A list of independent jobs that several threads work through together: each caller of <see cref="Work"/>
/// takes the next job not yet taken until none is left. The list is made once, by the first caller. Results
/// come back in list order whichever thread ran a job, so the outcome does not depend on the timing; a
/// failed job fails <see cref="Results"/> (the first failure in list order).
/// </summary>
/// <typeparam name="T">What a job returns.</typeparam>
public sealed class SharedJobs<T>
{
    private readonly Lazy<(IReadOnlyList<Func<T>> Jobs, T[] Results, Exception?[] Errors)> list;
    private int next = -1;

    /// <summary>Jobs that <paramref name="make"/> lists when first needed.</summary>
    public SharedJobs(Func<IReadOnlyList<Func<T>>> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        list = new(() =>
        {
            IReadOnlyList<Func<T>> jobs = make();
            return (jobs, new T[jobs.Count], new Exception?[jobs.Count]);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Runs jobs until none is left (none at all when making the list failed: <see cref="Results"/> reports it).</summary>
    public void Work()
    {
        if (!TryList(out var jobs, out var results, out var errors))
        {
            return;
        }

        int i;
        while ((i = Interlocked.Increment(ref next)) < jobs.Count)
        {
            try
            {
                results[i] = jobs[i]();
            }
#pragma warning disable CA1031 // the failure is kept and rethrown by Results, in list order
            catch (Exception e)
#pragma warning restore CA1031
            {
                errors[i] = e;
            }
        }
    }

    /// <summary>The results in list order, once every <see cref="Work"/> call has returned; rethrows the first failure.</summary>
    public IReadOnlyList<T> Results()
    {
        var (_, results, errors) = list.Value;
        if (Array.Find(errors, e => e is not null) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        return results;
    }

    private bool TryList(out IReadOnlyList<Func<T>> jobs, out T[] results, out Exception?[] errors)
    {
        try
        {
            (jobs, results, errors) = list.Value;
            return true;
        }
#pragma warning disable CA1031 // Lazy keeps the failure; Results rethrows it
        catch (Exception)
#pragma warning restore CA1031
        {
            (jobs, results, errors) = ([], [], []);
            return false;
        }
    }
}
