using FsCheck;
using FsCheck.Fluent;
using GridEmissions.Core.Allocation;
using GridEmissions.Core.Tests.Fixtures;

namespace GridEmissions.Core.Tests.Allocation;

public class HarmonizerTests
{
    private static readonly AllocationKey Key = new("Henan", "power", 2035);

    /// <summary>Weights with many zeros and a huge dynamic range (1e-6 .. 1e9).</summary>
    private static Gen<double[]> Weights(int minCells = 1) =>
        from n in Gen.Choose(minCells, 400)
        from w in Gen.Frequency(
            (3, Gen.Constant(0.0)),
            (4, Properties.LogUniform(1e-6, 1e9)),
            (1, Gen.Elements(1e-6, 1e9, 1.0))).ArrayOf(n)
        select w;

    private static readonly Gen<double> Targets =
        Gen.Frequency(
            (1, Gen.Constant(0.0)),
            (4, Properties.LogUniform(1e-3, 1e12)),
            (1, Gen.Choose(0, 40).Select(k => 5e7 * (1 - (k / 40.0))))); // a target falling to zero over a pathway

    /// <summary>Weights and a target that can be allocated (a zero target, or some positive weight).</summary>
    private static readonly Gen<(double[] Weights, double Target)> AllocatableCases =
        (from w in Weights()
         from t in Targets
         select (Weights: w, Target: t)).Where(x => x.Target == 0 || x.Weights.Any(v => v > 0));

    [Fact]
    public void Allocate_conserves_the_target_with_no_negative_or_nan_cell_and_zero_where_the_weight_is_zero()
    {
        Properties.Check(AllocatableCases, t =>
        {
            var cells = new double[t.Weights.Length];
            Array.Fill(cells, double.NaN); // stale content must be overwritten
            AllocationOutcome outcome = Harmonizer.Allocate(Key, t.Target, t.Weights, cells);
            Conservation.AssertConserved(t.Target, cells, Harmonizer.RelativeTolerance, "sum of allocated cells");
            Assert.True(outcome.IsConserved, $"outcome not conserved: {outcome}");
            for (int i = 0; i < cells.Length; i++)
            {
                Assert.True(double.IsFinite(cells[i]) && cells[i] >= 0, $"cell {i} is {cells[i]}");
                if (t.Weights[i] == 0)
                {
                    Assert.True(cells[i] == 0, $"cell {i} has zero weight but got {cells[i]:R}");
                }
            }

            Assert.Equal(t.Target == 0 ? 0 : cells.Count(c => c > 0), outcome.CellsUsed);
        });
    }

    [Fact]
    public void The_census_taken_while_allocating_is_bit_for_bit_the_census_of_the_written_cells()
    {
        Properties.Check(AllocatableCases, t =>
        {
            var cells = new double[t.Weights.Length];
            Array.Fill(cells, double.NaN);
            AllocationOutcome outcome = Harmonizer.Allocate(Key, t.Target, t.Weights, cells, out CellCensus census);
            CellCensus separate = CellCensus.Of(cells);
            Assert.Equal(separate.Negative, census.Negative);
            Assert.Equal(separate.Positive, census.Positive);
            Assert.Equal(separate.NonFinite, census.NonFinite);
            Assert.Equal(BitConverter.DoubleToInt64Bits(separate.Sum), BitConverter.DoubleToInt64Bits(census.Sum));
            Assert.Equal(BitConverter.DoubleToInt64Bits(outcome.AllocatedTonnes), BitConverter.DoubleToInt64Bits(census.Sum));
            AuditRow fromCells = MassBalanceAudit.Check("s", outcome, cells, 1, 0);
            AuditRow fromCensus = MassBalanceAudit.Check("s", outcome, census, 1, 0);
            Assert.Equal(fromCells, fromCensus);
        });
    }

