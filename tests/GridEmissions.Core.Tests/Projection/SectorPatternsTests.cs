using GridEmissions.Core.Projection;

namespace GridEmissions.Core.Tests.Projection;

public sealed class SectorPatternsTests
{
    // The indicators as the runner computed them before SectorPatterns: full base-share grids, a bool
    // top-decile mask and one pass over every cell (kept verbatim as the reference for the bits).
    private sealed class FullGridPatterns(bool[] urban)
    {
        private readonly Dictionary<string, double[]> baseShares = [];
        private readonly Dictionary<string, bool[]> baseTop = [];

        public (double InTop, double InUrban, double Moved) Row(string sectorId, double[] cells, int used, double target, double[] total)
        {
            int n = cells.Length;
            double scale = target > 0 ? 1 / target : 0;
            if (!baseShares.TryGetValue(sectorId, out double[]? b))
            {
                b = new double[n];
                for (int i = 0; i < n; i++)
                {
                    b[i] = cells[i] * scale;
                }

                baseShares[sectorId] = b;
                var mask = new bool[n];
                foreach (int i in TopCells.Select(cells, Math.Max(1, used / 10)))
                {
                    mask[i] = true;
                }

                baseTop[sectorId] = mask;
            }

            bool[] t = baseTop[sectorId];
            double inTop = 0, inUrban = 0, moved = 0;
            for (int i = 0; i < n; i++)
            {
                total[i] += cells[i];
                double share = cells[i] * scale;
                if (t[i])
                {
                    inTop += share;
                }

                if (urban[i])
                {
                    inUrban += share;
                }

                moved += Math.Abs(share - b[i]);
            }

            return (inTop, inUrban, moved / 2);
        }
    }

    // A grid of `n` cells: zero (+0 or −0) outside a "region" band, sparse or dense inside, with runs that straddle blocks.
    private static double[] Grid(Random random, int n, double density, double scale)
    {
        var cells = new double[n];
        for (int i = 0; i < n; i++)
        {
            bool inRegion = i % 1000 is > 130 and < 870;
            cells[i] = inRegion && random.NextDouble() < density ? random.NextDouble() * scale * Math.Pow(10, random.Next(-3, 4)) : (random.Next(2) == 0 ? 0.0 : -0.0);
        }

        return cells;
    }

    [Theory]
    [InlineData(1, 10_007, 0.9)]
    [InlineData(2, 10_007, 0.003)]
    [InlineData(3, 64 * 40, 0.5)]
    [InlineData(4, 77, 1.0)]
    public void Every_indicator_and_the_total_have_the_bits_of_the_full_grid_pass(int seed, int n, double density)
    {
        var random = new Random(seed);
        var urban = new bool[n];
        var patterns = new SectorPatterns();
        var reference = new FullGridPatterns(urban);
        double[] total = new double[n], referenceTotal = new double[n];
        for (int year = 0; year < 6; year++)
        {
            for (int i = 0; i < n; i++)
            {
                urban[i] = random.NextDouble() < 0.3;
            }

            Array.Clear(total);
            Array.Clear(referenceTotal);
            foreach (string sector in new[] { "dense", "sparse" })
            {
                // later years move cells in and out of the base year's non-zero blocks; year 3 is all zero (a retired sector)
                double[] cells = year == 3 ? new double[n] : Grid(random, n, sector == "dense" ? density : density / 10, 1e3);
                double target = cells.Sum();
                int used = cells.Count(v => v > 0);
                (double inTop, double inUrban, double moved) = reference.Row(sector, cells, used, target, referenceTotal);
                PatternRow row = patterns.Row(2024 + year, sector, cells, urban, used, target, double.NaN, total);

                Assert.Equal(BitConverter.DoubleToInt64Bits(inTop), BitConverter.DoubleToInt64Bits(row.ShareInBaseTopDecile));
                Assert.Equal(BitConverter.DoubleToInt64Bits(inUrban), BitConverter.DoubleToInt64Bits(row.ShareInUrbanCells));
                Assert.Equal(BitConverter.DoubleToInt64Bits(moved), BitConverter.DoubleToInt64Bits(row.DissimilarityToBase));
                Assert.Equal(used, row.CellsUsed);
            }

            Assert.Equal(referenceTotal.Select(BitConverter.DoubleToInt64Bits), total.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Base_shares_store_only_the_blocks_with_a_share()
    {
        int n = BaseYearShares.BlockCells * 100;
        var cells = new double[n];
        cells[5] = 2;
        cells[(BaseYearShares.BlockCells * 37) + 1] = -0.0; // −0 holds no share
        cells[n - 1] = 6;
        BaseYearShares shares = BaseYearShares.Of(cells, 0.125); // the sector's 8 t
        Assert.Equal(2 * BaseYearShares.BlockCells, shares.StoredCells);
        Assert.Equal(0.25, shares[5]);
        Assert.Equal(0.75, shares[n - 1]);
        Assert.Equal(0, shares[6]);
        Assert.Equal(0, shares[BaseYearShares.BlockCells * 37]);

        // the same shares give no movement; the whole sector moved to one new cell gives 1 (Σ|Δ| = 2)
        Assert.Equal(0, shares.Moved(cells, 0.125));
        var moved = new double[n];
        moved[BaseYearShares.BlockCells * 50] = 8;
        Assert.Equal(2, shares.Moved(moved, 0.125));
        Assert.Throws<ArgumentException>(() => shares.Moved(new double[n - 1], 1));
    }
}
