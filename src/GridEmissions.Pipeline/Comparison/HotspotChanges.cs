using System.Globalization;
using GridEmissions.Analysis;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline.Comparison;

/// <summary>How the Gi* hot spots of the total changed between A and B in one year.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="HotA">Hot-spot cells of A.</param>
/// <param name="HotB">Hot-spot cells of B.</param>
/// <param name="Both">Cells hot in both.</param>
/// <param name="ZonesA">Hot-spot zones of A.</param>
/// <param name="ZonesB">Hot-spot zones of B.</param>
/// <param name="ZoneTonnesA">Emissions inside A's zones, t.</param>
/// <param name="ZoneTonnesB">Emissions inside B's zones, t.</param>
public sealed record HotspotChange(int Year, int HotA, int HotB, int Both, int ZonesA, int ZonesB, double ZoneTonnesA, double ZoneTonnesB)
{
    /// <summary>Cells hot in B only.</summary>
    public int Gained => HotB - Both;

    /// <summary>Cells hot in A only.</summary>
    public int Lost => HotA - Both;
}

/// <summary>
/// The change of the hot spots (Getis-Ord Gi*, queen weights, FDR-adjusted, as `gridem run` maps
/// them) of the total: <c>hotspot_change.csv</c>, <c>hotspot_zones.csv</c> (the zones of both runs
/// with their cities) and <c>grids/hotspot_change_&lt;year&gt;.tif</c> (2 hot in both, 1 hot in B
/// only, −1 hot in A only, 0 neither) for the key years.
/// </summary>
public static class HotspotChanges
{
    /// <summary>Cell class: hot in both runs.</summary>
    public const int HotInBoth = 2;

    /// <summary>Cell class: hot in B only (gained).</summary>
    public const int Gained = 1;

    /// <summary>Cell class: hot in A only (lost).</summary>
    public const int Lost = -1;

    /// <summary>Writes the tables and grids; returns one change per key year.</summary>
    public static IReadOnlyList<HotspotChange> Write(RunPair pair, Func<string, string> file)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(file);
        GridSpec grid = pair.A.Region.Grid;
        bool[] mask = pair.A.RegionMask();
        SpatialWeights weights = SpatialWeights.Queen(grid, mask);
        var changes = new List<HotspotChange>();
        var zoneRows = new List<string> { "region,run,scenario,year,zone_id,cells,area_km2,emissions_t,cities" };
        var globals = DifferenceGrids.Globals(pair);
        foreach (int year in pair.KeyYears)
        {
            double[] a = pair.A.Grids.Read(year).Total, b = pair.B.Grids.Read(year).Total;
            sbyte[] ca = GetisOrdGiStar.Compute(weights, a, new GiStarOptions { Adjustment = PValueAdjustment.BenjaminiHochberg, Seed = pair.A.Scenario.Seed }).Class;
            sbyte[] cb = GetisOrdGiStar.Compute(weights, b, new GiStarOptions { Adjustment = PValueAdjustment.BenjaminiHochberg, Seed = pair.B.Scenario.Seed }).Class;
            var za = HotspotZones.Find(grid, ca, a, pair.A.Region.Attribution);
            var zb = HotspotZones.Find(grid, cb, b, pair.B.Region.Attribution);
            AddZones(zoneRows, pair, "A", pair.A, year, za);
            AddZones(zoneRows, pair, "B", pair.B, year, zb);
            var classes = new double[grid.CellCount];
            int hotA = 0, hotB = 0, both = 0;
            for (int i = 0; i < classes.Length; i++)
            {
                bool ha = ca[i] > 0, hb = cb[i] > 0;
                hotA += ha ? 1 : 0;
                hotB += hb ? 1 : 0;
                both += ha && hb ? 1 : 0;
                classes[i] = !mask[i] ? RegionMask.NoData : ha && hb ? HotInBoth : hb ? Gained : ha ? Lost : 0;
            }

            changes.Add(new HotspotChange(year, hotA, hotB, both, za.Count, zb.Count, za.Sum(z => z.EmissionsTonnes), zb.Sum(z => z.EmissionsTonnes)));
            var meta = new Dictionary<string, string>(globals, StringComparer.Ordinal)
            {
                ["year"] = year.ToString(CultureInfo.InvariantCulture),
                ["sector"] = YearGrids.Total,
                ["units"] = "1",
                ["long_name"] = "change of Getis-Ord Gi* hot spots of the total (queen weights, FDR 5 %)",
                ["flag_values"] = "-1 0 1 2",
                ["flag_meanings"] = "hot_in_a_only not_hot_in_either hot_in_b_only hot_in_both",
            };
            meta["description"] = meta["long_name"] + ": 2 hot in both, 1 hot in B only (gained), -1 hot in A only (lost), 0 neither";
            GeoTiffWriter.Write(file(Path.Combine("grids", FormattableString.Invariant($"hotspot_change_{year}.tif"))), grid,
                [new RasterBand("hotspot_change", classes, meta, "1")], meta, GeoTiffOptions.Default with { NoData = RegionMask.NoData });
        }

        var rows = new List<string> { "region,scenario_a,scenario_b,year,hot_cells_a,hot_cells_b,hot_in_both,gained,lost,zones_a,zones_b,zone_emissions_a_t,zone_emissions_b_t" };
        rows.AddRange(changes.Select(c => FormattableString.Invariant(
            $"{GridOutputSink.Csv(pair.A.Scenario.Region)},{GridOutputSink.Csv(pair.A.Scenario.Id)},{GridOutputSink.Csv(pair.B.Scenario.Id)},{c.Year},{c.HotA},{c.HotB},{c.Both},{c.Gained},{c.Lost},{c.ZonesA},{c.ZonesB},{c.ZoneTonnesA:R},{c.ZoneTonnesB:R}")));
        RunManifest.WriteLines(file("hotspot_change.csv"), rows);
        RunManifest.WriteLines(file("hotspot_zones.csv"), zoneRows);
        return changes;
    }

    private static void AddZones(List<string> rows, RunPair pair, string run, AnalysisContext context, int year, IReadOnlyList<HotspotZone> zones)
    {
        foreach (HotspotZone z in zones)
        {
            rows.Add(FormattableString.Invariant(
                $"{GridOutputSink.Csv(pair.A.Scenario.Region)},{run},{GridOutputSink.Csv(context.Scenario.Id)},{year},{z.Id},{z.Cells.Length},{z.AreaKm2:0.###},{z.EmissionsTonnes:R},{GridOutputSink.Csv(RunMaps.ZonePlaces(z, context.Region.Cities))}"));
        }
    }
}
