using System.CommandLine;
using System.Globalization;
using GridEmissions.Pipeline;
using GridEmissions.Core.Tabular;
using Spectre.Console;

namespace GridEmissions.Cli.Commands;

/// <summary>`gridem demo`: the default case end to end (baselines, Henan and YRD neutrality runs) and a summary table.</summary>
public static class DemoCommand
{
    /// <summary>The command.</summary>
    public static Command Build()
    {
        var output = new Option<string>("--out") { Description = "Folder for the demo's outputs (baseline/, henan-neutrality/, yrd-neutrality/).", DefaultValueFactory = _ => "out" };
        var force = new Option<bool>("--force") { Description = "Replace earlier demo outputs in that folder." };
        var cmd = new Command("demo", "Run the default case end to end: 2024 baselines of Henan and the YRD, then both neutrality scenarios (grids, NetCDF, analysis, maps), and print a summary.\nExample: gridem demo --out out --force")
        {
            output, force,
        };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            ConsoleReporter reporter = GlobalOptions.Reporter(p);
            string scenarios = FindScenarios();
            string root = p.GetValue(output)!;
            bool replace = p.GetValue(force);
            string[] names = ["henan-neutrality", "yrd-neutrality"];
            reporter.Run("baselines", () => BaselineBuild.Execute(names.Select(n => Path.Combine(scenarios, n + ".yaml")).ToList(), Path.Combine(root, "baseline"), replace));
            reporter.Info($"baselines written to {Path.Combine(root, "baseline")}");
            foreach (string name in names)
            {
                reporter.Run(name, () => ScenarioRun.Execute(Path.Combine(scenarios, name + ".yaml"), Path.Combine(root, name), replace, reporter.Info,
                    (r, o, x) => RunOutputs.Write(r, o, x, reporter.Info), reporter.Year, reporter.Warning));
            }

            PrintSummary(root, names);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static string FindScenarios()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "scenarios", "henan-neutrality.yaml");
                if (File.Exists(candidate))
                {
                    return Path.GetDirectoryName(candidate)!;
                }
            }
        }

        throw new InputError("scenarios/henan-neutrality.yaml", "the shipped scenarios were not found in this folder or above it.", "run `gridem demo` from the GridEmissions repository (or a folder that has its scenarios/).");
    }

    private static void PrintSummary(string root, IReadOnlyList<string> names)
    {
        var table = new Table().Title("GridEmissions demo").AddColumns("run", "files", "MiB", "2024 Mt", "2035 Mt", "2060 Mt", "top city 2024", "max audit error");
        var plain = new List<string> { "run,files,mib,total_2024_mt,total_2035_mt,total_2060_mt,top_city_2024,max_audit_relative_error" };
        foreach (string name in names)
        {
            string dir = Path.Combine(root, name);
            var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories);
            double mib = files.Sum(f => new FileInfo(f).Length) / 1048576.0;
            CsvTable targets = CsvTable.Load(Path.Combine(dir, "targets.csv"));
            string Total(string year) => targets.Rows.First(r => r[targets.ColumnIndex("year")] == year && r[targets.ColumnIndex("sector")] == "total")[targets.ColumnIndex("target_mt")];
            CsvTable audit = CsvTable.Load(Path.Combine(dir, "audit.csv"));
            double maxError = audit.Rows.Max(r => double.Parse(r[audit.ColumnIndex("relative_error")], CultureInfo.InvariantCulture));
            string top = TopCity(Path.Combine(dir, "analysis", "city_totals.csv"));
            string[] cells = [name, files.Length.ToString(CultureInfo.InvariantCulture), mib.ToString("0.0", CultureInfo.InvariantCulture),
                F(Total("2024")), F(Total("2035")), F(Total("2060")), top, maxError.ToString("E1", CultureInfo.InvariantCulture)];
            table.AddRow(cells.Select(Markup.Escape).ToArray());
            plain.Add(string.Join(",", cells));
        }

        if (Console.IsOutputRedirected)
        {
            plain.ForEach(Console.WriteLine);
        }
        else
        {
            AnsiConsole.Write(table);
        }

        Console.WriteLine($"Outputs in {Path.GetFullPath(root)} (maps in */maps, summaries in */summary.md).");
    }

    private static string F(string mt) => double.Parse(mt, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture);

    private static string TopCity(string cityTotals)
    {
        if (!File.Exists(cityTotals))
        {
            return "-";
        }

        CsvTable t = CsvTable.Load(cityTotals);
        CsvRow? top = t.Rows.FirstOrDefault(r => r[t.ColumnIndex("year")] == "2024" && r[t.ColumnIndex("sector")] == "total" && r[t.ColumnIndex("rank")] == "1");
        return top is null ? "-" : $"{top[t.ColumnIndex("name_zh")]} {top[t.ColumnIndex("name_en")]}";
    }
}
