using System.Globalization;
using GridEmissions.Analysis;
using GridEmissions.Core.Scenarios;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace GridEmissions.Pipeline;

/// <summary>
/// Checks on a region's city polygons that would otherwise move large parts of the map silently:
/// missing, malformed or duplicated adcodes, a polygon part far from every other part (a stray
/// outline that grows the grid many-fold), and overlapping or repeated cities found by the coverage.
/// </summary>
public static class BoundaryChecks
{
    /// <summary>A polygon part with no other part of the region within this distance (metres) is a stray outline.</summary>
    public const double StrayDistanceMetres = 100_000;

    /// <summary>
    /// Share of a cell two cities may both cover before it is an overlap: simplified outlines of neighbours
    /// overlap along their shared border (the shipped boundaries by up to 0.3 % of a cell); 1 % (1 km² of a
    /// 10 km cell) is above that noise and far below a duplicated or shifted city.
    /// </summary>
    public const double OverlapTolerance = 0.01;

    /// <summary>Share of the smaller city's area above which an overlap is an error rather than a warning.</summary>
    public const double OverlapErrorShare = 0.05;

    /// <summary>Problems of the adcodes: empty, not six digits, or given to more than one feature.</summary>
    public static IEnumerable<ScenarioProblem> Adcodes(string path, IReadOnlyList<(CityRecord City, long Fid)> cities)
    {
        ArgumentNullException.ThrowIfNull(cities);
        var first = new Dictionary<string, (CityRecord City, long Fid)>(StringComparer.Ordinal);
        foreach (var (city, fid) in cities)
        {
            if (city.Adcode.Length != 6 || !city.Adcode.All(char.IsAsciiDigit))
            {
                yield return new ScenarioProblem(path, 0, $"feature {fid} ({Name(city)}) has adcode '{city.Adcode}', not a six-digit city code.",
                    "give every city its six-digit administrative code (e.g. 410100 for Zhengzhou) in the 'adcode' attribute.");
            }
            else if (!first.TryAdd(city.Adcode, (city, fid)))
            {
                var (other, otherFid) = first[city.Adcode];
                yield return new ScenarioProblem(path, 0, $"features {otherFid} ({Name(other)}) and {fid} ({Name(city)}) both have adcode {city.Adcode}: city totals, caps and maps would mix the two.",
                    "give each city its own adcode, or merge the two features into one (e.g. `ogr2ogr -dialect sqlite -sql \"SELECT ST_Union(geometry), adcode ... GROUP BY adcode\"`).");
            }
        }
    }

    /// <summary>Polygon parts with no other part of the region within <see cref="StrayDistanceMetres"/> (only when the region has two or more parts).</summary>
    public static IEnumerable<ScenarioProblem> StrayParts(string path, IReadOnlyList<(CityRecord City, long Fid)> cities, Func<double, double, (double Lon, double Lat)> toLonLat)
    {
        ArgumentNullException.ThrowIfNull(cities);
        ArgumentNullException.ThrowIfNull(toLonLat);
        var parts = new List<(int City, Geometry Part)>();
        for (int c = 0; c < cities.Count; c++)
        {
            Geometry g = cities[c].City.Geometry;
            for (int k = 0; k < g.NumGeometries; k++)
            {
                parts.Add((c, g.GetGeometryN(k)));
            }
        }

        if (parts.Count < 2)
        {
            yield break;
        }

        bool[] sharesSquare = SharesSquare(parts.ConvertAll(p => p.Part));
        var index = new STRtree<int>();
        for (int i = 0; i < parts.Count; i++)
        {
            index.Insert(parts[i].Part.EnvelopeInternal, i);
        }

        for (int i = 0; i < parts.Count; i++)
        {
            Geometry part = parts[i].Part;
            var search = new Envelope(part.EnvelopeInternal);
            search.ExpandBy(StrayDistanceMetres);
            bool near = sharesSquare[i] || index.Query(search).Any(j => j != i && part.IsWithinDistance(parts[j].Part, StrayDistanceMetres));
            if (!near)
            {
                var (city, fid) = cities[parts[i].City];
                Point centre = part.Centroid;
                var (lon, lat) = toLonLat(centre.X, centre.Y);
                yield return new ScenarioProblem(path, 0,
                    string.Create(CultureInfo.InvariantCulture, $"feature {fid} ({Name(city)}, adcode {city.Adcode}) has a polygon part of {part.Area / 1e6:0.#} km² near lon {lon:0.###}, lat {lat:0.###}, more than {StrayDistanceMetres / 1000:0} km from every other part of the region: a stray outline would grow the grid to reach it."),
                    "delete the stray part (or fix its coordinates) in GIS software; if the city really has it, split the region into separate runs.");
            }
        }
    }

