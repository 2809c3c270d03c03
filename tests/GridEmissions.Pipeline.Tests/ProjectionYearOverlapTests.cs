using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Sectors;

namespace GridEmissions.Pipeline.Tests;

/// <summary>
/// The year's last sector goes to the sink and its patterns on the second thread while the first advances the
/// population proxy to the next year: its urban share must still be taken on the year's own urban mask.
/// </summary>
public sealed class ProjectionYearOverlapTests
{
    // Holds the year's last sector long enough for the first thread to advance the proxy meanwhile, and keeps its grid.
    private sealed class SlowLastSectorSink(string lastSector) : IProjectionSink
    {
        public Dictionary<int, double[]> Last { get; } = [];

        public void WriteSector(int year, Sector sector, ReadOnlySpan<double> cells)
        {
            if (sector.Id == lastSector)
            {
                Last[year] = cells.ToArray();
                Thread.Sleep(15);
            }
        }

        public void WriteTotal(int year, ReadOnlySpan<double> cells)
        {
        }

        public void WriteFacilities(int year, IReadOnlyList<FacilityYearRecord> records)
        {
        }
    }

    [Fact]
    public void The_last_sector_of_a_year_has_its_urban_share_on_that_years_mask()
    {
        PreparedRun run = ScenarioRun.Prepare(RepoPaths.Under("scenarios", "henan-neutrality.yaml"));
        string last = run.Scenario.Sectors[^1].Sector.Id;
        var sink = new SlowLastSectorSink(last);
        ProjectionResult result = run.Runner.Run(sink);

        // an independent proxy, advanced year by year as the runner's was
        var proxy = ModelFactory.Proxy(run.Scenario, run.Region, run.Inputs);
        int sensitive = 0;
        IReadOnlyList<int> years = run.Scenario.Years;
        for (int k = 0; k < years.Count; k++)
        {
            int year = years[k];
            proxy.AdvanceTo(year);
            double[] cells = sink.Last[year];
            double target = run.Targets.TargetMt(year, last) * 1e6;
            double own = InUrban(cells, proxy.Urban, target);
            PatternRow row = result.Patterns.Single(p => p.Year == year && p.SectorId == last);
            Assert.Equal(BitConverter.DoubleToInt64Bits(own), BitConverter.DoubleToInt64Bits(row.ShareInUrbanCells));
            if (k + 1 < years.Count)
            {
                var next = ModelFactory.Proxy(run.Scenario, run.Region, run.Inputs);
                next.AdvanceTo(years[k + 1]);
                sensitive += InUrban(cells, next.Urban, target) != own ? 1 : 0;
            }
        }

        // the next year's mask would give another share in some years: the check above can fail
        Assert.True(sensitive >= 5, $"only {sensitive} years where the next year's urban mask changes the share");
    }

    private static double InUrban(double[] cells, bool[] urban, double target)
    {
        double scale = SectorPatterns.Scale(target), sum = 0;
        for (int i = 0; i < cells.Length; i++)
        {
            if (urban[i])
            {
                sum += cells[i] * scale;
            }
        }

        return sum;
    }
}
