using System.Text;
using GridEmissions.Gdal;
using GridEmissions.Rendering;

namespace GridEmissions.Pipeline;

/// <summary>
/// Writes a QGIS style (<c>NAME.qml</c>) beside every GeoTIFF and GeoJSON of a run folder, so a
/// drag-and-drop into QGIS shows the tool's map: the emission classes and colours of the grid maps
/// (<see cref="Scales.EmissionsPerCell"/>) on the total band, the city choropleth's classes on
/// the cities, the black outlines of the hotspot zones.
/// </summary>
public static class QgisStyles
{
    /// <summary>Writes the styles for the files under <paramref name="folder"/>; returns the .qml paths relative to it.</summary>
    public static IReadOnlyList<string> Write(string folder, int baseYear)
    {
        var written = new List<string>();
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".tif", StringComparison.Ordinal) || f.EndsWith(".geojson", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (string path in files)
        {
            string? style = StyleOf(path, baseYear);
            if (style is null)
            {
                continue;
            }

            string qml = Path.ChangeExtension(path, ".qml");
            File.WriteAllText(qml, style, new UTF8Encoding(false));
            written.Add(Path.GetRelativePath(folder, qml));
        }

        return written;
    }

    /// <summary>The classes of the city choropleth (as <see cref="ChoroplethRenderer.ScaleFor"/> draws city totals): quantile breaks of the cities' Mt, YlOrRd.</summary>
    public static ClassedScale CityScale(IReadOnlyList<double> megatonnes) =>
        Scales.Sequential(NiceBreaks.Quantiles(megatonnes, 5), "Mt CO₂ per year (city total)", v => QuantityFormat.Number(v) + " Mt");

    /// <summary>The style of one file, by its name; null for a file without one.</summary>
    public static string? StyleOf(string path, int baseYear)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileNameWithoutExtension(path);
        ClassedScale cells = Scales.EmissionsPerCell();
        if (path.EndsWith(".tif", StringComparison.Ordinal))
        {
            if (name == "region_fraction")
            {
                return QgisStyle.Fraction(1, "fraction of the cell inside the region");
            }

            using RasterDataset ds = RasterDataset.Open(path);
            int band = ds.BandCount;
            for (int b = 1; b <= ds.BandCount; b++)
            {
                if (ds.BandDescription(b) == YearGrids.Total)
                {
                    band = b;
                }
            }

            return QgisStyle.Raster(cells, band, $"{name}: {ds.BandDescription(band)}, {cells.UnitLabel}");
        }

        if (name.StartsWith("cities_", StringComparison.Ordinal))
        {
            VectorLayer layer = VectorReader.Read(path);
            double[] mt = [.. layer.Features.Select(f => Convert.ToDouble(f.Attributes["emissions_t_total"], System.Globalization.CultureInfo.InvariantCulture) / 1e6)];
            ClassedScale scale = CityScale(mt);
            return QgisStyle.Graduated(scale, "emissions_t_total", "fill", name + ": " + scale.UnitLabel, 1e6);
        }

        if (name.StartsWith("hotspot_zones_", StringComparison.Ordinal))
        {
            return QgisStyle.Outline(Rgba.Black, name + ": hotspot zones");
        }

        if (name == "top_cells")
        {
            return QgisStyle.Graduated(cells, "emissions_t", "fill", name + ": " + cells.UnitLabel);
        }

        if (name == TransportNetworkLayer.Name)
        {
            VectorLayer layer = VectorReader.Read(path);
            string[] classes = [.. layer.Features.Select(f => Convert.ToString(f.Attributes["class"], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            Rgba[] colours = [new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40), new(148, 103, 189), new(140, 86, 75)];
            return QgisStyle.Categorized("class", classes, colours, "line", name + ": corridor, station-link and road-proxy lines by class");
        }

        if (name == "facilities")
        {
            return QgisStyle.Graduated(cells, FormattableString.Invariant($"emitted_t_{baseYear}"), "marker", $"facilities: emitted CO2 {baseYear}, t per year");
        }

        if (name.StartsWith("facilities_", StringComparison.Ordinal))
        {
            return QgisStyle.Graduated(cells, "emissions_t", "marker", name + ": emitted CO2, t per year");
        }

        return null;
    }
}
