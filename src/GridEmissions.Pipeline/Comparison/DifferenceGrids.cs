using System.Globalization;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Grids;
using GridEmissions.Core.Sectors;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline.Comparison;

/// <summary>One sum check of a difference grid: Σ(B − A) against ΣB − ΣA.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Sector">Sector id or "total".</param>
/// <param name="TotalA">Σ of run A's grid, t.</param>
/// <param name="TotalB">Σ of run B's grid, t.</param>
/// <param name="DifferenceSumTonnes">Σ of the difference grid, t.</param>
public sealed record DifferenceSum(int Year, string Sector, double TotalA, double TotalB, double DifferenceSumTonnes)
{
    /// <summary>|Σ(B − A) − (ΣB − ΣA)| / max(|ΣA|, |ΣB|, 1 t).</summary>
    public double RelativeError => Math.Abs(DifferenceSumTonnes - (TotalB - TotalA)) / Math.Max(1, Math.Max(Math.Abs(TotalA), Math.Abs(TotalB)));

    /// <summary>CSV header.</summary>
    public const string CsvHeader = "year,sector,total_a_t,total_b_t,difference_t,difference_grid_sum_t,relative_error";

    /// <summary>The CSV row.</summary>
    public string ToCsv() => FormattableString.Invariant($"{Year},{Sector},{TotalA:R},{TotalB:R},{TotalB - TotalA:R},{DifferenceSumTonnes:R},{RelativeError:R}");
}

/// <summary>
/// The difference grids B − A: <c>grids/difference_&lt;year&gt;.tif</c> (a band per common sector,
/// then the total; t CO2/yr per cell, nodata outside the region) and <c>difference.nc</c> (CF, all
/// common years), with the metadata of both runs; returns the sum check of every band.
/// </summary>
public static class DifferenceGrids
{
    /// <summary>Writes the grids; one year of both runs in memory at a time.</summary>
    public static IReadOnlyList<DifferenceSum> Write(RunPair pair, Func<string, string> file)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(file);
        GridSpec grid = pair.A.Region.Grid;
        RegionMask mask = pair.A.Region.Mask;
        var globals = Globals(pair);
        var attrs = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (string s in pair.Sectors)
        {
            attrs[s] = Variable(pair, s);
        }

        var sums = new List<DifferenceSum>();
        IReadOnlyList<int> years = pair.Years;
        using (var cube = new NetCdfCubeWriter(file("difference.nc"), CfGrids.Albers(grid), pair.Sectors, years, globals, attrs, RegionMask.NoData))
        {
            for (int t = 0; t < years.Count; t++)
            {
                int year = years[t];
                YearGrid a = pair.A.Grids.Read(year), b = pair.B.Grids.Read(year);
                var bands = new List<RasterBand>();
                foreach (string s in pair.Sectors)
                {
                    double[] av = a.Bands[s], bv = b.Bands[s];
                    var d = new double[av.Length];
                    for (int i = 0; i < d.Length; i++)
                    {
                        d[i] = bv[i] - av[i];
                    }

                    sums.Add(new DifferenceSum(year, s, PreciseSum.Of(av), PreciseSum.Of(bv), PreciseSum.Of(d)));
                    double[] masked = mask.Apply(d, FormattableString.Invariant($"difference {s} {year}"));
                    cube.WriteSlice(s, t, masked);
                    var meta = new Dictionary<string, string>(globals, StringComparer.Ordinal);
                    foreach (var (k, v) in Variable(pair, s))
                    {
                        meta[k] = v;
                    }

                    meta["year"] = year.ToString(CultureInfo.InvariantCulture);
                    meta["units"] = SectorCatalog.RasterUnits;
                    meta["description"] = $"{pair.A.SectorName(s)}, {year}: {pair.Label} ({SectorCatalog.RasterUnits}); nodata {RegionMask.NoData.ToString(CultureInfo.InvariantCulture)} = no region area";
                    bands.Add(new RasterBand(s, masked, meta, OutputMetadata.Units));
                }

                var fileMeta = new Dictionary<string, string>(globals, StringComparer.Ordinal)
                {
                    ["bands"] = string.Join(",", pair.Sectors),
                    ["year"] = year.ToString(CultureInfo.InvariantCulture),
                    ["units"] = SectorCatalog.RasterUnits,
                    ["nodata"] = RegionMask.NoData.ToString(CultureInfo.InvariantCulture),
                };
                GeoTiffWriter.Write(file(Path.Combine("grids", FormattableString.Invariant($"difference_{year}.tif"))), grid, bands, fileMeta, GeoTiffOptions.Default with { NoData = RegionMask.NoData });
            }

            cube.Commit();
        }

        RunManifest.WriteLines(file("sum_check.csv"), sums.Select(s => s.ToCsv()).Prepend(DifferenceSum.CsvHeader));
        return sums;
    }

    /// <summary>Global metadata: run B's (region, CRS, tool version, attributions) plus both runs and the sign convention.</summary>
    public static SortedDictionary<string, string> Globals(RunPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var g = OutputMetadata.Globals(pair.B.Scenario, pair.A.Region.Grid, $"compare {pair.NameA} {pair.NameB}");
        g["title"] = $"Difference of CO2 emission grids: {pair.Label}";
        g["summary"] = $"Cell-by-cell difference of two GridEmissions runs of {pair.A.Scenario.Region} on one grid: run B '{pair.B.Scenario.Id}' ({pair.NameB}) minus run A '{pair.A.Scenario.Id}' ({pair.NameA}), per year and sector, t CO2/yr per cell. Positive: B emits more.";
        g["scenario"] = pair.B.Scenario.Id + " minus " + pair.A.Scenario.Id;
        g["scenario_a"] = pair.A.Scenario.Id;
        g["scenario_b"] = pair.B.Scenario.Id;
        g["run_a"] = pair.NameA;
        g["run_b"] = pair.NameB;
        g["difference"] = "B - A";
        g["time_coverage_start"] = FormattableString.Invariant($"{pair.Years[0]}-01-01");
        g["time_coverage_end"] = FormattableString.Invariant($"{pair.Years[^1] + 1}-01-01");
        return g;
    }

    private static Dictionary<string, string> Variable(RunPair pair, string sector) => new(StringComparer.Ordinal)
    {
        ["long_name"] = $"difference of CO2 emissions per grid cell ({pair.Label}), {pair.A.SectorName(sector)}",
        ["units"] = OutputMetadata.Units,
        ["species"] = OutputMetadata.Species,
        ["sector"] = sector,
        ["cell_methods"] = "area: sum time: sum",
        ["comment"] = "run B minus run A, tonnes per calendar year; positive where B emits more; missing: the cell has no area inside the region",
    };
}