    /// <summary>
    /// The cheap half of the stray test, exact where it answers: two vertices in one square of side
    /// <see cref="StrayDistanceMetres"/>/√2 are within that distance of each other, so a part with a vertex in a
    /// square that holds a vertex of another part is near it (neighbouring cities share their border vertices).
    /// Parts it does not settle get the full distance test.
    /// </summary>
    internal static bool[] SharesSquare(IReadOnlyList<Geometry> parts)
    {
        double side = StrayDistanceMetres / Math.Sqrt(2);
        const int Several = -1;
        var owner = new Dictionary<(long X, long Y), int>();
        var squares = new List<(long X, long Y)>[parts.Count];
        for (int i = 0; i < parts.Count; i++)
        {
            var mine = new HashSet<(long X, long Y)>();
            foreach (Coordinate c in parts[i].Coordinates)
            {
                var key = ((long)Math.Floor(c.X / side), (long)Math.Floor(c.Y / side));
                if (!mine.Add(key))
                {
                    continue;
                }

                owner[key] = owner.TryGetValue(key, out int seen) && seen != i ? Several : i;
            }

            squares[i] = [.. mine];
        }

        var near = new bool[parts.Count];
        for (int i = 0; i < parts.Count; i++)
        {
            near[i] = squares[i].Exists(k => owner[k] == Several);
        }

        return near;
    }

    /// <summary>
    /// Overlapping cities from the exact coverage: a pair whose shared area (the cells' summed fractions above 1)
    /// exceeds <see cref="OverlapErrorShare"/> of the smaller city is an error (a duplicated or shifted outline);
    /// smaller overlaps above <see cref="OverlapTolerance"/> of a cell are warnings (e.g. disputed enclaves, shared islands).
    /// </summary>
    public static (IReadOnlyList<ScenarioProblem> Errors, IReadOnlyList<ScenarioProblem> Warnings) Overlaps(string path, CityCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        double cellKm2 = coverage.Grid.CellSizeMetres * coverage.Grid.CellSizeMetres / 1e6;
        var pairs = new SortedDictionary<(int A, int B), (double Km2, int Cell)>();
        ReadOnlySpan<CellCityFraction> entries = coverage.Entries;
        int start = 0;
        while (start < entries.Length)
        {
            int end = start;
            double sum = 0;
            while (end < entries.Length && entries[end].CellIndex == entries[start].CellIndex)
            {
                sum += entries[end].Fraction;
                end++;
            }

            if (sum > 1 + OverlapTolerance)
            {
                for (int a = start; a < end; a++)
                {
                    for (int b = a + 1; b < end; b++)
                    {
                        var key = (entries[a].CityIndex, entries[b].CityIndex);
                        double km2 = Math.Min(sum - 1, Math.Min(entries[a].Fraction, entries[b].Fraction)) * cellKm2;
                        pairs[key] = pairs.TryGetValue(key, out var v) ? (v.Km2 + km2, v.Cell) : (km2, entries[start].CellIndex);
                    }
                }
            }

            start = end;
        }

        var errors = new List<ScenarioProblem>();
        var warnings = new List<ScenarioProblem>();
        foreach (var ((a, b), (km2, cell)) in pairs)
        {
            string ka = coverage.Cities[a].Key, kb = coverage.Cities[b].Key;
            double smaller = Math.Min(coverage.CityAreaKm2(a), coverage.CityAreaKm2(b));
            double share = smaller > 0 ? km2 / smaller : 1;
            string what = string.Create(CultureInfo.InvariantCulture, $"cities {ka} and {kb} overlap by about {km2:0.#} km² ({100 * share:0.##} % of the smaller; first at grid cell {coverage.Grid.CellId(cell)})");
            if (share > OverlapErrorShare)
            {
                errors.Add(new ScenarioProblem(path, 0, what + ": emissions there would be counted in both cities and '__outside__' would go negative.",
                    "remove the overlap so every point belongs to one city (a duplicated feature, or a city copied with shifted coordinates, is the usual cause)."));
            }
            else
            {
                warnings.Add(new ScenarioProblem(path, 0, what + ": both cities' totals include it.", "if the overlap is not intended, snap the shared border in GIS software."));
            }
        }

        return (errors, warnings);
    }

    private static string Name(CityRecord city) => city.NameEn.Length > 0 ? city.NameEn : city.NameZh.Length > 0 ? city.NameZh : "unnamed";
}
