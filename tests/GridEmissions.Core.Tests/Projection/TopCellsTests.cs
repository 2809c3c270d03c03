using GridEmissions.Core.Projection;

namespace GridEmissions.Core.Tests.Projection;

public sealed class TopCellsTests
{
    // The reference: a full sort of the positive cells, descending by value, ties by lowest index; the indices ascending.
    private static int[] BySort(double[] cells, int count) =>
        [.. Enumerable.Range(0, cells.Length).Where(i => cells[i] > 0).OrderByDescending(i => cells[i]).ThenBy(i => i).Take(count).Order()];

    [Theory]
    [InlineData(1, 1000, 3)]
    [InlineData(2, 1000, 1000)]
    [InlineData(3, 50_000, 7)]
    [InlineData(4, 50_000, 100_000)]
    [InlineData(5, 17, 1)]
    public void Selection_marks_the_same_cells_as_a_full_sort(int seed, int n, int distinct)
    {
        var random = new Random(seed);
        foreach (double zeroShare in new[] { 0.0, 0.4, 0.95 })
        {
            // few distinct values make many ties at the threshold; negatives and zeros never count
            double[] cells = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() < zeroShare ? (random.NextDouble() < 0.5 ? 0 : -1) : 1 + random.Next(distinct))];
            int positives = cells.Count(v => v > 0);
            foreach (int count in new[] { 1, Math.Max(1, positives / 10), positives, positives + 5 })
            {
                Assert.Equal(BySort(cells, count), TopCells.Select(cells, count));
            }
        }
    }

    [Fact]
    public void Sorted_and_constant_inputs_select_correctly()
    {
        double[] ascending = [.. Enumerable.Range(1, 10_000).Select(i => (double)i)];
        double[] descending = [.. ascending.Reverse()];
        double[] constant = [.. Enumerable.Repeat(2.5, 10_000)];
        foreach (double[] cells in new[] { ascending, descending, constant })
        {
            Assert.Equal(BySort(cells, 1000), TopCells.Select(cells, 1000));
        }

        Assert.Empty(TopCells.Select(new double[] { 0, -1, 0 }, 1));
    }

    [Theory]
    [InlineData(11, 1e-3)]   // every value in one bucket of the leading-bits histogram
    [InlineData(12, 12.0)]   // values over 12 orders of magnitude: many buckets, the threshold's bucket small
    public void Selection_holds_for_values_in_one_bucket_or_across_many(int seed, double decades)
    {
        var random = new Random(seed);
        double[] cells = [.. Enumerable.Range(0, 30_000).Select(_ => random.NextDouble() < 0.2 ? 0 : decades < 1 ? 1 + (random.NextDouble() * decades) : Math.Pow(10, (random.NextDouble() - 0.5) * decades))];
        cells[17] = double.PositiveInfinity;
        cells[18] = double.Epsilon; // the smallest subnormal
        int positives = cells.Count(v => v > 0);
        foreach (int count in new[] { 1, 2, 7, positives / 10, positives / 2, positives - 1, positives })
        {
            Assert.Equal(BySort(cells, count), TopCells.Select(cells, count));
        }
    }
}
