using GridEmissions.Core.Grids;
using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sectors;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// `gridem baseline`: the base-year (2024) grid of every sector of a region, from the real data:
/// power and steel at their facilities (GEM), transport on corridors and urban traffic, the other
/// sectors on the population/urban proxies; each scaled so its sum is the scenario's base-year
/// sector total. Writes one GeoTIFF per sector.
/// </summary>
public static class BaselineBuild
{
    /// <summary>Writes <c>&lt;out&gt;/&lt;region&gt;/baseline_&lt;year&gt;_&lt;sector&gt;.tif</c> for every scenario.</summary>
    public static IReadOnlyList<string> Execute(IReadOnlyList<string> scenarioPaths, string outDir, bool force)
    {
        ArgumentNullException.ThrowIfNull(scenarioPaths);
        var prepared = scenarioPaths.Select(p => ScenarioRun.Prepare(p, s => s with { EndYear = s.StartYear })).ToList();
        using var output = new OutputDirectory(outDir, force, prepared.SelectMany(p => p.Scenario.Inputs.Files.Values.Append(p.Scenario.SourcePath).Append(p.Scenario.Inputs.Boundaries)));
        var lines = new List<string> { "region,year,sector,target_t,raster_sum_t,cells_used,file" };
        foreach (PreparedRun run in prepared)
        {
            var sink = new BaselineSink(output, run.Scenario, run.Region.Mask);
            GridOutputSink.WriteRegionFraction(output.File(FormattableString.Invariant($"{run.Scenario.Region.ToLowerInvariant()}/region_fraction.tif")), run.Region.Mask,
                OutputMetadata.Globals(run.Scenario, run.Region.Grid, "baseline"));
            ProjectionResult result = ScenarioRun.Project(run, sink);
            foreach (var row in result.Audit)
            {
                // The off-grid part is counted in the total but no raster holds it: its row has raster sum 0 and no file.
                lines.Add(row.Sign == Core.Allocation.AuditRow.OffGrid
                    ? FormattableString.Invariant($"{row.Region},{row.Year},{row.SectorId},{row.TargetTonnes:R},0,0,")
                    : FormattableString.Invariant($"{row.Region},{row.Year},{row.SectorId},{row.TargetTonnes:R},{row.AllocatedTonnes:R},{row.CellsUsed},{sink.FileName(row.SectorId)}"));
            }
        }

        RunManifest.WriteLines(output.File("baseline-audit.csv"), lines);
        output.Commit();
        return lines;
    }

    private sealed class BaselineSink(OutputDirectory output, Scenario scenario, RegionMask mask) : IProjectionSink
    {
        public string FileName(string sector) => FormattableString.Invariant($"{scenario.Region.ToLowerInvariant()}/baseline_{scenario.StartYear}_{sector}.tif");

        public void WriteSector(int year, Sector sector, ReadOnlySpan<double> cells)
        {
            var meta = OutputMetadata.Band(OutputMetadata.Globals(scenario, mask.Grid, "baseline " + Path.GetFileName(scenario.SourcePath)), year, sector.Id, sector.NameEn);
            meta["sector_name_zh"] = sector.NameZh;
            meta["method"] = sector.Kind switch
            {
                SourceKind.Point => "GEM facility trackers (coal/gas units, iron and steel plants) at their locations, scaled to the scenario's base-year sector total",
                SourceKind.Line => "transport networks (the corridors input, with the station links and road proxy the model asks for; class-weighted length per cell, each network its share) plus urban traffic on the population proxy and the airport/port hubs, scaled to the base-year sector total",
                _ => "WorldPop urban and rural residents and MODIS land cover (built-up land, cropland), weighted as the scenario's area model states, scaled to the base-year sector total",
            };
            double[] masked = mask.Apply(cells, FormattableString.Invariant($"{sector.Id} {year}"));
            GeoTiffWriter.Write(output.File(FileName(sector.Id)), mask.Grid, [new RasterBand(sector.Id, masked, meta, OutputMetadata.Units)], meta, GeoTiffOptions.Default with { NoData = RegionMask.NoData });
        }

        public void WriteTotal(int year, ReadOnlySpan<double> cells)
        {
        }

        public void WriteFacilities(int year, IReadOnlyList<FacilityYearRecord> records)
        {
        }
    }
}
