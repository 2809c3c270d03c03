using GridEmissions.Pipeline;
using GridEmissions.Core.Facilities;
using GridEmissions.Core.Scenarios;
using GridEmissions.Core.Tabular;

namespace GridEmissions.Cli.Tests.Commands;

/// <summary>
/// Fuzz-style robustness: thousands of seeded mutations of the shipped scenario YAML and of
/// facility CSV rows. Every case must either be accepted or end in a clean user error
/// (ScenarioProblem / ScenarioException / InputError) — never any other exception.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Junk = ["", "-1", "1e309", "NaN", "abc", "{", "}", "[", "]", ":", "- ", "\"", "'", "#", "0", "99999", "null", "~", "&a", "*a", "!!int x", "\t", "中文", "2024", "-2060", "1.5.3", ",", "&"];

    [Fact]
    public void Mutated_scenarios_give_problems_or_parse_never_crash()
    {
        string original = File.ReadAllText(RepoPaths.Under("scenarios", "henan-neutrality.yaml"));
        string folder = Path.Combine(Path.GetTempPath(), "gridem-fuzz-" + Guid.NewGuid().ToString("N"), "scenarios");
        Directory.CreateDirectory(folder);
        var random = new Random(20241122);
        int problems = 0, accepted = 0;
        try
        {
            for (int i = 0; i < 2000; i++)
            {
                string mutated = Mutate(original, random);
                string path = Path.Combine(folder, "fuzz.yaml");
                File.WriteAllText(path, mutated);
                IReadOnlyList<ScenarioProblem> found;
                try
                {
                    found = ScenarioReader.Validate(path);
                }
                catch (Exception e)
                {
                    Assert.Fail($"case {i}: {e.GetType().Name}: {e.Message}\n--- mutated scenario ---\n{mutated}");
                    throw;
                }

                Assert.All(found, p => Assert.False(string.IsNullOrWhiteSpace(p.Message) || string.IsNullOrWhiteSpace(p.Fix), $"case {i}: a problem without message or fix"));
                if (found.Count > 0)
                {
                    problems++;
                }
                else
                {
                    accepted++;
                }
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, true);
        }

        Assert.True(problems > 500, $"only {problems} of 2000 mutations were reported as problems ({accepted} accepted)");
    }

    [Fact]
    public void Mutated_facility_rows_give_line_numbered_problems_never_crash()
    {
        string[] lines = File.ReadAllLines(RepoPaths.Under("sources", "gem_coal_units.csv"));
        var random = new Random(7);
        for (int i = 0; i < 3000; i++)
        {
            string[] copy = (string[])lines.Clone();
            int row = 1 + random.Next(Math.Min(200, copy.Length - 1));
            string[] fields = copy[row].Split(',');
            fields[random.Next(fields.Length)] = Junk[random.Next(Junk.Length)];
            copy[row] = string.Join(",", fields);
            string text = string.Join("\n", copy.Take(201));
            CsvTable table = CsvTable.Parse(new StringReader(text), "coal.csv");
            FacilityList list = GemCoalReader.Read(table, ["Henan", "Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Xinjiang", "Beijing"]);
            Assert.All(list.Problems, p => Assert.True(p.Line >= 1 && p.File == "coal.csv", $"case {i}: problem without a line: {p}"));
        }
    }

    [Fact]
    public void Mutated_scenarios_that_parse_run_through_preparation_or_fail_cleanly()
    {
        string root = Path.Combine(Path.GetTempPath(), "gridem-fuzz-prep-" + Guid.NewGuid().ToString("N"));
        string scenarios = Path.Combine(root, "scenarios");
        Directory.CreateDirectory(scenarios);
        foreach (string dir in new[] { "boundaries", "sources", "proxies" })
        {
            Directory.CreateSymbolicLink(Path.Combine(root, dir), RepoPaths.Under(dir));
        }

        string original = File.ReadAllText(RepoPaths.Under("scenarios", "henan-neutrality.yaml"));
        var random = new Random(99);
        int prepared = 0;
        try
        {
            for (int i = 0; i < 40; i++)
            {
                string path = Path.Combine(scenarios, $"case{i}.yaml");
                File.WriteAllText(path, MutateNumber(original, random));
                try
                {
                    ScenarioRun.Prepare(path);
                    prepared++;
                }
                catch (ScenarioException)
                {
                }
                catch (InputError)
                {
                }
            }
        }
        finally
        {
            Directory.Delete(root, true);
        }

        Assert.True(prepared > 0, "no mutated scenario prepared at all");
    }

    private static string Mutate(string text, Random random)
    {
        string[] lines = text.Split('\n');
        int n = 1 + random.Next(3);
        for (int k = 0; k < n; k++)
        {
            int i = random.Next(lines.Length);
            switch (random.Next(6))
            {
                case 0:
                    lines[i] = string.Empty; // delete a line
                    break;
                case 1:
                    lines[i] = lines[i].Length > 2 ? lines[i].Remove(random.Next(lines[i].Length), 1) : lines[i];
                    break;
                case 2:
                    lines[i] += Junk[random.Next(Junk.Length)];
                    break;
                case 3:
                    (lines[i], lines[random.Next(lines.Length)]) = (lines[random.Next(lines.Length)], lines[i]);
                    break;
                case 4:
                    lines[i] = System.Text.RegularExpressions.Regex.Replace(lines[i], "[0-9]+(\\.[0-9]+)?", Junk[random.Next(Junk.Length)]);
                    break;
                default:
                    lines[i] = " " + lines[i]; // break indentation
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    private static string MutateNumber(string text, Random random)
    {
        var matches = System.Text.RegularExpressions.Regex.Matches(text, "(?<=: |\\{value: |value: )-?[0-9]+(\\.[0-9]+)?");
        var m = matches[random.Next(matches.Count)];
        double factor = new[] { 0.0, 0.5, 2.0, 10.0, -1.0, 1.01 }[random.Next(6)];
        double v = double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) * factor;
        return text[..m.Index] + v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + text[(m.Index + m.Length)..];
    }
}
