using System.Globalization;
using GridEmissions.Core.Proxies;
using GridEmissions.Core.Proxies.Regridding;
using GridEmissions.Core.Scenarios;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline;

/// <summary>
/// The land layers of a region: the scenario's population, built-up and cropland rasters (any GDAL
/// raster in any CRS) regridded conservatively onto the run's lattice. Residents are the raster's
/// count times the cell's share inside the region (people spread evenly within a source cell).
/// </summary>
public static class LandInputs
{
    /// <summary>Input keys of the three rasters.</summary>
    public const string Population = "population_grid", BuiltUp = "built_up_grid", Cropland = "cropland_grid";

    /// <summary>Pieces each source cell edge is cut into before it is projected (curved edges in the grid CRS).</summary>
    public const int Densify = 4;

    /// <summary>Reads and regrids the rasters the scenario names; a missing one gives zeros (the parser has already required what the models need).</summary>
    public static LandLayers Load(Scenario scenario, RegionGeography region, SpatialReference gridCrs, List<ScenarioProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(problems);
        int n = region.Grid.CellCount;
        double[] residents = Layer(scenario, region, gridCrs, Population, RasterQuantity.Count, problems) ?? new double[n];
        double[] fraction = region.Cells.RegionFraction;
        for (int i = 0; i < n; i++)
        {
            residents[i] *= fraction[i];
        }

        return new LandLayers(
            residents,
            Layer(scenario, region, gridCrs, BuiltUp, RasterQuantity.Fraction, problems) ?? new double[n],
            Layer(scenario, region, gridCrs, Cropland, RasterQuantity.Fraction, problems) ?? new double[n]);
    }

    internal static double[]? Layer(Scenario scenario, RegionGeography region, SpatialReference gridCrs, string key, RasterQuantity quantity, List<ScenarioProblem> problems)
    {
        if (!scenario.Inputs.Files.TryGetValue(key, out string? path))
        {
            return null;
        }

        try
        {
            SourceRaster source = ProxyRasterReader.Read(path, 1, gridCrs, Densify);
            RegridResult result = ConservativeRegridder.Regrid(source, region.Grid, quantity);
            IReadOnlyList<int> short_ = ConservativeRegridder.Uncovered(result, region.Cells.RegionFraction);
            if (short_.Count > 0)
            {
                var grid = region.Grid;
                string cells = string.Join(", ", short_.Select(i => string.Create(CultureInfo.InvariantCulture, $"{grid.CellId(i)} ({100 * result.CoveredFraction[i]:0.#} % covered, {100 * region.Cells.RegionFraction[i]:0.#} % in the region)")));
                problems.Add(new ScenarioProblem(path, 0,
                    $"the raster does not cover region '{region.Region}': cells {cells} lie (partly) outside it.",
                    "give a raster whose extent covers the whole region; if it does, its CRS tag is probably wrong (check with gdalinfo; fix with gdal_edit.py -a_srs)."));
                return null;
            }

            return result.Values;
        }
        catch (ProxyRasterException e)
        {
            problems.Add(new ScenarioProblem(path, 0, e.Problem + ".", e.Fix));
            return null;
        }
    }
}
