
namespace GridEmissions.Analysis.Tests;

public sealed class BenjaminiHochbergTests
{
    [Fact]
    public void Adjusted_p_values_match_a_hand_computed_example()
    {
        // m = 5, sorted p = 0.005, 0.01, 0.03, 0.04, 0.2
        // m p / i        = 0.025, 0.025, 0.05, 0.05, 0.2  → running minimum from the top gives the same
        double[] p = [0.04, 0.005, 0.2, 0.03, 0.01];
        double[] expected = [0.05, 0.025, 0.2, 0.05, 0.025];
        var got = BenjaminiHochberg.Adjust(p);
        for (int i = 0; i < p.Length; i++)
        {
            Tolerance.Close(expected[i], got[i], 1e-15, $"adjusted p[{i}]");
        }
    }

    [Fact]
    public void The_running_minimum_pulls_down_earlier_ranks_and_NaN_is_left_out()
    {
        // sorted 0.01, 0.04, 0.045, 0.9 (m = 4): m p / i = 0.04, 0.08, 0.06, 0.9 → 0.04, 0.06, 0.06, 0.9
        double[] p = [0.9, 0.045, 0.01, 0.04, double.NaN];
        var got = BenjaminiHochberg.Adjust(p);
        Tolerance.Close(0.9, got[0], 1e-15, "p 0.9");
        Tolerance.Close(0.06, got[1], 1e-15, "p 0.045");
        Tolerance.Close(0.04, got[2], 1e-15, "p 0.01");
        Tolerance.Close(0.06, got[3], 1e-15, "p 0.04");
        Assert.True(double.IsNaN(got[4]));
        Assert.Equal([0.9, 0.9], BenjaminiHochberg.Adjust([0.8, 0.9])); // R: p.adjust(c(0.8, 0.9), "BH")
    }
}
