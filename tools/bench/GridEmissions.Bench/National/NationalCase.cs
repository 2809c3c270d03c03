using System.Diagnostics;
using System.Globalization;
using GridEmissions.Analysis;
using GridEmissions.Core.Facilities;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Models;
using GridEmissions.Core.Models.Areas;
using GridEmissions.Core.Models.Lines;
using GridEmissions.Core.Models.Points;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tabular;
using GridEmissions.Gdal;

namespace GridEmissions.Bench.National;

/// <summary>
/// The national benchmark case, built: grid, synthetic cities and their coverage, the cells'
/// geography, the scenario and its targets, the coal units, the population proxy and one model per
/// sector — everything a <see cref="Core.Projection.ProjectionRunner"/> needs.
/// </summary>
public sealed record NationalCase(
    GridSpec Grid,
    IReadOnlyList<Seat> Seats,
    IReadOnlyList<CityPolygon> Cities,
    CityCoverage Coverage,
    CellGeography Cells,
    Scenario Scenario,
    SectorTargets Targets,
    IReadOnlyList<SitedFacility> Units,
    IReadOnlyList<CorridorLine> Corridors,
    PopulationProxy Proxy,
    IReadOnlyDictionary<string, ISourceModel> Models)
{
    /// <summary>Builds the case at a cell size for a number of years; <paramref name="phase"/> is called after each phase with its name and wall seconds.</summary>
    public static NationalCase Build(double cellSizeMetres, int years, Action<string, double> phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var watch = Stopwatch.StartNew();
        void Done(string name)
        {
            phase(name, watch.Elapsed.TotalSeconds);
            watch.Restart();
        }

        GridSpec grid = NationalGeography.GridAt(cellSizeMetres);
        CsvTable coal = CsvTable.Load(RepoPaths.Of("sources", "national", "gem_coal_units_china_slim.csv"));
        IReadOnlyList<Seat> seats = NationalSeats.Build(coal, NationalGeography.Extent);
        NetTopologySuite.Geometries.Geometry country = NationalSeats.Region(seats, NationalGeography.Extent);
        Done("seats");

        IReadOnlyList<CityPolygon> cities = NationalGeography.Voronoi(seats, country);
        Done("cities");

        CityCoverage coverage = CityCoverage.Build(grid, cities);
        CellGeography cells = NationalGeography.ToCells(grid, coverage, seats);
        Done("coverage");

        int provinceColumn = coal.ColumnIndex("Subnational unit (province, state)");
        var provinces = coal.Rows.Select(r => r[provinceColumn]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Scenario scenario = NationalScenario.Build(RepoPaths.Of("scenarios", "henan-neutrality.yaml"), grid.CellSizeMetres, years, provinces);
        FacilityList coalUnits = GemCoalReader.Read(coal, provinces);
        if (coalUnits.Problems.Count > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{coalUnits.Problems.Count} problems in the coal table, first: {coalUnits.Problems[0]}"));
        }

        List<SitedFacility> sited;
        using (var albers = SpatialReference.ChinaAlbersGrid())
        using (var wgs84 = SpatialReference.Wgs84())
        using (var toAlbers = CoordinateTransformer.Create(wgs84, albers))
        {
            sited = coalUnits.Facilities.Select(f =>
            {
                (double x, double y) = toAlbers.Transform(f.Longitude, f.Latitude);
                return new SitedFacility(f, x, y);
            }).Where(s => grid.TryLocate(s.X, s.Y, out _)).ToList();
        }

        Done("facilities");

        IReadOnlyList<PopulationPlace> places = NationalProxies.Places(seats, scenario.Seed);
        LandLayers land = NationalProxies.Land(cells, places);
        var proxy = new PopulationProxy(cells, land, scenario.Population, scenario.StartYear);
        land = land.WithoutResidents(); // the proxy has read them; the area models read the land alone
        Done("proxy");

        IReadOnlyList<CorridorLine> corridors = NationalProxies.Corridors(seats);
        CorridorNetwork? network = null;
        var models = new Dictionary<string, ISourceModel>(StringComparer.Ordinal);
        foreach (SectorSpec s in scenario.Sectors)
        {
            string id = s.Sector.Id;
            models[id] = s.Model switch
            {
                PointModelSpec p => new PointSourceModel(id, p, cells, sited, [], scenario.StartYear, scenario.Seed),
                LineModelSpec l => new LineSourceModel(id, l, cells, network ??= CorridorNetwork.Build(grid, corridors), proxy, scenario.StartYear),
                AreaModelSpec a => new AreaSourceModel(id, a, cells, proxy, land),
                _ => throw new InvalidOperationException($"unknown model for {id}"),
            };
        }

        SectorTargets targets = SectorTargets.Compute(scenario);
        Done("models");
        return new NationalCase(grid, seats, cities, coverage, cells, scenario, targets, sited, corridors, proxy, models);
    }
}
