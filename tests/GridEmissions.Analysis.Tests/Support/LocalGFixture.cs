using System.Globalization;

namespace GridEmissions.Analysis.Tests;

/// <summary>One row of a spdep localG fixture CSV (see Fixtures/README.md).</summary>
internal sealed record LocalGRow(int Cell, int Row, int Col, bool InRegion, double Value, int Weights, double Z, double P, double PBh)
{
    public static IReadOnlyList<LocalGRow> Read(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);
        return File.ReadLines(path).Skip(1).Select(line =>
        {
            var f = line.Split(',');
            return new LocalGRow(Int(f[0]), Int(f[1]), Int(f[2]), f[3] == "1", Num(f[4]), Int(f[5]), Num(f[6]), Num(f[7]), Num(f[8]));
        }).ToArray();
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static double Num(string s) => s == "NA" ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
}
