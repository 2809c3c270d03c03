using System.Globalization;

namespace GridEmissions.Bench;

/// <summary>Command-line options shared by the modes (`--years N`, `--cell-km K`, `--repeat R`, `--sweep years|cells|all`, `--keep DIR`, `--checksum`, `--terra-min-km K`: `zonal` runs terra only on grids of K km cells or coarser; `--no-gi`: `zonal` skips the Gi* comparison).</summary>
public sealed record BenchOptions(string Mode, IReadOnlyList<string> Positional, int Years, double CellKm, int Repeat, string Sweep, string? Keep, bool Checksum)
{
    /// <summary>`zonal`: run terra only on grids whose cells are at least this many km (0: all).</summary>
    public double TerraMinCellKm { get; init; }

    /// <summary>`zonal --gi-only`: only the Gi* comparison.</summary>
    public bool GiOnly { get; init; }

    /// <summary>`zonal --no-gi`: only the zonal comparison (spdep's 1 km weights alone take minutes).</summary>
    public bool NoGi { get; init; }

    /// <summary>Parses the arguments after the mode.</summary>
    public static BenchOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            throw new ArgumentException("give a mode: scenarios, core, national, national-sweep or machine");
        }

        int years = args[0] == "national-steps" ? 3 : 37, repeat = 3;
        double cellKm = 1;
        string sweep = "all";
        string? keep = null;
        bool checksum = false;
        double terraMinKm = 0;
        bool giOnly = false, noGi = false;
        var positional = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--years": years = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--cell-km": cellKm = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--sweep": sweep = Next(); break;
                case "--keep": keep = Next(); break;
                case "--checksum": checksum = true; break;
                case "--gi-only": giOnly = true; break;
                case "--no-gi": noGi = true; break;
                case "--terra-min-km": terraMinKm = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: positional.Add(args[i]); break;
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(years, 37);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellKm);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        return new BenchOptions(args[0], positional, years, cellKm, repeat, sweep, keep, checksum) { TerraMinCellKm = terraMinKm, GiOnly = giOnly, NoGi = noGi };
    }
}
