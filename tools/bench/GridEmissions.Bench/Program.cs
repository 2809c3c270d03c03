using GridEmissions.Bench;
using GridEmissions.Bench.Harness;
using GridEmissions.Bench.Modes;

// GridEmissions benchmarks. Modes:
//   scenarios        every shipped scenario end to end (ScenarioRun.Execute), one process per run, then `gridem run`
//   core             ProjectionRunner alone (discarding sink) for Henan and the YRD
//   national         mainland China, --cell-km K (default 1), --years N (default 37), --keep DIR to keep the GeoTIFFs
//   national-sweep   national in fresh processes: --sweep years|cells|all (5/10/37 years; 4/2/1 km)
//   national-steps   time per step of the yearly loop at national scale (--cell-km, --years; default 1 km, 3 years)
//   report           report.html size and open time in headless Chromium (--repeat N)
//   zonal            exact zonal sums vs exactextractr/terra and Gi* vs spdep, YRD 10 km/1 km/250 m (`--repeat R`, run folder)
//   zonal-profile    GridEmissions' side of `zonal` alone: build and sums timed apart, no R (`--repeat R`)
//   bandwidth        memory bandwidth (read, write, copy; 1 thread and all cores), the floor under full-grid passes
//   machine          the machine, for the report
BenchOptions options = BenchOptions.Parse(args);
switch (options.Mode)
{
    case "scenarios":
        ScenariosMode.Run(options);
        break;
    case "core":
        CoreMode.Run(options);
        break;
    case "national":
        NationalMode.Run(options);
        break;
    case "national-steps":
        StepsMode.Run(options);
        break;
    case "national-sweep":
        NationalMode.Sweep(options);
        break;
    case "report":
        ReportMode.Run(options);
        break;
    case "zonal":
        ZonalMode.Run(options);
        break;
    case "zonal-profile":
        ZonalProfileMode.Run(options);
        break;
    case "bandwidth":
        BandwidthMode.Run(options);
        break;
    case "machine":
        foreach (string line in MachineInfo.Describe())
        {
            Console.WriteLine("- " + line);
        }

        break;
    case "child-scenario":
        ScenariosMode.Child(options.Positional[0]);
        break;
    case "child-core":
        CoreMode.Child(options.Positional[0]);
        break;
    default:
        Console.Error.WriteLine($"unknown mode '{options.Mode}': use scenarios, core, national, national-sweep, national-steps, report, zonal, zonal-profile, bandwidth or machine");
        return 1;
}

return 0;
