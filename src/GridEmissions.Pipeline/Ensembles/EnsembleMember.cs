using System.Globalization;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Projection;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sectors;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline.Ensembles;

/// <summary>
/// One ensemble member: the scenario with its uncertain parameters drawn for index i (see
/// <see cref="ParameterDraws"/>), projected year by year and audited into
/// <c>members/member-NNN/</c> (written atomically): <c>grids/emissions_&lt;year&gt;.tif</c>,
/// <c>audit.csv</c>, <c>parameters.csv</c>, <c>manifest.json</c>. A member that does not conserve
/// every target fails.
/// </summary>
public static class EnsembleMember
{
    /// <summary>Header of a member's <c>parameters.csv</c>.</summary>
    public const string ParametersHeader = "member,seed,name,target,distribution,uniform,value,nominal";

    /// <summary>Runs member <paramref name="member"/> (1-based) of the ensemble in <paramref name="folder"/>; an earlier copy of the member is replaced.</summary>
    public static ProjectionResult Run(EnsembleFolder folder, int member)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (member < 1 || member > folder.Members)
        {
            throw new InputError("--index", FormattableString.Invariant($"member {member} is not in the ensemble (members 1-{folder.Members})."), FormattableString.Invariant($"give an index from 1 to {folder.Members}."));
        }

        Scenario nominal = ScenarioReader.Read(folder.ScenarioPath);
        IReadOnlyList<DrawnValue> draws = ParameterDraws.Draw(nominal, member);
        int seed = ParameterDraws.MemberSeed(nominal, member);
        Scenario drawn = ScenarioReader.ReadWith(folder.ScenarioPath, draws.ToDictionary(d => d.Parameter.Target, d => d.Value, StringComparer.Ordinal)) with { Seed = seed };
        PreparedRun prepared = ScenarioRun.Prepare(folder.ScenarioPath, _ => drawn);
        string command = FormattableString.Invariant($"ensemble member {member} of {Path.GetFileName(folder.ScenarioPath)}");
        using var output = new OutputDirectory(folder.MemberDir(member), true, [folder.ScenarioPath]);
        ProjectionResult result = prepared.Runner.Run(new MemberGridSink(output, drawn, prepared.Region.Mask, command));
        var failing = result.Audit.Where(a => !a.Passes).ToList();
        if (failing.Count > 0)
        {
            AuditRow f = failing[0];
            throw new InvalidOperationException(FormattableString.Invariant($"ensemble member {member} does not conserve {failing.Count} allocations, e.g. {f.SectorId} {f.Year}: relative error {f.RelativeError:E2}"));
        }

        RunManifest.WriteLines(output.File("audit.csv"), result.Audit.Select(r => r.ToCsv()).Prepend(AuditRow.CsvHeader));
        RunManifest.WriteLines(output.File("parameters.csv"), draws.Select(d => FormattableString.Invariant(
            $"{member},{seed},{d.Parameter.Name},{GridOutputSink.Csv(d.Parameter.Target)},{GridOutputSink.Csv(d.Parameter.Distribution.Describe())},{d.Uniform:R},{GridOutputSink.Csv(d.Value)},{GridOutputSink.Csv(d.Parameter.Nominal)}")).Prepend(ParametersHeader));
        RunManifest.WriteLines(output.File("run-log.txt"), RunLog.Lines(prepared.Region.Warnings, result.Notes));
        RunManifest.Write(output, drawn, prepared.Hashes, command);
        output.Commit();
        return result;
    }

    /// <summary>Writes one GeoTIFF per year (a band per sector, then the total; nodata outside the region), nothing else.</summary>
    private sealed class MemberGridSink(OutputDirectory output, Scenario scenario, RegionMask mask, string command) : IProjectionSink
    {
        private readonly Dictionary<string, double[]> year = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, string> globals = OutputMetadata.Globals(scenario, mask.Grid, command);

        public void WriteSector(int y, Sector sector, ReadOnlySpan<double> cells) =>
            year[sector.Id] = mask.Apply(cells, FormattableString.Invariant($"{sector.Id} {y}"));

        public void WriteTotal(int y, ReadOnlySpan<double> cells)
        {
            double[] total = mask.Apply(cells, FormattableString.Invariant($"total {y}"));
            var bands = scenario.Sectors
                .Select(s => new RasterBand(s.Sector.Id, year[s.Sector.Id], OutputMetadata.Band(globals, y, s.Sector.Id, s.Sector.NameEn), OutputMetadata.Units))
                .Append(new RasterBand(YearGrids.Total, total, OutputMetadata.Band(globals, y, YearGrids.Total, "All sectors"), OutputMetadata.Units))
                .ToList();
            var meta = new Dictionary<string, string>(globals)
            {
                ["bands"] = string.Join(",", bands.Select(b => b.Name)),
                ["year"] = y.ToString(CultureInfo.InvariantCulture),
                ["units"] = SectorCatalog.RasterUnits,
                ["nodata"] = RegionMask.NoData.ToString(CultureInfo.InvariantCulture),
            };
            GeoTiffWriter.Write(output.File(Path.Combine("grids", FormattableString.Invariant($"emissions_{y}.tif"))), mask.Grid, bands, meta, GeoTiffOptions.Default with { NoData = RegionMask.NoData });
            year.Clear();
        }

        public void WriteFacilities(int y, IReadOnlyList<FacilityYearRecord> records)
        {
        }
    }
}
