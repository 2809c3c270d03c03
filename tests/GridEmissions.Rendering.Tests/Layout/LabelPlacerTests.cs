namespace GridEmissions.Rendering.Tests.Layout;

public class LabelPlacerTests
{
    /// <summary>Every character is 6 pt wide; no drawing surface needed.</summary>
    private sealed class FixedWidthMeasurer : ITextMeasurer
    {
        public TextBox Measure(string text, FontSpec font) => new(0, -font.SizePoints * 0.8, text.Length * 6, font.SizePoints, text.Length * 6);
    }

    private static MapLabel Label(string key, double x, double y, double priority = 0) =>
        new(key, [new LabelLine(key, new FontSpec(8))], x, y, priority);

    private readonly LabelPlacer placer = new(new FixedWidthMeasurer());
    private readonly PageRect bounds = new(0, 0, 400, 300);

    [Fact]
    public void A_label_with_room_is_centred_on_its_anchor()
    {
        LabelPlacement p = placer.Place([Label("Zhengzhou", 200, 150)], bounds, []);
        PlacedLabel placed = Assert.Single(p.Placed);
        Assert.Equal(LabelPosition.Centre, placed.Position);
        Assert.Equal(200, placed.Box.CentreX, 6);
        Assert.Equal(150, placed.Box.CentreY, 6);
        Assert.Empty(p.Dropped);
    }

    [Fact]
    public void Crowded_labels_never_overlap_and_the_ones_without_room_are_reported()
    {
        var labels = Enumerable.Range(0, 40).Select(i => Label($"City{i:00}", 200 + (i % 5) * 3, 150 + (i / 5) * 3, priority: i)).ToList();
        LabelPlacement p = placer.Place(labels, bounds, []);
        for (int i = 0; i < p.Placed.Count; i++)
        {
            for (int j = i + 1; j < p.Placed.Count; j++)
            {
                Assert.False(p.Placed[i].Box.Intersects(p.Placed[j].Box), $"{p.Placed[i].Label.Key} overlaps {p.Placed[j].Label.Key}");
            }
        }

        Assert.Equal(40, p.Placed.Count + p.Dropped.Count);
        Assert.NotEmpty(p.Dropped);
        Assert.Contains(p.Placed, l => l.Label.Key == "City39"); // highest priority is placed first
    }

    [Fact]
    public void A_label_whose_centre_is_taken_moves_to_the_next_free_position()
    {
        LabelPlacement p = placer.Place([Label("Kaifeng", 200, 150, 2), Label("Luoyang", 200, 156, 1)], bounds, []);
        Assert.Equal(2, p.Placed.Count);
        Assert.Equal(LabelPosition.Centre, p.Placed[0].Position);
        Assert.Equal(LabelPosition.Below, p.Placed[1].Position);
    }

    [Fact]
    public void Labels_avoid_obstacles_and_stay_inside_the_bounds()
    {
        var obstacle = new PageRect(150, 130, 100, 40);
        LabelPlacement p = placer.Place([Label("Xinxiang", 200, 150), Label("Edge", 2, 2)], bounds, [obstacle]);
        foreach (PlacedLabel l in p.Placed)
        {
            Assert.False(l.Box.Intersects(obstacle), $"{l.Label.Key} overlaps the obstacle");
            Assert.True(bounds.Contains(l.Box), $"{l.Label.Key} leaves the map");
        }

        Assert.Contains(p.Placed, l => l.Label.Key == "Edge" && l.Position == LabelPosition.BelowRight);
    }
}
