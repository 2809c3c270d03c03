using System.CommandLine;
using GridEmissions.Pipeline;
using GridEmissions.Pipeline.Ensembles;

namespace GridEmissions.Cli.Commands;

/// <summary>`gridem ensemble SCENARIO --members N [--slurm]`, `gridem ensemble member DIR --index I`, `gridem ensemble merge DIR`.</summary>
public static class EnsembleCommand
{
    /// <summary>The command with its sub-commands.</summary>
    public static Command Build()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario YAML file with an `uncertainty:` block." };
        var members = new Option<int>("--members") { Description = "Number of members (member i draws its parameters with seed + i).", Required = true };
        var output = new Option<string?>("--out") { Description = "Ensemble folder (must not exist unless --force; default out/ensemble-<scenario>)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing ensemble folder." };
        var slurm = new Option<bool>("--slurm") { Description = "Do not run here: write slurm/ensemble.sbatch (a job array, one member per task) for `sbatch`, then run `gridem ensemble merge DIR`." };
        var mem = new Option<int>("--slurm-mem") { Description = "Memory per array task, MiB.", DefaultValueFactory = _ => new SlurmResources().MemoryMiB };
        var time = new Option<string>("--slurm-time") { Description = "Wall-time limit per array task (HH:MM:SS).", DefaultValueFactory = _ => new SlurmResources().TimeLimit };
        var partition = new Option<string?>("--slurm-partition") { Description = "Slurm partition (default: the cluster's)." };
        var account = new Option<string?>("--slurm-account") { Description = "Slurm account to charge." };
        var cmd = new Command("ensemble", "Uncertainty ensemble: N members of a scenario with its `uncertainty:` parameters drawn, each conserved and audited; per cell, city and year P10/P50/P90 and mean (NetCDF with a quantile dimension, tidy CSV), hot-spot probability, city rank probability, maps, members' parameter table.\nExample: gridem ensemble scenarios/henan-neutrality.yaml --members 50 --out out/ensemble-henan")
        {
            scenario, members, output, force, slurm, mem, time, partition, account,
        };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            ConsoleReporter reporter = GlobalOptions.Reporter(p);
            string path = p.GetValue(scenario)!;
            string target = p.GetValue(output) ?? Path.Combine("out", "ensemble-" + Path.GetFileNameWithoutExtension(path));
            int n = p.GetValue(members);
            if (p.GetValue(slurm))
            {
                string script = EnsembleRun.Slurm(path, n, target, p.GetValue(force), new SlurmResources(p.GetValue(mem), p.GetValue(time)!, p.GetValue(partition), p.GetValue(account)));
                Console.WriteLine($"job array written: {script}\nsubmit it with `sbatch {script}`; when every task has finished: gridem ensemble merge {Path.GetFullPath(target)}");
                return ExitCodes.Ok;
            }

            EnsembleSummary summary = reporter.Run("ensemble", () => EnsembleRun.Local(path, n, target, p.GetValue(force), reporter.Info));
            Console.WriteLine(FormattableString.Invariant($"{summary.Members} members conserved (max relative error {summary.MaxRelativeError:E2}); statistics in {Path.GetFullPath(Path.Combine(target, "statistics"))}"));
            return ExitCodes.Ok;
        }));
        cmd.Subcommands.Add(Member());
        cmd.Subcommands.Add(Merge());
        return cmd;
    }

    private static Command Member()
    {
        var dir = new Argument<string>("ensemble-dir") { Description = "Ensemble folder set up by `gridem ensemble … --slurm`." };
        var index = new Option<int>("--index") { Description = "Member number, 1..N (in a job array: $SLURM_ARRAY_TASK_ID).", Required = true };
        var cmd = new Command("member", "Run one member of an ensemble into DIR/members/member-NNN/ (what each Slurm array task runs).\nExample: gridem ensemble member out/ensemble-henan --index 7") { dir, index };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            EnsembleFolder folder = EnsembleFolder.Open(p.GetValue(dir)!);
            int i = p.GetValue(index);
            var result = EnsembleMember.Run(folder, i);
            Console.WriteLine(FormattableString.Invariant($"member {i}: {result.Audit.Count} allocations conserved; written to {folder.MemberDir(i)}"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Merge()
    {
        var dir = new Argument<string>("ensemble-dir") { Description = "Ensemble folder whose members have all finished." };
        var cmd = new Command("merge", "Combine the finished members of an ensemble into DIR/statistics/ (missing members are an error naming them).\nExample: gridem ensemble merge out/ensemble-henan") { dir };
        cmd.SetAction(p => Guarded.Run(p, () =>
        {
            ConsoleReporter reporter = GlobalOptions.Reporter(p);
            EnsembleFolder folder = EnsembleFolder.Open(p.GetValue(dir)!);
            EnsembleSummary summary = reporter.Run("merge", () => EnsembleMerge.Merge(folder, reporter.Info));
            Console.WriteLine(FormattableString.Invariant($"{summary.Members} members merged (max audit relative error {summary.MaxRelativeError:E2}); statistics in {Path.Combine(folder.Root, "statistics")}"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
