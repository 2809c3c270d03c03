using GridEmissions.Pipeline;

namespace GridEmissions.Pipeline.Tests;

public sealed class SharedJobsTests
{
    [Fact]
    public async Task Two_workers_run_every_job_once_and_results_keep_the_list_order()
    {
        int runs = 0;
        var jobs = new SharedJobs<int>(() => [.. Enumerable.Range(0, 200).Select(i => (Func<int>)(() =>
        {
            Interlocked.Increment(ref runs);
            Thread.SpinWait(1000 * (i % 7));
            return i * i;
        }))]);
        Task other = Task.Run(jobs.Work);
        jobs.Work();
        await other;
        Assert.Equal(200, runs);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => i * i), jobs.Results());
    }

    [Fact]
    public void The_first_failure_in_list_order_is_rethrown_after_the_other_jobs_ran()
    {
        int runs = 0;
        var jobs = new SharedJobs<int>(() => [.. Enumerable.Range(0, 10).Select(i => (Func<int>)(() =>
        {
            Interlocked.Increment(ref runs);
            return i is 3 or 7 ? throw new InvalidOperationException($"job {i}") : i;
        }))]);
        jobs.Work();
        Assert.Equal(10, runs);
        Assert.Equal("job 3", Assert.Throws<InvalidOperationException>(jobs.Results).Message);
    }

    [Fact]
    public void A_list_that_cannot_be_made_fails_the_results()
    {
        var jobs = new SharedJobs<int>(() => throw new IOException("grid unreadable"));
        jobs.Work();
        Assert.Equal("grid unreadable", Assert.Throws<IOException>(jobs.Results).Message);
    }
}
