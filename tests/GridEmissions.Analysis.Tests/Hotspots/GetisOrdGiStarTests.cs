using GridEmissions.Core.Grids;

namespace GridEmissions.Analysis.Tests;

public sealed class GetisOrdGiStarTests
{
    private static readonly GridSpec Grid = new("fixture", 10_000, 90, 400, 9, 7);

    public static TheoryData<string> Fixtures => new() { "localg_queen.csv", "localg_band25km.csv" };

    private static (SpatialWeights Weights, double[] Values, IReadOnlyList<LocalGRow> Rows) Load(string file)
    {
        var rows = LocalGRow.Read(file);
        Assert.Equal(Grid.CellCount, rows.Count);
        var mask = rows.Select(r => r.InRegion).ToArray();
        // cells outside the region carry NaN: proof that they are never read
        var values = rows.Select(r => r.InRegion ? r.Value : double.NaN).ToArray();
        foreach (var r in rows)
        {
            Assert.Equal(r.Cell, Grid.Index(r.Col, r.Row));
        }

        var weights = file.Contains("queen", StringComparison.Ordinal)
            ? SpatialWeights.Queen(Grid, mask)
            : SpatialWeights.DistanceBand(Grid, 25_000, mask);
        return (weights, values, rows);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Neighbour_counts_match_spdep(string file)
    {
        var (weights, _, rows) = Load(file);
        foreach (var r in rows)
        {
            Assert.Equal(r.Weights, weights.NeighboursOf(r.Cell).Length);
        }

        Assert.Equal(rows.Count(r => r.InRegion), weights.RegionCellCount);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Z_scores_agree_with_spdep_localG_to_1e9(string file)
    {
        var (weights, values, rows) = Load(file);
        var result = GetisOrdGiStar.Compute(weights, values);
        foreach (var r in rows)
        {
            Tolerance.Close(r.Z, result.Z[r.Cell], 1e-9 * Math.Max(1, Math.Abs(r.Z)), $"z of cell {r.Cell} ({file})");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void P_values_and_BH_adjustment_agree_with_R(string file)
    {
        var (weights, values, rows) = Load(file);
        var result = GetisOrdGiStar.Compute(weights, values);
        foreach (var r in rows)
        {
            Tolerance.Close(r.P, result.P[r.Cell], 1e-9 * Math.Max(1e-3, r.P), $"p of cell {r.Cell} ({file})");
            Tolerance.Close(r.PBh, result.PAdjusted[r.Cell], 1e-9 * Math.Max(1e-3, r.PBh), $"BH p of cell {r.Cell} ({file})");
        }
    }

    [Fact]
    public void Classes_follow_sign_and_level_of_the_chosen_p()
    {
        var (weights, values, rows) = Load("localg_queen.csv");
        var raw = GetisOrdGiStar.Compute(weights, values, new GiStarOptions { Adjustment = PValueAdjustment.None });
        var fdr = GetisOrdGiStar.Compute(weights, values);
        foreach (var r in rows.Where(r => r.InRegion))
        {
            Assert.Equal(GetisOrdGiStar.ClassOf(r.Z, r.P), raw.Class[r.Cell]);
            Assert.Equal(GetisOrdGiStar.ClassOf(r.Z, r.PBh), fdr.Class[r.Cell]);
        }

        Assert.Contains(raw.Class, c => c == 3);
        Assert.All(rows.Where(r => !r.InRegion), r => Assert.Equal(0, raw.Class[r.Cell]));
    }

    [Theory]
    [InlineData(3.0, 0.009, 3)]
    [InlineData(2.0, 0.01, 2)]
    [InlineData(-2.0, 0.049, -2)]
    [InlineData(1.7, 0.05, 1)]
    [InlineData(-1.7, 0.0999, -1)]
    [InlineData(1.0, 0.10, 0)]
    [InlineData(double.NaN, 0.001, 0)]
    public void Class_levels_are_strict_at_ten_five_and_one_percent(double z, double p, int expected) =>
        Assert.Equal(expected, GetisOrdGiStar.ClassOf(z, p));

    [Fact]
    public void Permutation_pseudo_p_values_are_deterministic_for_a_seed_and_track_the_analytic_ones()
    {
        var (weights, values, rows) = Load("localg_queen.csv");
        var options = new GiStarOptions { Permutations = 999, Seed = 42 };
        var a = GetisOrdGiStar.Compute(weights, values, options);
        var b = GetisOrdGiStar.Compute(weights, values, options);
        var c = GetisOrdGiStar.Compute(weights, values, options with { Seed = 43 });

        Assert.Equal(a.PermutationP, b.PermutationP);
        Assert.NotEqual(a.PermutationP, c.PermutationP);
        int hottest = rows.Where(r => r.InRegion).MaxBy(r => r.Z)!.Cell;
        Assert.True(a.PermutationP![hottest] < 0.05, $"hottest cell pseudo p {a.PermutationP[hottest]}");
        Assert.All(rows.Where(r => r.InRegion), r => Assert.InRange(a.PermutationP[r.Cell], 0.002, 1.0));
        Assert.All(rows.Where(r => !r.InRegion), r => Assert.True(double.IsNaN(a.PermutationP[r.Cell])));
    }

    [Fact]
    public void A_constant_grid_has_undefined_z_and_no_hotspots()
    {
        var grid = TinyGrids.Grid(4, 4);
        var result = GetisOrdGiStar.Compute(SpatialWeights.Queen(grid), Enumerable.Repeat(5.0, 16).ToArray());
        Assert.All(result.Z, z => Assert.True(double.IsNaN(z)));
        Assert.All(result.Class, c => Assert.Equal(0, c));
    }
}
