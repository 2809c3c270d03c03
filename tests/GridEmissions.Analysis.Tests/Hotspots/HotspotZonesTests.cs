using NetTopologySuite.Geometries;

namespace GridEmissions.Analysis.Tests;

public sealed class HotspotZonesTests
{
    // 6 x 5 grid; an L of five hot cells (column 1 rows 0..3 plus (2, 3)), and a lone hot cell at (5, 0)
    private static readonly Core.Grids.GridSpec Grid = TinyGrids.Grid(6, 5);

    private static (sbyte[] Classes, double[] Values) LShape()
    {
        var classes = new sbyte[Grid.CellCount];
        var values = new double[Grid.CellCount];
        foreach (var (c, r) in new[] { (1, 0), (1, 1), (1, 2), (1, 3), (2, 3) })
        {
            classes[Grid.Index(c, r)] = 2;
            values[Grid.Index(c, r)] = 100;
        }

        classes[Grid.Index(5, 0)] = 3;
        values[Grid.Index(5, 0)] = 900;
        classes[Grid.Index(4, 4)] = 1; // below a minimum class of 2
        classes[Grid.Index(0, 4)] = -3; // cold
        return (classes, values);
    }

    [Fact]
    public void An_L_shaped_cluster_dissolves_into_one_polygon_of_five_cells()
    {
        var (classes, values) = LShape();
        var zones = HotspotZones.Find(Grid, classes, values, minimumClass: 2);

        Assert.Equal(2, zones.Count);
        var lone = zones[0];
        var l = zones[1];
        Assert.Equal(1, lone.Id); // 900 t ranks before 500 t
        Assert.Equal(2, l.Id);
        Assert.Equal([Grid.Index(1, 0), Grid.Index(1, 1), Grid.Index(1, 2), Grid.Index(1, 3), Grid.Index(2, 3)], l.Cells);
        var polygon = Assert.IsType<Polygon>(l.Outline);
        Assert.Equal(0, polygon.NumInteriorRings);
        Tolerance.Close(5 * 1e8, polygon.Area, 1e-6, "L area, m²");
        Tolerance.Close(500, l.AreaKm2, 1e-9, "L area, km²");
        Tolerance.Close(500, l.EmissionsTonnes, 1e-9, "L emissions");
        Assert.Equal(7, polygon.ExteriorRing.NumPoints); // six corners of an L, closed, no vertices left on straight edges
        Assert.True(polygon.Covers(polygon.Factory.CreatePoint(Grid.CellCentre(Grid.Index(2, 3)))));
    }

    [Fact]
    public void Cells_meeting_at_a_corner_form_one_zone_and_ties_rank_by_lowest_cell()
    {
        var classes = new sbyte[Grid.CellCount];
        var values = new double[Grid.CellCount];
        classes[Grid.Index(0, 0)] = classes[Grid.Index(1, 1)] = 1; // diagonal pair
        classes[Grid.Index(4, 3)] = 1;
        values[Grid.Index(0, 0)] = values[Grid.Index(1, 1)] = 5;
        values[Grid.Index(4, 3)] = 10;
        var zones = HotspotZones.Find(Grid, classes, values);

        Assert.Equal(2, zones.Count);
        Assert.Equal([Grid.Index(0, 0), Grid.Index(1, 1)], zones[0].Cells); // tie at 10 t: lowest cell index first
        Assert.IsType<MultiPolygon>(zones[0].Outline);
    }

    [Fact]
    public void A_zone_names_its_dominant_sector_and_the_cities_it_touches()
    {
        var (classes, values) = LShape();
        // city A covers columns 0..1 (x 900..920 km), city B the rest of the west half (x 920..930 km)
        var a = new CityPolygon("A", TinyGrids.Box(900_000, 3_960_000, 920_000, 4_010_000));
        var b = new CityPolygon("B", TinyGrids.Box(920_000, 3_960_000, 930_000, 4_010_000));
        var coverage = CityCoverage.Build(Grid, [a, b]);
        var power = new double[Grid.CellCount];
        var industry = new double[Grid.CellCount];
        for (int i = 0; i < Grid.CellCount; i++)
        {
            power[i] = values[i] * 0.3;
            industry[i] = values[i] * 0.7;
        }

        var zones = HotspotZones.Find(Grid, classes, values, coverage, [new SectorGrid("power", power), new SectorGrid("industry", industry)], minimumClass: 2);
        var l = zones.Single(z => z.Cells.Length == 5);

        Assert.Equal("industry", l.DominantSector);
        Assert.Equal(["A", "B"], l.Cities.Select(c => c.Key));
        Tolerance.Close(0.8, l.Cities[0].Share, 1e-12, "share of A");
        Tolerance.Close(0.2, l.Cities[1].Share, 1e-12, "share of B");
        Assert.Empty(zones.Single(z => z.Cells.Length == 1).Cities);
    }
}
