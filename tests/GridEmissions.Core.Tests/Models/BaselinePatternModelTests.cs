using GridEmissions.Core.Models;
using GridEmissions.Core.Models.Points;

namespace GridEmissions.Core.Tests.Models;

public sealed class BaselinePatternModelTests
{
    private sealed class ScriptedModel(params double[][] years) : ISourceModel
    {
        private int call;

        public string SectorId => "buildings";

        public SectorYear Evolve(int year, double targetTonnes) => new(years[call++], 0, 0, Array.Empty<FacilityYearRecord>(), []);
    }

    // Writes its scripted weights into the lent buffer, as the area, line and point models do.
    private sealed class LendingModel(params double[][] years) : ISourceModel
    {
        private int call;

        public string SectorId => "buildings";

        public SectorYear Evolve(int year, double targetTonnes) => Evolve(year, targetTonnes, new double[years[0].Length]);

        public SectorYear Evolve(int year, double targetTonnes, double[] weights)
        {
            years[call++].CopyTo(weights, 0);
            return new(weights, 0, 0, Array.Empty<FacilityYearRecord>(), []);
        }
    }

    [Fact]
    public void An_inner_model_writing_into_the_same_lent_buffer_gives_the_same_bits_as_one_with_its_own_array()
    {
        double[] baseline = [5, 2, 3, 0, 1e-7];
        double[][] years = [[1, 0, 2, 0, 3], [2, 0, 1, 4, 0.1], [0.3, 7, 0, 4, 2]];
        var own = new BaselinePatternModel(new ScriptedModel([.. years.Select(y => (double[])y.Clone())]), baseline);
        var lending = new BaselinePatternModel(new LendingModel([.. years.Select(y => (double[])y.Clone())]), baseline);
        var buffer = new double[baseline.Length];
        for (int year = 2024; year < 2027; year++)
        {
            double[] expected = own.Evolve(year, 10, new double[baseline.Length]).Weights;
            SectorYear got = lending.Evolve(year, 10, buffer);
            Assert.Same(buffer, got.Weights);
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), buffer.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void The_base_year_weights_are_the_users_grid_itself()
    {
        double[] baseline = [5, 0, 3, 0];
        var model = new BaselinePatternModel(new ScriptedModel([1, 1, 1, 0]), baseline);
        Assert.Equal(baseline, model.Evolve(2024, 8).Weights);
    }

    [Fact]
    public void Later_years_carry_the_users_grid_with_the_models_change_per_cell()
    {
        double[] baseline = [5, 2, 3, 0];
        var model = new BaselinePatternModel(new ScriptedModel([1, 0, 2, 0], [2, 0, 1, 4]), baseline);
        model.Evolve(2024, 10);
        double[] w = model.Evolve(2025, 10).Weights;
        Assert.Equal(10, w[0], 12);               // 5 × 2/1
        Assert.Equal(2 * (7.0 / 3.0), w[1], 12);  // no model weight: sector-wide change (7/3)
        Assert.Equal(1.5, w[2], 12);              // 3 × 1/2
        Assert.Equal(4 * (10.0 / 3.0), w[3], 12); // new cell: model weight on the user's scale (10/3)
    }
}
