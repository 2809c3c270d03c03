using GridEmissions.Core.Models;

namespace GridEmissions.Core.Sinks;

/// <summary>The base-year land cover shares the land sink reads (fractions of each cell's area, 0..1).</summary>
/// <param name="Forest">Forest share (MODIS IGBP 1–5 + 8 by default).</param>
/// <param name="OtherVegetation">Shrub, savanna, grassland and wetland share (IGBP 6, 7, 9, 10, 11) and the natural half of the cropland/natural mosaic (½ of IGBP 14).</param>
/// <param name="Cropland">Cropland share (IGBP 12 + ½ of 14).</param>
public sealed record LandCover(double[] Forest, double[] OtherVegetation, double[] Cropland);

/// <summary>
/// The land sink's uptake weights: each cell's area inside the region × Σ class share × class rate
/// (t CO2 per km² per year). Afforestation grows the forest area by a compound rate, converting
/// other natural vegetation of the same cell (never more than the cell has), so forests expand where
/// they already are; cropland and built-up land are not planted.
/// </summary>
public sealed class LandSinkModel
{
    private readonly LandSinkSpec spec;
    private readonly CellGeography geography;
    private readonly LandCover cover;
    private readonly int startYear;

    /// <summary>Creates the model; the shares must have one value per cell, each in 0..1.</summary>
    public LandSinkModel(LandSinkSpec spec, CellGeography geography, LandCover cover, int startYear)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(cover);
        int n = geography.Grid.CellCount;
        foreach ((string name, double[] values) in new[] { ("forest", cover.Forest), ("other_vegetation", cover.OtherVegetation), ("cropland", cover.Cropland) })
        {
            if (values.Length != n)
            {
                throw new ArgumentException($"{name} share has {values.Length} values for {n} cells");
            }

            int bad = Array.FindIndex(values, v => !(v >= 0 && v <= 1 + 1e-9));
            if (bad >= 0)
            {
                throw new ArgumentException($"{name} share of cell {geography.Grid.CellId(bad)} is {values[bad]}; shares lie in 0..1");
            }
        }

        this.spec = spec;
        this.geography = geography;
        this.cover = cover;
        this.startYear = startYear;
    }

    /// <summary>Forest area growth factor of a year (1 in the base year).</summary>
    public double ForestGrowth(int year) => SinkSeries.Growth(spec.AfforestationPercentPerYear, startYear, year);

    /// <summary>Uptake weights of a year (t CO2/yr per cell at the class rates, ≥ 0) written into <paramref name="weights"/>; returns the class areas (km²) used.</summary>
    public LandAreas Weights(int year, Span<double> weights)
    {
        int n = geography.Grid.CellCount;
        if (weights.Length != n)
        {
            throw new ArgumentException($"{weights.Length} weights for {n} cells");
        }

        double growth = ForestGrowth(year);
        double rf = spec.Rate("forest"), ro = spec.Rate("other_vegetation"), rc = spec.Rate("cropland");
        double cellKm2 = geography.Grid.CellAreaKm2;
        double forestKm2 = 0, otherKm2 = 0, cropKm2 = 0;
        for (int i = 0; i < n; i++)
        {
            double area = cellKm2 * geography.RegionFraction[i];
            if (area <= 0)
            {
                weights[i] = 0;
                continue;
            }

            double f0 = cover.Forest[i], o0 = cover.OtherVegetation[i];
            double planted = Math.Min(o0, f0 * (growth - 1));
            planted = Math.Max(planted, -f0); // a negative rate (deforestation) cannot remove more forest than there is
            double f = f0 + planted, o = o0 - planted, c = cover.Cropland[i];
            weights[i] = area * ((rf * f) + (ro * o) + (rc * c));
            forestKm2 += area * f;
            otherKm2 += area * o;
            cropKm2 += area * c;
        }

        return new LandAreas(forestKm2, otherKm2, cropKm2);
    }
}

/// <summary>The class areas inside the region in a year (km²).</summary>
public sealed record LandAreas(double ForestKm2, double OtherVegetationKm2, double CroplandKm2);
