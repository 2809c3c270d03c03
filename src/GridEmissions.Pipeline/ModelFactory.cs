using GridEmissions.Core.Models;
using GridEmissions.Core.Models.Areas;
using GridEmissions.Core.Models.Lines;
using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>Builds each sector's evolution model from the scenario, the region and its inputs.</summary>
public static class ModelFactory
{
    /// <summary>The shared population proxy of a region.</summary>
    public static PopulationProxy Proxy(Scenario scenario, RegionGeography region, RegionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(inputs);
        return new PopulationProxy(region.Cells, inputs.Land, scenario.Population, scenario.StartYear);
    }

    /// <summary>One model per scenario sector.</summary>
    public static IReadOnlyDictionary<string, ISourceModel> Build(Scenario scenario, RegionGeography region, RegionInputs inputs, PopulationProxy proxy)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(inputs);
        var models = new Dictionary<string, ISourceModel>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, double[]> baselines = UserBaseline.Load(scenario, region.Grid);
        foreach (SectorSpec s in scenario.Sectors)
        {
            string id = s.Sector.Id;
            models[id] = s.Model switch
            {
                PointModelSpec p => Point(scenario, region, inputs, p, id),
                LineModelSpec l => Line(region, inputs, proxy, scenario.StartYear, l, id),
                AreaModelSpec a => new AreaSourceModel(id, a, region.Cells, proxy, inputs.Land),
                _ => throw new InvalidOperationException($"sector {id} has an unknown model type {s.Model.GetType().Name}"),
            };

            // A user's own base-year grid (CHRED/EDGAR…) replaces the proxy pattern of area and
            // line sectors; point sectors keep their facilities.
            if (s.Model is not PointModelSpec && baselines.TryGetValue(id, out double[]? baseline))
            {
                models[id] = new BaselinePatternModel(models[id], baseline);
            }
        }

        return models;
    }

    private static LineSourceModel Line(RegionGeography region, RegionInputs inputs, PopulationProxy proxy, int baseYear, LineModelSpec spec, string sectorId)
    {
        TransportNetwork lines = TransportNetwork.Compose(spec, inputs.Corridors, inputs.Stations, region.Cells, proxy);
        return new LineSourceModel(sectorId, spec, region.Cells, CorridorNetwork.Build(region.Grid, lines.Lines), proxy, baseYear, inputs.Hubs, lines.Notes) { Lines = lines.Lines };
    }

    private static PointSourceModel Point(Scenario scenario, RegionGeography region, RegionInputs inputs, PointModelSpec spec, string sectorId)
    {
        List<SitedFacility> facilities = Facilities(scenario, inputs, spec, sectorId);
        IReadOnlyList<ScenarioProblem> problems = FacilityOverrideCheck.Problems(scenario.SourcePath, sectorId, spec, facilities);
        var sites = new Dictionary<FacilityOverride, (double X, double Y)>();
        using (var albers = SpatialReference.ChinaAlbersGrid())
        using (var wgs84 = SpatialReference.Wgs84())
        using (var t = CoordinateTransformer.Create(wgs84, albers))
        {
            foreach (FacilityOverride o in spec.Overrides.Where(o => o.Action == OverrideAction.Relocate))
            {
                (double x, double y) = t.Transform(o.Longitude!.Value, o.Latitude!.Value);
                sites[o] = (x, y);
                if (!region.Grid.TryLocate(x, y, out _))
                {
                    problems = [.. problems, new ScenarioProblem(scenario.SourcePath, o.Line,
                        $"sectors.{sectorId}.model.facility_overrides relocates '{o.FacilityId}' to lon {o.Longitude}, lat {o.Latitude}, outside the region's grid.",
                        "give a lon/lat inside the region (WGS84, not swapped).")];
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InputError(problems);
        }

        return new PointSourceModel(sectorId, spec, region.Cells, facilities, Sites(spec), scenario.StartYear, scenario.Seed, sites);
    }

    private static List<SitedFacility> Facilities(Scenario scenario, RegionInputs inputs, PointModelSpec spec, string sectorId)
    {
        var list = new List<SitedFacility>();
        foreach (string key in spec.FacilityInputs)
        {
            if (!inputs.Facilities.TryGetValue(key, out var facilities))
            {
                throw new InputError(scenario.SourcePath, $"sector '{sectorId}' uses facility input '{key}', which the scenario's `inputs:` does not give.", $"add `{key}: <path to CSV>` under `inputs:`.");
            }

            list.AddRange(facilities.Where(f => key == "facilities" ? f.Facility.SectorId == sectorId : true));
        }

        return list;
    }

    private static List<(string Name, double X, double Y)> Sites(PointModelSpec spec)
    {
        if (spec.ExpansionSites.Count == 0)
        {
            return [];
        }

        using var albers = SpatialReference.ChinaAlbersGrid();
        using var wgs84 = SpatialReference.Wgs84();
        using var t = CoordinateTransformer.Create(wgs84, albers);
        return spec.ExpansionSites.Select(s =>
        {
            (double x, double y) = t.Transform(s.Longitude, s.Latitude);
            return (s.Name, x, y);
        }).ToList();
    }
}
