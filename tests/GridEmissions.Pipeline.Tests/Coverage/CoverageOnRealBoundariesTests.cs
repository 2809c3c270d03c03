using System.Diagnostics;
using GridEmissions.Analysis;

namespace GridEmissions.Pipeline.Tests.Coverage;

/// <summary>The fast coverage builder against the whole-ring clipping it replaced, on the shipped city boundaries.</summary>
public sealed class CoverageOnRealBoundariesTests
{
    [Theory]
    [InlineData("Henan", 10_000)]
    [InlineData("YRD", 10_000)]
    [InlineData("YRD", 1_000)]
    public void Entries_are_bit_identical_to_whole_ring_clipping(string region, double cellSize)
    {
        var geography = RegionGeography.Load(RepoPaths.Under("boundaries", "cities.geojson"), region, cellSize, 2);
        var polygons = geography.Coverage.Cities;

        var watch = Stopwatch.StartNew();
        var fast = CityCoverage.Build(geography.Grid, polygons);
        double fastMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var legacy = LegacyCoverage.Entries(geography.Grid, polygons);
        double legacyMs = watch.Elapsed.TotalMilliseconds;

        Assert.Equal(legacy.Count, fast.Entries.Length);
        int worst = -1;
        double worstDiff = 0;
        for (int i = 0; i < legacy.Count; i++)
        {
            var (a, b) = (legacy[i], fast.Entries[i]);
            Assert.True(a.CellIndex == b.CellIndex && a.CityIndex == b.CityIndex, $"entry {i}: legacy ({a.CellIndex}, {a.CityIndex}), fast ({b.CellIndex}, {b.CityIndex})");
            double d = Math.Abs(a.Fraction - b.Fraction);
            if (d > worstDiff || (d == worstDiff && BitConverter.DoubleToInt64Bits(a.Fraction) != BitConverter.DoubleToInt64Bits(b.Fraction) && worst < 0))
            {
                (worst, worstDiff) = (i, d);
            }
        }

        Assert.True(worst < 0, $"entry {worst} differs: legacy {legacy[Math.Max(worst, 0)].Fraction:R}, fast {fast.Entries[Math.Max(worst, 0)].Fraction:R} (|Δ| = {worstDiff:E2})");
        Console.WriteLine($"{region} {cellSize / 1000} km: {legacy.Count} entries identical; fast {fastMs:F0} ms, whole-ring {legacyMs:F0} ms");
    }

    [Theory]
    [InlineData("Henan")]
    [InlineData("YRD")]
    public void Every_shipped_city_is_proved_valid_by_the_fast_check(string region)
    {
        var geography = RegionGeography.Load(RepoPaths.Under("boundaries", "cities.geojson"), region, 10_000, 2);
        var unproved = geography.Coverage.Cities.Where(c => !PolygonValidity.IsCertainlyValid(c.Geometry)).Select(c => c.Key).ToList();
        Assert.True(unproved.Count == 0, $"{region}: IsValidOp has to decide {string.Join(", ", unproved)}");
    }
}
