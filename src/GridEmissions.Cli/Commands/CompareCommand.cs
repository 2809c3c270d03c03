using System.CommandLine;
using GridEmissions.Pipeline.Comparison;

namespace GridEmissions.Cli.Commands;

/// <summary>`gridem compare RUN_A RUN_B [--out DIR]`.</summary>
public static class CompareCommand
{
    /// <summary>The command.</summary>
    public static Command Build()
    {
        var runA = new Argument<string>("run-a") { Description = "Output folder of the base run (A)." };
        var runB = new Argument<string>("run-b") { Description = "Output folder of the run compared with it (B); every difference is B − A." };
        var output = new Option<string?>("--out") { Description = "Output folder (must not exist unless --force; default: compare-<A>-vs-<B> beside RUN_B)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing output folder once the comparison is complete." };
        var cmd = new Command("compare", "Difference of two finished runs on the same grid (B − A): difference GeoTIFFs and NetCDF per year and sector, city table (A, B, difference, %), change of the Gi* hot spots, difference maps on a diverging scale, summary.md.\nExample: gridem compare out/henan-reference out/henan-neutrality --out out/compare-henan")
        {
            runA, runB, output, force,
        };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            ConsoleReporter reporter = GlobalOptions.Reporter(p);
            string a = p.GetValue(runA)!, b = p.GetValue(runB)!;
            string target = p.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(b).TrimEnd('/'))!, $"compare-{Name(a)}-vs-{Name(b)}");
            ComparisonResult result = reporter.Run("compare", () => RunComparison.Execute(a, b, target, p.GetValue(force), reporter.Info));
            Console.WriteLine(FormattableString.Invariant($"compared {result.SumChecks.Select(s => s.Year).Distinct().Count()} years; difference grids sum to the runs' differences (max relative error {result.MaxRelativeError:E2}); outputs in {Path.GetFullPath(target)}"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static string Name(string dir) => Path.GetFileName(Path.GetFullPath(dir).TrimEnd('/'));
}
