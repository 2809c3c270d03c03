using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Sectors;

namespace GridEmissions.Pipeline.Tests;

/// <summary>
/// ProjectionRunner hands each sector's grid to the sink on a second thread while it computes the next
/// sector: the sink must still see one call at a time, in year and sector order, with the grids a
/// serial run gives, and a sink's failure must come out of the run as itself.
/// </summary>
public sealed class ProjectionHandOffTests
{
    private sealed class OrderSink(int failAtCall = -1) : IProjectionSink
    {
        private int inside;

        public List<string> Calls { get; } = [];

        public List<ulong> Hashes { get; } = [];

        public HashSet<int> Threads { get; } = [];

        public void WriteSector(int year, Sector sector, ReadOnlySpan<double> cells) => Record($"{year} {sector.Id}", cells);

        public void WriteTotal(int year, ReadOnlySpan<double> cells) => Record($"{year} total", cells);

        public void WriteFacilities(int year, IReadOnlyList<FacilityYearRecord> records) => Record($"{year} facilities {records.Count}", []);

        private void Record(string call, ReadOnlySpan<double> cells)
        {
            Assert.Equal(1, Interlocked.Increment(ref inside)); // never two calls at once
            Threads.Add(Environment.CurrentManagedThreadId);
            if (Calls.Count == failAtCall)
            {
                Interlocked.Decrement(ref inside);
                throw new IOException($"disk full at call {failAtCall} ({call})");
            }

            ulong h = 14695981039346656037UL;
            foreach (double v in cells)
            {
                h = (h ^ (ulong)BitConverter.DoubleToInt64Bits(v)) * 1099511628211UL;
            }

            Thread.SpinWait(2000); // long enough for the runner to be computing the next sector meanwhile
            Calls.Add(call);
            Hashes.Add(h);
            Interlocked.Decrement(ref inside);
        }
    }

    [Fact]
    public void The_sink_gets_every_call_once_in_order_with_the_grids_of_a_repeated_run()
    {
        var first = new OrderSink();
        ProjectionResult a = ScenarioRun.Prepare(RepoPaths.Under("scenarios", "henan-neutrality.yaml")).Runner.Run(first);
        var second = new OrderSink();
        ProjectionResult b = ScenarioRun.Prepare(RepoPaths.Under("scenarios", "henan-neutrality.yaml")).Runner.Run(second);

        Assert.Equal(first.Calls, second.Calls);
        Assert.Equal(first.Hashes, second.Hashes);
        Assert.Equal(a.Patterns, b.Patterns);
        var expected = new List<string>();
        PreparedRun run = ScenarioRun.Prepare(RepoPaths.Under("scenarios", "henan-neutrality.yaml"));
        foreach (int year in run.Scenario.Years)
        {
            foreach (var s in run.Scenario.Sectors)
            {
                expected.Add($"{year} {s.Sector.Id}");
            }

            expected.Add($"{year} total");
        }

        Assert.Equal(expected, first.Calls.Where(c => !c.Contains("facilities", StringComparison.Ordinal)));
        // facility records follow their sector's grid
        for (int k = 0; k < first.Calls.Count; k++)
        {
            if (first.Calls[k].Contains("facilities", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("total", first.Calls[k - 1], StringComparison.Ordinal);
            }
        }

        Assert.Equal(run.Scenario.Years.Count * run.Scenario.Sectors.Count, a.Patterns.Count);
        Assert.Equal(a.Patterns.Select(p => (p.Year, p.SectorId)), run.Scenario.Years.SelectMany(y => run.Scenario.Sectors.Select(s => (y, s.Sector.Id))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void A_sink_failure_on_the_second_thread_stops_the_run_as_itself(int failAtCall)
    {
        var sink = new OrderSink(failAtCall);
        var e = Assert.Throws<IOException>(() => ScenarioRun.Prepare(RepoPaths.Under("scenarios", "henan-neutrality.yaml")).Runner.Run(sink));
        Assert.Contains($"call {failAtCall}", e.Message, StringComparison.Ordinal);
        Assert.Equal(failAtCall, sink.Calls.Count); // nothing was handed to the sink after the failure
    }
}
