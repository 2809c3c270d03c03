
namespace GridEmissions.Analysis.Tests;

public sealed class ConcentrationTests
{
    [Fact]
    public void Gini_of_equal_values_is_zero()
    {
        Tolerance.Close(0, Concentration.Gini([3, 3, 3, 3, 3]), 1e-15, "Gini of equal values");
        Tolerance.Close(0, Concentration.Gini([0, 0, 0]), 0, "Gini of zeros");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(1000)]
    public void Gini_of_one_holder_is_n_minus_one_over_n(int n)
    {
        var v = new double[n];
        v[n / 2] = 42e3;
        Tolerance.Close((n - 1.0) / n, Concentration.Gini(v), 1e-15, $"Gini, one holder of {n}");
    }

    [Fact]
    public void Gini_of_a_known_vector_matches_the_hand_value()
    {
        // x = 1, 2, 3, 4: Σ(2i − n − 1) x_i = −3 − 2 + 3 + 12 = 10; n Σx = 40 → 0.25
        Tolerance.Close(0.25, Concentration.Gini([4, 1, 3, 2]), 1e-15, "Gini of 1..4");
    }

    [Fact]
    public void Top_shares_count_all_region_cells_and_top_cells_break_ties_by_index()
    {
        var grid = TinyGrids.Grid(10, 20); // 200 cells: top 1 % = 2 cells, top 10 % = 20 cells
        var values = new double[200];
        values[7] = 500;
        values[3] = 500;
        values[150] = 250;
        for (int i = 0; i < 50; i++)
        {
            values[100 + i] += 5; // total 1250 + 250 = 1500
        }

        var result = Concentration.Compute(grid, values, topCount: 3);
        Assert.Equal(200, result.RegionCellCount);
        Assert.Equal(2, result.Top1PercentCells);
        Assert.Equal(20, result.Top10PercentCells);
        Assert.Equal([3, 7, 150], result.TopCells.Select(c => c.Index));
        Assert.Equal(grid.CellId(3), result.TopCells[0].CellId);
        Tolerance.Close(1000.0 / 1500, result.ShareTop1Percent, 1e-15, "top 1 % share");
        Tolerance.Close((1000.0 + 250 + (17 * 5)) / 1500, result.ShareTop10Percent, 1e-15, "top 10 % share");
    }

    [Fact]
    public void Negative_values_are_rejected()
    {
        var grid = TinyGrids.Grid(2, 1);
        Assert.Throws<ArgumentException>(() => Concentration.Compute(grid, [1.0, -1.0]));
    }
}
