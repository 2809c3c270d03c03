using System.Globalization;
using System.Text.Json;
using GridEmissions.Core.Tabular;

namespace GridEmissions.Pipeline.Tests.Export;

/// <summary>Every CSV the shipped Henan run and its lon/lat export write matches docs/csv-schema.md, and pandas reads each with the declared dtypes.</summary>
[Collection(HenanRunCollection.Name)]
public sealed class CsvSchemaTests(HenanRunFixture run)
{
    private static readonly string[] Identifying = ["region", "scenario", "year", "sector"];

    /// <summary>File name → (column, type) in order, from the markdown tables of docs/csv-schema.md.</summary>
    private static Dictionary<string, List<(string Column, string Type)>> Schema()
    {
        var schema = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        List<(string, string)>? current = null;
        foreach (string line in File.ReadAllLines(RepoPaths.Under("docs", "csv-schema.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                string file = line[3..].Split(' ')[0];
                current = [];
                schema[Path.GetFileName(file)] = current;
            }
            else if (current is not null && line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| column", StringComparison.Ordinal))
            {
                string[] cells = line.Split('|');
                current.Add((cells[1].Trim(), cells[2].Trim()));
            }
        }

        return schema;
    }

    private List<string> Tables()
    {
        string export = Path.Combine(run.Output, LonLatExport.FolderName(0.1));
        if (!Directory.Exists(export))
        {
            LonLatExport.Execute(run.Output, Path.Combine(run.RepoRoot, "scenarios", "henan-neutrality.yaml"), 0.1, null, null);
        }

        return [.. Directory.GetFiles(run.Output, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Every_table_has_exactly_the_documented_columns_with_the_identifying_ones_first_and_values_of_their_type()
    {
        var schema = Schema();
        Assert.True(schema.Count >= 11, "docs/csv-schema.md documents " + schema.Count + " tables");
        var tables = Tables();
        Assert.Contains(tables, t => t.EndsWith("conservation.csv", StringComparison.Ordinal));
        foreach (string path in tables)
        {
            string name = Path.GetFileName(path);
            Assert.True(schema.TryGetValue(name, out var columns), $"{path} is not documented in docs/csv-schema.md");
            CsvTable table = CsvTable.Load(path);
            Assert.Equal(columns!.Select(c => c.Column), table.Header);
            Assert.Equal(Identifying, table.Header.Take(4));
            Assert.NotEmpty(table.Rows);
            foreach (CsvRow row in table.Rows)
            {
                Assert.Equal(columns.Count, row.Fields.Count);
                for (int i = 0; i < columns.Count; i++)
                {
                    string value = row.Fields[i], type = columns[i].Type;
                    Assert.True(Parses(value, type), $"{name} line {row.Line}, column {columns[i].Column}: '{value}' is not {type}");
                }
            }
        }
    }

    [Fact]
    public void The_outside_row_is_its_own_kind_so_adcode_is_always_a_code_and_ranks_are_integers()
    {
        CsvTable t = CsvTable.Load(run.PathOf("analysis/city_totals.csv"));
        int kind = t.ColumnIndex("kind"), code = t.ColumnIndex("adcode"), rank = t.ColumnIndex("rank");
        Assert.All(t.Rows, r => Assert.True(r[kind] == "city" ? r[code].Length == 6 && r[code].All(char.IsAsciiDigit) && long.TryParse(r[rank], CultureInfo.InvariantCulture, out _) : r[kind] == "outside" && r[code].Length == 0 && r[rank].Length == 0, $"line {r.Line}"));
        Assert.Equal(run.Run.Scenario.Years.Count * 9, t.Rows.Count(r => r[kind] == "outside"));
    }

    [Fact]
    public void Pandas_reads_every_table_with_the_declared_dtypes_and_finds_no_object_columns()
    {
        var schema = Schema();
        var spec = Tables().ToDictionary(p => p, p => schema[Path.GetFileName(p)].ToDictionary(c => c.Column, c => PandasType(c.Type)));
        string script = """
import sys, json, pandas as pd
spec = json.load(open(sys.argv[1]))
for path, dtypes in spec.items():
    df = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])
    objects = [c for c in df.columns if df[c].dtype == object]
    assert not objects, (path, objects)
    for c, t in dtypes.items():
        got = str(df[c].dtype)
        assert got == t, (path, c, t, got)
    assert list(df.columns[:4]) == ["region", "scenario", "year", "sector"], path
print(len(spec))
""";
        string specFile = Path.Combine(run.Parent, "pandas-spec.json");
        File.WriteAllText(specFile, JsonSerializer.Serialize(spec));
        var (code, stdout, stderr) = HenanRunFixture.Tool("/usr/bin/python3", "-c", script, specFile);
        Assert.True(code == 0, "pandas (tools/install-native.sh --with-test-tools installs python3-pandas): " + stderr);
        Assert.Equal(spec.Count.ToString(CultureInfo.InvariantCulture), stdout.Trim());
    }

    private static string PandasType(string type) => type switch
    {
        "integer" => "int64",
        "integer?" => "Int64",
        "number" or "number?" => "float64",
        "boolean" => "bool",
        _ => "string",
    };

    private static bool Parses(string value, string type)
    {
        if (type.EndsWith('?') && value.Length == 0)
        {
            return true;
        }

        return type.TrimEnd('?') switch
        {
            "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "boolean" => value is "true" or "false",
            "text" => type.EndsWith('?') || value.Length > 0,
            _ => false,
        };
    }
}
