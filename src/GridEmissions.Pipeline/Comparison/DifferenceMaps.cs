using GridEmissions.Core.Grids;
using GridEmissions.Rendering;
using NetTopologySuite.Geometries;

namespace GridEmissions.Pipeline.Comparison;

/// <summary>
/// Difference maps B − A on the symmetric diverging scale of the run's change maps (blue: B emits
/// less, red: B emits more; classes at ±1 kt, 10 kt, 100 kt, 1 Mt per cell): the total of every key
/// year, and every common sector in the middle key year (2035 for the shipped scenarios).
/// </summary>
public static class DifferenceMaps
{
    /// <summary>Draws the maps into <c>maps/</c>; returns the relative names written.</summary>
    public static IReadOnlyList<string> Write(RunPair pair, Func<string, string> file)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            FontCheck.EnsureFonts();
            return Draw(pair, file);
        }
        catch (FontMissingException e)
        {
            throw new InputError("maps", "fonts for the map labels are missing: " + e.Message, $"install them (`apt-get install {FontCheck.CjkPackage}`).");
        }
    }

    private static List<string> Draw(RunPair pair, Func<string, string> file)
    {
        AnalysisContext a = pair.A;
        GridSpec grid = a.Region.Grid;
        bool[] mask = a.RegionMask();
        var cities = a.Region.Cities
            .Select(c => new BoundaryFeature(c.Geometry, c.NameZh, c.NameEn, double.IsFinite(c.SeatX) ? new Coordinate(c.SeatX, c.SeatY) : null))
            .ToList();
        var overlays = new MapOverlays(new BoundaryLayer(cities), a.Region.Provinces);
        string attribution = $"Boundaries: {Path.GetFileName(a.Scenario.Inputs.Boundaries)}; facilities: GEM trackers; {ToolInfo.NameAndVersion}; China Albers equal-area, 10 km cells";
        string subtitle = $"{pair.B.Scenario.Id} ({pair.NameB}) minus {a.Scenario.Id} ({pair.NameA})";
        var written = new List<string>();
        void Map(int year, string sector, double[] av, double[] bv)
        {
            string title = $"{a.Scenario.Region} CO₂ difference {year}, {a.SectorName(sector)}: {pair.Label}";
            var style = new MapStyle(title, subtitle, attribution, LabelLanguage.Both, null, 150,
                new DocumentInfo(title, $"difference map, {year}, {sector}; t CO2/yr per cell; {ChinaAlbers.Name}", "CO2, emissions, difference, " + a.Scenario.Region, ToolInfo.NameAndVersion));
            var layer = new ChangeLayer(grid, RunMaps.Masked(av, mask), RunMaps.Masked(bv, mask), year, year, overlays) { DifferenceLabel = pair.Label };
            string name = FormattableString.Invariant($"difference_{sector}_{year}.png");
            new ChangeMapRenderer().Render(layer, style, file(Path.Combine("maps", name)));
            written.Add(name);
        }

        foreach (int year in pair.KeyYears)
        {
            YearGrid ga = a.Grids.Read(year), gb = pair.B.Grids.Read(year);
            Map(year, YearGrids.Total, ga.Total, gb.Total);
            if (year == pair.KeyYears[pair.KeyYears.Count / 2])
            {
                foreach (string s in pair.Sectors.Where(s => s != YearGrids.Total))
                {
                    Map(year, s, ga.Bands[s], gb.Bands[s]);
                }
            }
        }

        return written;
    }
}
