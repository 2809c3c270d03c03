using System.Globalization;
using System.Xml.Linq;

namespace GridEmissions.Rendering.Tests.Styling;

public class QgisStyleTests
{
    private static double Value(XElement e, string attribute) =>
        e.Attribute(attribute)!.Value == "inf" ? double.PositiveInfinity : double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void The_raster_style_has_the_grid_maps_classes_and_colours_as_a_discrete_ramp_on_the_given_band()
    {
        ClassedScale scale = Scales.EmissionsPerCell();
        XDocument qml = XDocument.Parse(QgisStyle.Raster(scale, 9, "test"));
        XElement renderer = qml.Descendants("rasterrenderer").Single();
        Assert.Equal("singlebandpseudocolor", renderer.Attribute("type")!.Value);
        Assert.Equal("9", renderer.Attribute("band")!.Value);
        Assert.Equal("DISCRETE", qml.Descendants("colorrampshader").Single().Attribute("colorRampType")!.Value);
        var items = qml.Descendants("item").ToList();
        Assert.Equal(scale.ClassCount + 2, items.Count); // negative, zero, then the classes
        Assert.Equal(["#9ecae1", "#d9d9d9", "#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"], items.Select(i => i.Attribute("color")!.Value));

        // QGIS's discrete ramp takes the first entry whose value is ≥ the pixel: the map's classes, break values going up.
        int Class(double v) => items.FindIndex(i => v <= Value(i, "value")) - 2;
        foreach (double v in new[] { -5, 0, 1, 999.9, 1000, 5e3, 1e4, 99_999, 1e5, 1e6, 3e7 })
        {
            int expected = scale.Classify(v) switch { ClassedScale.Negative => -2, ClassedScale.Zero => -1, int c => c };
            Assert.Equal(expected, Class(v));
        }

        Assert.Equal(scale.Labels, items.Skip(2).Select(i => i.Attribute("label")!.Value));
    }

    [Fact]
    public void The_graduated_style_scales_the_breaks_into_the_fields_unit()
    {
        ClassedScale scale = Scales.Sequential([1, 2, 5, 10], "Mt", v => v + " Mt");
        XDocument qml = XDocument.Parse(QgisStyle.Graduated(scale, "emissions_t_total", "fill", "cities", 1e6));
        XElement renderer = qml.Descendants("renderer-v2").Single();
        Assert.Equal("graduatedSymbol", renderer.Attribute("type")!.Value);
        Assert.Equal("emissions_t_total", renderer.Attribute("attr")!.Value);
        var ranges = qml.Descendants("range").ToList();
        Assert.Equal(6, ranges.Count);
        Assert.Equal([0, 0, 1e6, 2e6, 5e6, 1e7], ranges.Select(r => Value(r, "lower")));
        var colours = qml.Descendants("symbol").Select(s => s.Descendants("Option").Single(o => o.Attribute("name")?.Value == "color").Attribute("value")!.Value).ToList();
        Assert.Equal("217,217,217,255", colours[0]);
        Assert.Equal(FormattableString.Invariant($"{scale.Colours[4].R},{scale.Colours[4].G},{scale.Colours[4].B},255"), colours[5]);
    }
}
