using System.Globalization;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline.Ensembles;

/// <summary>
/// Per-cell statistics of the members: <c>ensemble_quantiles.nc</c> (CF; every band with dimensions
/// time × quantile (0.1, 0.5, 0.9) × y × x) and <c>ensemble_mean.nc</c> (time × y × x), both in t
/// CO2/yr per cell; plus <c>grids/median_&lt;year&gt;.tif</c> and <c>grids/spread_&lt;year&gt;.tif</c>
/// (P90 − P10) of the total for the key years, read by the maps. Fed block by block.
/// </summary>
public sealed class CellStatisticsWriter
{
    private readonly OutputDirectory output;
    private readonly AnalysisContext context;
    private readonly int members;
    private readonly NetCdfCubeWriter quantiles;
    private readonly NetCdfCubeWriter means;
    private readonly Dictionary<(int Year, string Band), double[][]> current = [];
    private readonly SortedDictionary<string, string> globals;

    /// <summary>Opens both cubes.</summary>
    public CellStatisticsWriter(OutputDirectory output, AnalysisContext context, int members)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);
        this.output = output;
        this.context = context;
        this.members = members;
        globals = OutputMetadata.Globals(context.Scenario, context.Region.Grid, FormattableString.Invariant($"ensemble merge ({members} members)"));
        globals["title"] = $"Ensemble statistics of {context.Scenario.Title} ({members} members)";
        globals["ensemble_members"] = members.ToString(CultureInfo.InvariantCulture);
        globals["quantile_method"] = "exact sample quantiles of the members, Hyndman-Fan type 7 (linear between order statistics)";
        var attrs = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (string b in context.Grids.SectorsAndTotal)
        {
            attrs[b] = OutputMetadata.EmissionVariable(b, context.SectorName(b));
        }

        var axis = new CfExtraAxis("quantile", Quantiles.Levels, new Dictionary<string, string>
        {
            ["long_name"] = "quantile of the ensemble members (0.1 = P10, 0.5 = median, 0.9 = P90)",
            ["units"] = "1",
        });
        var grid = context.Region.Grid;
        quantiles = new NetCdfCubeWriter(output.File("ensemble_quantiles.nc"), CfGrids.Albers(grid), context.Grids.SectorsAndTotal, context.Scenario.Years, globals, attrs, RegionMask.NoData, axis);
        means = new NetCdfCubeWriter(output.File("ensemble_mean.nc"), CfGrids.Albers(grid), context.Grids.SectorsAndTotal, context.Scenario.Years, globals, attrs, RegionMask.NoData);
    }

    /// <summary>Adds the member values (member-major: <paramref name="length"/> cells per member) of cells start..start+length of one year and band.</summary>
    public void Add(int yearIndex, string band, int start, int length, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int cells = context.Region.Grid.CellCount;
        int year = context.Scenario.Years[yearIndex];
        if (!current.TryGetValue((year, band), out double[][]? stats))
        {
            stats = [new double[cells], new double[cells], new double[cells], new double[cells]];
            current[(year, band)] = stats;
        }

        var column = new double[members];
        for (int i = 0; i < length; i++)
        {
            for (int m = 0; m < members; m++)
            {
                column[m] = values[(m * length) + i];
            }

            Array.Sort(column);
            for (int q = 0; q < Quantiles.Levels.Count; q++)
            {
                stats[q][start + i] = Quantiles.OfSorted(column, Quantiles.Levels[q]);
            }

            stats[3][start + i] = PreciseSum.Of(column) / members;
        }

        if (start + length == cells)
        {
            Flush(yearIndex, year, band, stats);
            current.Remove((year, band));
        }
    }

    /// <summary>Closes the cubes.</summary>
    public void Commit()
    {
        quantiles.Commit();
        means.Commit();
    }

    private void Flush(int yearIndex, int year, string band, double[][] stats)
    {
        RegionMask mask = context.Region.Mask;
        for (int q = 0; q < Quantiles.Levels.Count; q++)
        {
            quantiles.WriteSlice(band, yearIndex, q, mask.Apply(stats[q], FormattableString.Invariant($"P{Quantiles.Levels[q] * 100} {band} {year}")));
        }

        means.WriteSlice(band, yearIndex, mask.Apply(stats[3], FormattableString.Invariant($"mean {band} {year}")));
        if (band == YearGrids.Total && context.KeyYears.Contains(year))
        {
            var spread = new double[stats[0].Length];
            for (int i = 0; i < spread.Length; i++)
            {
                spread[i] = stats[2][i] - stats[0][i];
            }

            Tif(FormattableString.Invariant($"median_{year}.tif"), "median", "P50 of the members, t CO2/yr per cell, all sectors", year, mask.Apply(stats[1], "median"));
            Tif(FormattableString.Invariant($"spread_{year}.tif"), "p90_minus_p10", "P90 - P10 of the members, t CO2/yr per cell, all sectors", year, mask.Apply(spread, "spread"));
        }
    }

    private void Tif(string name, string band, string description, int year, double[] values)
    {
        var meta = new Dictionary<string, string>(globals, StringComparer.Ordinal)
        {
            ["year"] = year.ToString(CultureInfo.InvariantCulture),
            ["sector"] = YearGrids.Total,
            ["units"] = Core.Sectors.SectorCatalog.RasterUnits,
            ["description"] = description,
        };
        GeoTiffWriter.Write(output.File(Path.Combine("grids", name)), context.Region.Grid, [new RasterBand(band, values, meta, OutputMetadata.Units)], meta, GeoTiffOptions.Default with { NoData = RegionMask.NoData });
    }

    /// <summary>Reads back a key year's median or spread grid (0 outside the region).</summary>
    public static double[] Read(string statisticsFolder, string name)
    {
        using RasterDataset ds = RasterDataset.Open(Path.Combine(statisticsFolder, "grids", name));
        double[] v = ds.ReadBand(1);
        RegionMask.ZeroNoData(v, RegionMask.NoData);
        return v;
    }
}
