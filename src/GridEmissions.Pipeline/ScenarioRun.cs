using System.Globalization;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Scenarios;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>The prepared pieces of a scenario run: scenario, targets, region, inputs, proxy and models.</summary>
public sealed record PreparedRun(Scenario Scenario, SectorTargets Targets, RegionGeography Region, RegionInputs Inputs, ProjectionRunner Runner)
{
    /// <summary>SHA-256 of every input, taken before they were read.</summary>
    public InputHashes Hashes { get; init; } = new();

    /// <summary>The inputs of the signed sectors (land sink, removals, storage), or null when the scenario has no <c>sinks:</c>.</summary>
    public SinkInputs? Sinks { get; init; }

    /// <summary>The lines each line sector runs on (corridors, station links, road proxy), by sector id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Core.Models.Lines.CorridorLine>> TransportLines { get; init; } =
        new Dictionary<string, IReadOnlyList<Core.Models.Lines.CorridorLine>>();
}

/// <summary>`gridem run`: a scenario projected year by year into an output folder (grids, NetCDF, facility table, audit, patterns, manifest).</summary>
public static class ScenarioRun
{
    /// <summary>Reads and validates the scenario and all its inputs; builds the models.</summary>
    public static PreparedRun Prepare(string scenarioPath, Func<Scenario, Scenario>? adjust = null)
    {
        var hashes = new InputHashes();
        hashes.Add("scenario", Path.GetFullPath(scenarioPath));
        Scenario scenario = ScenarioReader.Read(scenarioPath);
        hashes.AddInputs(scenario);
        if (adjust is not null)
        {
            scenario = adjust(scenario);
        }

        PhaseTimes.Mark("prepare: read");
        SectorTargets targets = SectorTargets.Compute(scenario);
        RegionGeography region = RegionGeography.Load(scenario.Inputs.Boundaries, scenario.Region, scenario.CellSizeMetres, scenario.MarginCells);
        PhaseTimes.Mark("prepare: region");
        var unknown = scenario.CityCaps.Where(c => region.Cities.All(city => city.Adcode != c.Adcode)).ToList();
        if (unknown.Count > 0)
        {
            var lines = new ScenarioLines(scenario.SourcePath);
            throw new InputError(unknown.Select(c => new ScenarioProblem(scenario.SourcePath, lines.Containing(c.Adcode, "city_caps"),
                $"city_caps names adcode {c.Adcode} (sector {c.SectorId}), which is not a city of region '{scenario.Region}' in {Path.GetFileName(scenario.Inputs.Boundaries)}.",
                $"use one of: {string.Join(", ", region.Cities.Select(city => city.Adcode))}.")).ToList());
        }

        RegionInputs inputs = RegionInputs.Load(scenario, region);
        PhaseTimes.Mark("prepare: inputs");
        var proxy = ModelFactory.Proxy(scenario, region, inputs);
        PhaseTimes.Mark("prepare: proxy");
        var models = ModelFactory.Build(scenario, region, inputs, proxy);
        PhaseTimes.Mark("prepare: models");
        SinkInputs? sinks = SinkInputs.Load(scenario, region);
        PhaseTimes.Mark("prepare: sinks");
        if (RunChecks.Find(scenario, targets, inputs, region) is { Count: > 0 } problems)
        {
            throw new InputError(problems);
        }

        PhaseTimes.Mark("prepare: checks");
        hashes.CheckUnchanged(scenario);
        return new PreparedRun(scenario, targets, region, inputs, new ProjectionRunner(scenario, targets, region.Cells, models, proxy))
        {
            Hashes = hashes,
            Sinks = sinks,
            TransportLines = models.Where(m => m.Value is Core.Models.Lines.LineSourceModel { Lines.Count: > 0 })
                .ToDictionary(m => m.Key, m => ((Core.Models.Lines.LineSourceModel)m.Value).Lines, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Runs the scenario into <paramref name="outDir"/>; returns the result and the committed folder. Warnings about
    /// suspicious but legal inputs go to <paramref name="warn"/> (or <paramref name="log"/> when not given) and to <c>run-log.txt</c>.
    /// </summary>
    public static (PreparedRun Run, ProjectionResult Result) Execute(string scenarioPath, string outDir, bool force, Action<string>? log = null, Action<PreparedRun, OutputDirectory, ProjectionResult>? extra = null, Action<int, int>? yearProgress = null, Action<string>? warn = null)
    {
        PreparedRun prepared = Prepare(scenarioPath);
        PhaseTimes.Mark("run: prepared");
        Scenario scenario = prepared.Scenario;
        foreach (ScenarioProblem w in prepared.Region.Warnings)
        {
            (warn ?? log)?.Invoke(RunLog.Console(w));
        }

        using var output = new OutputDirectory(outDir, force, [scenario.SourcePath, scenario.Inputs.Boundaries, .. scenario.Inputs.Files.Values]);
        ProjectionResult result;
        NetOutputSink? net = null;

        // The projection runs on one thread. With the full outputs (extra), the other core meanwhile prepares what the
        // maps and GeoJSON take from the region alone, and writes each year's total COG and report overlays as the year is written.
        Task outlines = extra is null ? Task.CompletedTask : Task.Run(prepared.Region.PrepareOutlines);
        // At most two years wait for that worker (the projection then waits), so large grids cannot pile up in memory.
        var encoder = new Report.OverlayEncoder();
        var grid = prepared.Region.Grid;
        SerialWorker? years = extra is null ? null : new SerialWorker(2);
        void YearWork(int year, IReadOnlyList<RasterBand> bands)
        {
            TotalCogs.Write(output.File(Path.Combine("grids", TotalCogs.FileName(year))), grid, bands[^1]);
            encoder.Add(year, grid.Columns, grid.Rows, grid.GeoTransform, grid.CrsWkt, [.. bands.Select(b => b.Name)], [.. bands.Select(b => b.Values)], parallel: false);
        }

        Task? yearWork;
        using var sink = new GridOutputSink(output, scenario, prepared.Region.Mask, new FacilityCities(prepared.Region),
            years is null ? null : new Action<int, IReadOnlyList<RasterBand>>((year, bands) => years.Post(() => YearWork(year, bands))));
        int count = scenario.Years.Count;
        net = prepared.Sinks is { } sinks ? new NetOutputSink(sink, sinks, prepared.Region.Grid.CellCount, prepared.Scenario.OffGrid is null ? null : prepared.Targets.OffGridMt) : null;
        try
        {
            result = Project(prepared, net is null ? sink : net, y => yearProgress?.Invoke(y - scenario.StartYear + 1, count));
        }
        catch
        {
            Tasks.WaitQuietly(outlines);
            Tasks.WaitQuietly(years?.Drain());
            throw;
        }

        yearWork = years?.Drain();
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{scenario.Id}: {count} years x {scenario.Sectors.Count} sectors allocated and audited"));
        PhaseTimes.Mark("run: projected");

        // The NetCDF cube is closed (its last chunks compressed) in the background while the analysis runs.
        sink.Complete();

        try
        {
            WriteTablesAndAnalysis(prepared, output, result, net, extra, yearWork);
            outlines.GetAwaiter().GetResult();
        }
        catch
        {
            // Let the background tasks finish before the failure unwinds (and the staging folder is removed).
            Tasks.WaitQuietly(yearWork);
            Tasks.WaitQuietly(outlines);
            throw;
        }

        PhaseTimes.Mark("run: analysis");
        sink.WaitForCube();
        sink.Dispose();

        // The inputs are hashed before they are read and again once every output is written: a file edited meanwhile fails the run (nothing is committed).
        prepared.Hashes.CheckUnchanged(scenario);
        RunManifest.Write(output, scenario, prepared.Hashes, "run " + Path.GetFileName(scenarioPath));
        if (yearWork is not null)
        {
            // The report reads the staged run (manifest included); the manifest is then written again to list it.
            Report.ReportWriter.Write(output.Staging, output.File(Report.ReportWriter.FileName), encoder.Complete());
            log?.Invoke($"{scenario.Id}: report.html written");
            RunManifest.Write(output, scenario, prepared.Hashes, "run " + Path.GetFileName(scenarioPath));
        }

        PhaseTimes.Mark("run: report");
        output.Commit();
        PhaseTimes.Mark("run: commit");
        return (prepared, result);
    }

    private static void WriteTablesAndAnalysis(PreparedRun prepared, OutputDirectory output, ProjectionResult result, NetOutputSink? net, Action<PreparedRun, OutputDirectory, ProjectionResult>? extra, Task? yearWork)
    {
        RunManifest.WriteLines(output.File("audit.csv"), result.Audit.Concat(net?.Audit ?? []).Select(r => r.ToCsv()).Prepend(Core.Allocation.AuditRow.CsvHeader));
        RunManifest.WriteLines(output.File("patterns.csv"), result.Patterns.Select(r => $"{GridOutputSink.Csv(prepared.Scenario.Region)},{GridOutputSink.Csv(prepared.Scenario.Id)},{r.ToCsv()}").Prepend("region,scenario," + PatternRow.CsvHeader));
        RunManifest.WriteLines(output.File("targets.csv"), TargetLines(prepared, net));
        RunManifest.WriteLines(output.File("run-log.txt"), RunLog.Lines(prepared.Region.Warnings, result.Notes.Concat(net?.Notes() ?? [])));
        if (net is not null)
        {
            NetTables.Write(prepared, net, output);
        }
        // The analysis (its QGIS styles cover every grid) starts once the year work has written the total COGs.
        yearWork?.GetAwaiter().GetResult();
        extra?.Invoke(prepared, output, result);
    }

    /// <summary>Runs the projection into <paramref name="sink"/>; an allocation the scenario makes impossible becomes an <see cref="InputError"/>.</summary>
    public static ProjectionResult Project(PreparedRun prepared, IProjectionSink sink, Action<int>? onYear = null)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        try
        {
            return prepared.Runner.Run(sink, onYear);
        }
        catch (Core.Allocation.AllocationException e) when (RunChecks.AsInputError(prepared.Scenario, e) is { } input)
        {
            throw input;
        }
    }

    private static IEnumerable<string> TargetLines(PreparedRun run, NetOutputSink? net)
    {
        yield return "region,scenario,year,sector,target_mt,share_percent";
        foreach (int y in run.Scenario.Years)
        {
            foreach (SectorSpec s in run.Scenario.Sectors)
            {
                yield return FormattableString.Invariant($"{run.Scenario.Region},{run.Scenario.Id},{y},{s.Sector.Id},{run.Targets.TargetMt(y, s.Sector.Id):R},{run.Targets.SharePercent(y, s.Sector.Id):0.######}");
            }

            if (run.Scenario.OffGrid is not null)
            {
                // Counted in the total, placed on no cell: the sectors above sum to the total minus this line.
                double offGrid = run.Targets.OffGridMt(y), total = run.Targets.TotalMt(y);
                yield return FormattableString.Invariant($"{run.Scenario.Region},{run.Scenario.Id},{y},{OffGridSpec.Id},{offGrid:R},{(total > 0 ? offGrid / total * 100 : 0):0.######}");
            }

            yield return FormattableString.Invariant($"{run.Scenario.Region},{run.Scenario.Id},{y},total,{run.Targets.TotalMt(y):R},100");
            foreach (string line in net?.TargetLines(run.Scenario.Region, run.Scenario.Id, y) ?? [])
            {
                yield return line;
            }
        }
    }
}
