using System.Globalization;
using GridEmissions.Core.Facilities;
using GridEmissions.Core.Models.Lines;
using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tabular;
using GridEmissions.Gdal;
using NetTopologySuite.Geometries;

namespace GridEmissions.Pipeline;

/// <summary>The scenario's input files read and projected to the grid CRS: facilities by input key, corridors, and the land layers regridded onto the run's lattice.</summary>
public sealed record RegionInputs(
    IReadOnlyDictionary<string, IReadOnlyList<SitedFacility>> Facilities,
    IReadOnlyList<CorridorLine> Corridors,
    LandLayers Land)
{
    /// <summary>Airports and ports in the region (empty when the scenario names none).</summary>
    public IReadOnlyList<TransportHub> Hubs { get; init; } = [];

    /// <summary>Railway stations (input <c>stations</c>: OGR points with an optional <c>name</c>), for completing the rail lines; empty when not named.</summary>
    public IReadOnlyList<RailStation> Stations { get; init; } = [];

    /// <summary>Reads every input; collects all problems and throws <see cref="InputError"/> when there are any.</summary>
    public static RegionInputs Load(Scenario scenario, RegionGeography region)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(region);
        var problems = new List<ScenarioProblem>();
        using var albers = SpatialReference.ChinaAlbersGrid();
        using var wgs84 = SpatialReference.Wgs84();
        using var toAlbers = CoordinateTransformer.Create(wgs84, albers);
        var facilities = new Dictionary<string, IReadOnlyList<SitedFacility>>(StringComparer.Ordinal);
        foreach (string key in new[] { "coal_units", "gas_units", "steel_plants", "facilities" })
        {
            if (!scenario.Inputs.Files.TryGetValue(key, out string? path))
            {
                continue;
            }

            CsvTable table = LoadCsv(path, problems);
            FacilityList list = key switch
            {
                "coal_units" => GemCoalReader.Read(table, scenario.Provinces),
                "gas_units" => GemGasReader.Read(table, scenario.Provinces),
                "steel_plants" => GemSteelReader.Read(table, scenario.Provinces),
                _ => UserFacilityReader.Read(table),
            };
            problems.AddRange(list.Problems);
            var sited = list.Facilities.Select(f =>
            {
                (double x, double y) = toAlbers.Transform(f.Longitude, f.Latitude);
                return new SitedFacility(f, x, y);
            }).ToList();

            // Units that never run in the projection (cancelled, long retired) may lie anywhere; the rest must be on the grid.
            problems.AddRange(PointSourceModel.FindOutsideGrid(region.Grid, sited.Where(s => s.Facility.Status is not (FacilityStatus.Cancelled or FacilityStatus.Shelved or FacilityStatus.Retired or FacilityStatus.Mothballed))));
            facilities[key] = sited.Where(s => region.Grid.TryLocate(s.X, s.Y, out _)).ToList();
        }

        var corridors = new List<CorridorLine>();
        if (scenario.Inputs.Files.TryGetValue("corridors", out string? corridorPath))
        {
            VectorLayer layer = ReadVector(corridorPath, albers, wgs84, problems);
            string classField = layer.FieldNames.FirstOrDefault(f => f.Equals("class", StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
            if (layer.Features.Count > 0 && classField.Length == 0)
            {
                problems.Add(new(corridorPath, 0, "the corridor layer has no 'class' attribute.", "add a 'class' attribute (e.g. trunk, regional) that matches the transport model's class_weights."));
            }

            foreach (VectorFeature f in layer.Features)
            {
                if (f.Geometry is not (LineString or MultiLineString) || f.Geometry.IsEmpty)
                {
                    problems.Add(new(corridorPath, 0, $"corridor feature {f.Fid} is a {f.Geometry?.GeometryType ?? "feature without geometry"}, not a line: it would be ignored.",
                        "give corridors as LineString or MultiLineString (e.g. `ogr2ogr -nlt MULTILINESTRING`, or take the polygon's boundary in GIS software)."));
                }
                else if (classField.Length > 0)
                {
                    corridors.Add(new CorridorLine(f.Attributes.GetValueOrDefault("id")?.ToString() ?? f.Fid.ToString(CultureInfo.InvariantCulture), f.Attributes[classField]?.ToString() ?? string.Empty, f.Geometry));
                }
            }

            problems.AddRange(UnknownClasses(scenario, corridorPath, corridors));
        }

        var stations = new List<RailStation>();
        if (scenario.Inputs.Files.TryGetValue("stations", out string? stationPath))
        {
            VectorLayer layer = ReadVector(stationPath, albers, wgs84, problems);
            string nameField = layer.FieldNames.FirstOrDefault(f => f.Equals("name", StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
            foreach (VectorFeature f in layer.Features)
            {
                if (f.Geometry is Point { IsEmpty: false } p)
                {
                    string name = nameField.Length > 0 ? f.Attributes[nameField]?.ToString() ?? string.Empty : string.Empty;
                    stations.Add(new RailStation(name.Length > 0 ? name : f.Fid.ToString(CultureInfo.InvariantCulture), p.X, p.Y));
                }
                else
                {
                    problems.Add(new(stationPath, 0, $"station feature {f.Fid} is a {f.Geometry?.GeometryType ?? "feature without geometry"}, not a point.",
                        "give stations as Point features (e.g. `ogr2ogr -nlt POINT`, or take polygon centroids in GIS software)."));
                }
            }
        }

        IReadOnlyList<TransportHub> hubs = TransportHubs.Load(scenario, region, toAlbers, problems);
        LandLayers land = LandInputs.Load(scenario, region, albers, problems);
        if (problems.Count > 0)
        {
            throw new InputError(problems);
        }

        return new RegionInputs(facilities, corridors, land) { Hubs = hubs, Stations = stations };
    }

    /// <summary>Corridor classes that a transport sector's class_weights do not give (the model could not weigh them).</summary>
    private static IEnumerable<ScenarioProblem> UnknownClasses(Scenario scenario, string path, List<CorridorLine> corridors)
    {
        foreach (SectorSpec s in scenario.Sectors)
        {
            if (s.Model is not LineModelSpec line)
            {
                continue;
            }

            foreach (var group in corridors.Where(c => !line.ClassWeights.ContainsKey(c.Class)).GroupBy(c => c.Class))
            {
                yield return new ScenarioProblem(path, 0,
                    $"{group.Count()} corridor(s) (first: id {group.First().Id}) have class '{group.Key}', which sector '{s.Sector.Id}''s class_weights do not give ({string.Join(", ", line.ClassWeights.Keys)}).",
                    $"correct the features' 'class' attribute, or add '{group.Key}: <weight>' to sectors.{s.Sector.Id}.model.class_weights in {Path.GetFileName(scenario.SourcePath)}.");
            }
        }
    }

    private static CsvTable LoadCsv(string path, List<ScenarioProblem> problems)
    {
        try
        {
            DecodedText text = TextDecoding.Read(path);
            if (text.Text is not null)
            {
                return CsvTable.Parse(new StringReader(text.Text), path);
            }

            problems.Add(new(path, text.Line, text.Problem, text.Fix));
        }
        catch (IOException e)
        {
            problems.Add(new(path, 0, "the file cannot be read: " + e.Message, "check the path in the scenario's `inputs:` and that the file is readable."));
        }
        catch (UnauthorizedAccessException e)
        {
            problems.Add(new(path, 0, "the file cannot be read: " + e.Message, "check the file's permissions."));
        }

        return CsvTable.Parse(new StringReader(string.Empty), path);
    }

    private static VectorLayer ReadVector(string path, SpatialReference albers, SpatialReference wgs84, List<ScenarioProblem> problems)
    {
        try
        {
            return VectorReader.Read(path, null, new VectorReadOptions { TargetCrs = albers, SourceCrsIfMissing = wgs84 });
        }
        catch (GdalException e)
        {
            problems.Add(new(path, 0, "the vector file cannot be read: " + e.Message, "give a valid vector file (GeoJSON, GeoPackage, Shapefile)."));
            return new VectorLayer(Path.GetFileName(path), string.Empty, [], []);
        }
    }
}