    [Fact]
    public void Skipping_blocks_of_zero_weights_gives_the_bits_of_the_cell_by_cell_loop()
    {
        // Sparse grids with zero runs of every length and alignment, −0, tiny and huge weights.
        var random = new Random(3);
        for (int t = 0; t < 300; t++)
        {
            int n = random.Next(1, 700);
            var w = new double[n];
            for (int i = 0; i < n; i++)
            {
                double u = random.NextDouble();
                w[i] = u < 0.7 ? 0 : u < 0.75 ? -0.0 : u < 0.8 ? double.Epsilon * random.Next(1, 9) : Math.Exp((random.NextDouble() * 40) - 15);
                if (random.NextDouble() < 0.02)
                {
                    int run = random.Next(8, 40);
                    for (int j = i; j < Math.Min(n, i + run); j++)
                    {
                        w[j] = 0;
                    }
                }
            }

            if (!w.Any(x => x > 1e-300)) // denormal weights alone overflow the scale: the loop rejects those grids either way
            {
                w[random.Next(n)] = 1;
            }

            double target = Math.Exp((random.NextDouble() * 30) - 5);
            var cells = new double[n];
            AllocationOutcome outcome = Harmonizer.Allocate(Key, target, w, cells, out CellCensus census);
            var (expectedCells, expectedSum, expectedUsed) = CellByCell(target, w);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(expectedCells[i]), BitConverter.DoubleToInt64Bits(cells[i]));
            }

            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedSum), BitConverter.DoubleToInt64Bits(outcome.AllocatedTonnes));
            Assert.Equal(expectedUsed, outcome.CellsUsed);
            Assert.Equal(CellCensus.Of(cells), census);
            Assert.Equal(BitConverter.DoubleToInt64Bits(PlainSum(cells)), BitConverter.DoubleToInt64Bits(PreciseSum.Of(cells)));
        }
    }

    [Fact]
    public void A_bad_weight_inside_an_otherwise_zero_block_is_still_named()
    {
        var w = new double[64];
        w[3] = 1;
        w[45] = double.NaN;
        var e = Assert.Throws<AllocationException>(() => Harmonizer.Allocate(Key, 10, w, new double[64]));
        Assert.Contains("cell 45", e.Message, StringComparison.Ordinal);
    }

    // The loop before zero blocks were skipped: every cell added, in order.
    private static (double[] Cells, double Sum, int Used) CellByCell(double target, double[] w)
    {
        double scale = target / PlainSum(w);
        var cells = w.Select(x => x * scale).ToArray();
        return (cells, PlainSum(cells), cells.Count(v => v > 0));
    }

    private static double PlainSum(double[] values)
    {
        var s = default(PreciseAccumulator);
        foreach (double v in values)
        {
            s.Add(v);
        }

        return s.Value;
    }

    [Fact]
    public void Allocate_shares_the_target_in_proportion_to_the_weights()
    {
        double[] weights = [0, 1, 3, 0, 6];
        var cells = new double[5];
        Harmonizer.Allocate(Key, 1000, weights, cells);
        Assert.Equal([0, 100, 300, 0, 600], cells);
    }

    [Fact]
    public void Allocate_of_a_zero_target_clears_the_cells_even_when_every_weight_is_zero()
    {
        double[] cells = [5, 5, 5];
        AllocationOutcome outcome = Harmonizer.Allocate(Key, 0, new double[3], cells);
        Assert.Equal([0, 0, 0], cells);
        Assert.Equal(0, outcome.CellsUsed);
        Assert.True(outcome.IsConserved);
    }

    [Fact]
    public void Allocate_of_a_positive_target_with_all_zero_weights_throws_naming_region_sector_and_year()
    {
        var gen = from n in Gen.Choose(1, 400) from t in Properties.LogUniform(1e-3, 1e12) select (n, t);
        Properties.Check(gen, x =>
        {
            var ex = Assert.Throws<AllocationException>(() => Harmonizer.Allocate(Key, x.t, new double[x.n], new double[x.n]));
            Assert.Contains("'Henan'", ex.Message, StringComparison.Ordinal);
            Assert.Contains("'power'", ex.Message, StringComparison.Ordinal);
            Assert.Contains("2035", ex.Message, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(-1e-12)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Allocate_throws_for_a_negative_or_non_finite_weight(double bad)
    {
        double[] weights = [1, 2, bad, 4];
        var ex = Assert.Throws<AllocationException>(() => Harmonizer.Allocate(Key, 100, weights, new double[4]));
        Assert.Contains("cell 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'power'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_throws_for_a_negative_or_nan_weight_anywhere_in_a_random_grid()
    {
        var gen =
            from w in Weights()
            from pos in Gen.Choose(0, 399)
            from bad in Gen.Elements(-1e-6, -1.0, -1e9, double.NaN)
            select (Weights: w, Pos: pos % w.Length, Bad: bad);
        Properties.Check(gen, t =>
        {
            double[] w = (double[])t.Weights.Clone();
            w[t.Pos] = t.Bad;
            Assert.Throws<AllocationException>(() => Harmonizer.Allocate(Key, 10, w, new double[w.Length]));
            Assert.Throws<AllocationException>(() => Harmonizer.Allocate(Key, 0, w, new double[w.Length]));
        });
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Allocate_throws_for_a_negative_or_non_finite_target(double target)
    {
        var ex = Assert.Throws<AllocationException>(() => Harmonizer.Allocate(Key, target, [1.0], new double[1]));
        Assert.Contains("year 2035", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_rejects_weights_and_cells_of_different_length()
    {
        Assert.Throws<ArgumentException>(() => Harmonizer.Allocate(Key, 1, [1.0, 2.0], new double[3]));
    }
}
