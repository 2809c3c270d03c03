using System.Diagnostics;

namespace GridEmissions.Cli.Tests.Commands;

/// <summary>
/// Table-driven: each bad input fed to `gridem run` gives a clear error naming the file and a fix,
/// exits 1, and leaves no output folder (nor any partial folder) behind.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private static readonly System.Text.RegularExpressions.Regex StackFrame = new(@"^\s+at \S+\(", System.Text.RegularExpressions.RegexOptions.Multiline);

    private readonly string work = Path.Combine(Path.GetTempPath(), "gridem-bad-" + Guid.NewGuid().ToString("N"));

    public BadInputTests()
    {
        Directory.CreateDirectory(work);
        foreach (string dir in new[] { "boundaries", "sources", "proxies", "scenarios" })
        {
            CopyDirectory(RepoPaths.Under(dir), Path.Combine(work, dir));
        }
    }

    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "missing scenario file", "none", ["does-not-exist.yaml"] },
        { "typo in a key", "typo", ["did you mean", "henan-neutrality.yaml:"] },
        { "negative baseline", "negative", ["negative", "henan-neutrality.yaml:"] },
        { "missing input file", "missing-input", ["gem_coal_units.csv"] },
        { "facility without coordinates", "facility-coords", ["gem_coal_units.csv:", "coordinates"] },
        { "facility with unknown status", "facility-status", ["gem_coal_units.csv:", "status"] },
        { "facility with negative capacity", "facility-capacity", ["gem_coal_units.csv:", "capacity"] },
        { "corrupt boundaries", "corrupt-boundaries", ["cities.geojson"] },
        { "boundaries without the region", "no-region", ["region"] },
        { "output folder exists", "out-exists", ["already exists", "--force"] },
        { "baseline raster in another CRS", "baseline-crs", ["buildings.tif", "WGS 84", "gdalwarp"] },
        { "baseline raster with negative emissions", "baseline-negative", ["buildings.tif", "non-negative", "column"] },
        { "baseline raster with other cell size", "baseline-cellsize", ["buildings.tif", "5000", "cell_size_m"] },
        { "invalid YAML", "bad-yaml", ["henan-neutrality.yaml"] },
        { "self-intersecting city polygon", "bowtie", ["cities.geojson", "invalid polygon", "makevalid"] },
        { "city cap for a city outside the region", "cap-adcode", ["city_caps names adcode 320100", "410100"] },
        { "corrupt baseline raster", "baseline-corrupt", ["buildings.tif", "cannot be read"] },
        { "baseline raster not covering the grid", "baseline-extent", ["buildings.tif", "covers", "gdalwarp -te"] },
        { "boundaries in projected metres", "boundaries-projected", ["cities.geojson"] },
        { "boundaries far from the inputs", "boundaries-elsewhere", ["worldpop_2020_5arcmin.tif", "does not cover region"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_input_gives_a_clear_error_exit_code_1_and_no_partial_outputs(string what, string mutation, string[] expected)
    {
        string scenario = Path.Combine(work, "scenarios", "henan-neutrality.yaml");
        string output = Path.Combine(work, "out", "run");
        Mutate(mutation, ref scenario, output);
        var (code, stderr, stdout) = Gridem("run", scenario, "--out", output);
        Assert.True(code == 1, $"{what}: expected exit code 1, got {code}; stderr: {stderr}");
        Assert.DoesNotMatch(StackFrame, stderr);
        Assert.DoesNotMatch(StackFrame, stdout);
        if (mutation != "out-exists")
        {
            // An input problem: validate must give the same verdict, without a stack trace either.
            var (validateCode, validateErr, validateOut) = Gridem("validate", scenario);
            Assert.True(validateCode == code, $"{what}: validate exits {validateCode} but run exits {code}; validate stderr: {validateErr}");
            Assert.DoesNotMatch(StackFrame, validateErr);
            Assert.DoesNotMatch(StackFrame, validateOut);
        }
        foreach (string e in expected)
        {
            Assert.Contains(e, stderr, StringComparison.OrdinalIgnoreCase);
        }

        string outDir = Path.Combine(work, "out");
        var leftovers = Directory.Exists(outDir) ? Directory.GetFileSystemEntries(outDir).Where(p => mutation != "out-exists" || p != output).ToArray() : [];
        Assert.True(leftovers.Length == 0, $"{what}: partial outputs left: {string.Join(", ", leftovers)}");
        if (mutation == "out-exists")
        {
            Assert.Equal(["keep.txt"], Directory.GetFiles(output).Select(Path.GetFileName));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, true);
        }
    }

    private void Mutate(string mutation, ref string scenario, string output)
    {
        string text = File.ReadAllText(scenario);
        string coal = Path.Combine(work, "sources", "gem_coal_units.csv");
        switch (mutation)
        {
            case "none":
                scenario = Path.Combine(work, "scenarios", "does-not-exist.yaml");
                break;
            case "typo":
                File.WriteAllText(scenario, text.Replace("\nyears:", "\nyaers:", StringComparison.Ordinal));
                break;
            case "negative":
                File.WriteAllText(scenario, text.Replace("baseline_mt: {value: 284.16", "baseline_mt: {value: -284.16", StringComparison.Ordinal));
                break;
            case "missing-input":
                File.Delete(coal);
                break;
            case "facility-coords":
            case "facility-status":
            case "facility-capacity":
                string[] lines = File.ReadAllLines(coal);
                int row = Array.FindIndex(lines, l => l.Contains(",Henan,", StringComparison.Ordinal) && l.Contains(",operating,", StringComparison.Ordinal));
                lines[row] = mutation switch
                {
                    "facility-coords" => ReplaceField(lines[row], 25, string.Empty),
                    "facility-status" => ReplaceField(lines[row], 11, "operatin"),
                    _ => ReplaceField(lines[row], 10, "-600"),
                };
                File.WriteAllLines(coal, lines);
                break;
            case "corrupt-boundaries":
                File.WriteAllText(Path.Combine(work, "boundaries", "cities.geojson"), "{ this is not json");
                break;
            case "no-region":
                File.WriteAllText(scenario, text.Replace("\nregion: Henan", "\nregion: Hunan", StringComparison.Ordinal));
                break;
            case "baseline-crs":
            case "baseline-negative":
            case "baseline-cellsize":
                string folder = Path.Combine(work, "baseline");
                Directory.CreateDirectory(folder);
                string albers = "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs";
                string[] create = mutation switch
                {
                    "baseline-crs" => ["-outsize", "70", "55", "-burn", "5", "-a_srs", "EPSG:4326", "-a_ullr", "110", "36.5", "117", "31"],
                    "baseline-negative" => ["-outsize", "110", "110", "-burn", "-5", "-a_srs", albers, "-a_ullr", "300000", "4200000", "1400000", "3100000"],
                    _ => ["-outsize", "220", "220", "-burn", "5", "-a_srs", albers, "-a_ullr", "300000", "4200000", "1400000", "3100000"],
                };
                Run("gdal_create", [.. create, "-ot", "Float64", Path.Combine(folder, "buildings.tif")]);
                File.WriteAllText(scenario, text.Replace("\ninputs:\n", "\ninputs:\n  baseline: ../baseline\n", StringComparison.Ordinal));
                break;
            case "baseline-corrupt":
                Directory.CreateDirectory(Path.Combine(work, "baseline"));
                File.WriteAllBytes(Path.Combine(work, "baseline", "buildings.tif"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]);
                File.WriteAllText(scenario, text.Replace("\ninputs:\n", "\ninputs:\n  baseline: ../baseline\n", StringComparison.Ordinal));
                break;
            case "baseline-extent":
                Directory.CreateDirectory(Path.Combine(work, "baseline"));
                Run("gdal_create", ["-outsize", "20", "20", "-burn", "5", "-a_srs", "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs",
                    "-a_ullr", "700000", "3800000", "900000", "3600000", "-ot", "Float64", Path.Combine(work, "baseline", "buildings.tif")]);
                File.WriteAllText(scenario, text.Replace("\ninputs:\n", "\ninputs:\n  baseline: ../baseline\n", StringComparison.Ordinal));
                break;
            case "boundaries-projected":
            case "boundaries-elsewhere":
                string cities = Path.Combine(work, "boundaries", "cities.geojson");
                string moved = mutation == "boundaries-projected"
                    ? System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(cities), "\\[ (1[0-9]{2})\\.([0-9]+), ", m => "[ " + m.Groups[1].Value + "0000." + m.Groups[2].Value + ", ")
                    : System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(cities), "\\[ (1[0-9]{2})\\.", m => "[ " + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 30).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
                File.WriteAllText(cities, moved);
                break;
            case "bowtie":
                string path = Path.Combine(work, "boundaries", "cities.geojson");
                var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
                var henan = doc["features"]!.AsArray().First(f => (string?)f!["properties"]!["region"] == "Henan")!;
                henan["geometry"] = System.Text.Json.Nodes.JsonNode.Parse(
                    "{\"type\":\"Polygon\",\"coordinates\":[[[113.0,34.0],[114.0,35.0],[114.0,34.0],[113.0,35.0],[113.0,34.0]]]}");
                File.WriteAllText(path, doc.ToJsonString());
                break;
            case "cap-adcode":
                File.WriteAllText(scenario, text + "\ncity_caps:\n  - {adcode: \"320100\", sector: power, cap_mt: [{year: 2030, value: 5, basis: assumption, note: \"test\"}]}\n");
                break;
            case "bad-yaml":
                File.WriteAllText(scenario, text.Replace("\nyears: {start: 2024, end: 2060}", "\nyears: {start: 2024, end: 2060", StringComparison.Ordinal));
                break;
            case "out-exists":
                Directory.CreateDirectory(output);
                File.WriteAllText(Path.Combine(output, "keep.txt"), "user file");
                break;
        }
    }

    private static string ReplaceField(string csvLine, int index, string value)
    {
        // GEM rows quote fields with commas; split respecting quotes.
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in csvLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        fields[index] = value;
        return string.Join(",", fields);
    }

    private static void Run(string tool, string[] args)
    {
        var psi = new ProcessStartInfo(tool, args) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {err}");
    }

    private static (int Code, string Stderr, string Stdout) Gridem(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "gridem.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err, stdout.GetAwaiter().GetResult());
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }
}
