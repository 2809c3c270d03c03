using GridEmissions.Core.Proxies.Regridding;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Sinks;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// The inputs of the signed sectors: the land cover shares (forest, other natural vegetation,
/// cropland) regridded conservatively onto the run's lattice, the removal sites placed in their
/// cells and the storage sites located in grid metres. A removal site outside the region's cells or
/// a storage site outside the region's grid is an input error naming the scenario line.
/// </summary>
public sealed record SinkInputs(SinkProjector Projector, IReadOnlyList<LocatedSite> StorageSites, double MaxDistanceKm)
{
    /// <summary>Input keys of the land cover rasters.</summary>
    public const string Forest = "forest_grid", OtherVegetation = "other_vegetation_grid";

    /// <summary>Reads the inputs of <paramref name="scenario"/>'s <c>sinks:</c> section (null when it has none).</summary>
    public static SinkInputs? Load(Scenario scenario, RegionGeography region)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(region);
        if (scenario.Sinks is not SinkSpec spec)
        {
            return null;
        }

        var problems = new List<ScenarioProblem>();
        using var albers = SpatialReference.ChinaAlbersGrid();
        using var wgs84 = SpatialReference.Wgs84();
        using var toGrid = CoordinateTransformer.Create(wgs84, albers);
        LandCover? cover = null;
        if (spec.Land is not null)
        {
            int n = region.Grid.CellCount;
            double[] Share(string key) => LandInputs.Layer(scenario, region, albers, key, RasterQuantity.Fraction, problems) is { } v ? Clamp(v) : new double[n];
            cover = new LandCover(Share(Forest), scenario.Inputs.Files.ContainsKey(OtherVegetation) ? Share(OtherVegetation) : new double[n], Share(LandInputs.Cropland));
        }

        var removalSites = new List<PlacedRemovalSite>();
        foreach (RemovalSite s in spec.Removals?.Sites ?? [])
        {
            (double x, double y) = toGrid.Transform(s.Longitude, s.Latitude);
            if (!region.Grid.TryLocate(x, y, out int cell) || !region.Cells.InRegion(cell))
            {
                problems.Add(new ScenarioProblem(scenario.SourcePath, s.Line,
                    $"sinks.removals site '{s.Name}' at lon {s.Longitude}, lat {s.Latitude} lies outside region '{scenario.Region}': a removal is booked in the cell where it happens.",
                    "give a lon/lat inside one of the region's cities (WGS84, longitude first; not swapped)."));
                continue;
            }

            removalSites.Add(new PlacedRemovalSite(s, cell, x, y));
        }

        var storage = new List<LocatedSite>();
        foreach (StorageSite s in spec.Storage?.Sites ?? [])
        {
            (double x, double y) = toGrid.Transform(s.Longitude, s.Latitude);
            if (!region.Grid.TryLocate(x, y, out _))
            {
                problems.Add(new ScenarioProblem(scenario.SourcePath, s.Line,
                    $"sinks.storage site '{s.Name}' at lon {s.Longitude}, lat {s.Latitude} lies outside region '{scenario.Region}' and its grid (the region's extent plus {scenario.MarginCells} margin cells).",
                    "give the basin's lon/lat inside the region or just off its coast (WGS84, longitude first; not swapped), or remove the site."));
                continue;
            }

            storage.Add(new LocatedSite(s, x, y));
        }

        if (problems.Count > 0)
        {
            throw new InputError(problems);
        }

        var projector = new SinkProjector(scenario.Id, scenario.Region, scenario.StartYear, spec, region.Cells, cover, removalSites);
        return new SinkInputs(projector, storage, spec.Storage?.MaxDistanceKm ?? 0);
    }

    // Conservative regridding leaves shares a few ulps above 1 in full cells.
    private static double[] Clamp(double[] v)
    {
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = Math.Clamp(v[i], 0, 1);
        }

        return v;
    }
}
