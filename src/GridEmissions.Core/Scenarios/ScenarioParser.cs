namespace GridEmissions.Core.Scenarios;

/// <summary>Reads the top level of a scenario file and assembles the <see cref="Scenario"/>.</summary>
internal static class ScenarioParser
{
    public static Scenario Read(YamlSection top, string file, ScenarioParseContext ctx)
    {
        top.CheckKeys(ScenarioKeys.Top);
        ReadYears(top, ctx);
        string id = top.Text("id", false) ?? Path.GetFileNameWithoutExtension(file);
        string title = top.Text("title", false) ?? id;
        string variant = top.Text("variant", false) ?? ctx.Default("variant", "unspecified");
        string region = top.Text("region", true, "Henan") ?? string.Empty;
        CheckToken(top, "id", id, file, ctx);
        CheckToken(top, "region", region, file, ctx);
        var provinces = top.Strings("provinces", true, "[Henan]").Select(p => p.Text).ToList();
        if (provinces.Count == 0 && top.Get("provinces") is YamlDotNet.RepresentationModel.YamlSequenceNode empty)
        {
            ctx.Log.Add(empty, "'provinces' is empty.", "list the province names used by the GEM trackers, e.g. [Henan].");
        }

        string boundaries = ResolveFile(top, "boundaries", required: true, folder: false, ctx) ?? string.Empty;
        var (cellSize, margin) = ReadGrid(top, ctx);
        int seed = top.Has("seed") ? top.Integer("seed", false) ?? 0 : ctx.Default("seed", 1);
        var inputs = ReadInputs(top, ctx);
        var total = PathwayParser.ReadTotal(top, ctx);
        var population = PathwayParser.ReadPopulation(top, ctx);
        var sectors = SectorParser.ReadSectors(top, ctx);
        var offGrid = OffGridParser.Read(top, ctx);
        OffGridParser.CheckAgainstTotal(top, offGrid, total, ctx);
        SectorParser.CheckBaselines(top, total, sectors, offGrid, ctx);
        var caps = SectorParser.ReadCityCaps(top, ctx);
        var sinks = SinkParser.Read(top, provinces, ctx);
        var uncertainty = Uncertainty.UncertaintyParser.Read(top, ctx, log =>
        {
            Read(new YamlSection(top.Node, string.Empty, log), file, new ScenarioParseContext(log, ctx.Folder) { Probing = true });
            return log.Sorted();
        });
        return new Scenario(
            id, title, variant, file, region, provinces, cellSize, margin, ctx.StartYear ?? 0, ctx.EndYear ?? 0, seed,
            new ScenarioInputs(boundaries, inputs), total, population, sectors, caps)
        {
            ToolDefaults = ctx.Defaults,
            Sinks = sinks,
            OffGrid = offGrid,
            Uncertainty = uncertainty,
        };
    }

    /// <summary>The id and the region become output file names: only safe tokens are accepted (see <see cref="FileToken"/>).</summary>
    private static void CheckToken(YamlSection top, string key, string value, string file, ScenarioParseContext ctx)
    {
        if (value.Length == 0 || FileToken.IsValid(value))
        {
            return;
        }

        string source = top.Has(key) ? $"'{key}' is '{value}'" : $"the scenario id defaults to the file name '{value}'";
        ctx.Log.Add(top.Get(key), $"{source}, which is used in output file names but is not a safe name ({FileToken.Rule}).",
            top.Has(key) || key != "id" ? $"write e.g. '{key}: {FileToken.Suggest(value)}'." : $"add 'id: {FileToken.Suggest(value)}' at the top of {System.IO.Path.GetFileName(file)}.");
    }

    private static void ReadYears(YamlSection top, ScenarioParseContext ctx)
    {
        var years = top.Section("years", true, "{start: 2024, end: 2060}");
        if (years is null)
        {
            return;
        }

        years.CheckKeys(ScenarioKeys.Years);
        ctx.StartYear = years.Integer("start", true, "2024");
        ctx.EndYear = years.Integer("end", true, "2060");
        if (ctx.StartYear > ctx.EndYear)
        {
            ctx.Log.Add(years.Get("end"), $"'years.end' ({ctx.EndYear}) is before 'years.start' ({ctx.StartYear}).", "make 'start' the base year and 'end' the last projection year.");
        }
    }

    private static (double CellSize, int Margin) ReadGrid(YamlSection top, ScenarioParseContext ctx)
    {
        var grid = top.Section("grid", false, "{cell_size_m: 10000, margin_cells: 2}");
        if (grid is null)
        {
            if (!top.Has("grid"))
            {
                ctx.Default("grid", "cell_size_m: 10000, margin_cells: 2");
            }

            return (10000, 2);
        }

        grid.CheckKeys(ScenarioKeys.Grid);
        double cell = ModelParser.Number(grid, "cell_size_m", 10000, v => v > 0, "must be above zero", ctx);
        int margin = grid.Has("margin_cells") ? grid.Integer("margin_cells", false) ?? 2 : ctx.Default("grid.margin_cells", 2);
        if (margin < 0)
        {
            ctx.Log.Add(grid.Get("margin_cells"), $"'grid.margin_cells' is {margin}, but cannot be negative.", "write 0 or more cells.");
        }

        return (cell, margin);
    }

    private static Dictionary<string, string> ReadInputs(YamlSection top, ScenarioParseContext ctx)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var inputs = top.Section("inputs", false);
        if (inputs is null)
        {
            return files;
        }

        inputs.CheckKeys(ScenarioKeys.Inputs);
        foreach (string key in inputs.Keys.Where(ScenarioKeys.Inputs.Contains))
        {
            if (key is "places" or "urban_areas")
            {
                // Read by version 0.1's population proxy; since the WorldPop and MODIS grids replaced it, a file given here would be ignored.
                ctx.Log.Add(inputs.Get(key), $"'inputs.{key}' is no longer read: residents come from 'inputs.population_grid' and built-up land from 'inputs.built_up_grid', so this file would be silently ignored.",
                    $"remove '{key}:' and give population_grid / built_up_grid rasters instead (see docs/scenario-format.md).");
                continue;
            }

            ctx.DeclaredInputs.Add(key);
            string? path = ResolveFile(inputs, key, required: false, folder: key == "baseline", ctx);
            if (path is not null)
            {
                files[key] = path;
            }
        }

        return files;
    }

    /// <summary>Resolves a path against the scenario's folder and checks that it exists (the resolved path is returned even when it does not).</summary>
    private static string? ResolveFile(YamlSection section, string key, bool required, bool folder, ScenarioParseContext ctx)
    {
        string? text = section.Text(key, required, folder ? "<folder>" : "<path>");
        if (text is null)
        {
            return null;
        }

        string full = Path.GetFullPath(Path.Combine(ctx.Folder, text));
        bool exists = folder ? Directory.Exists(full) : File.Exists(full);
        if (!exists)
        {
            string what = folder ? "folder" : "file";
            ctx.Log.Add(section.Get(key), $"missing {what}: '{section.PathOf(key)}' is '{text}', which resolves to '{full}', and no such {what} exists.",
                $"check the path; relative paths are resolved against the scenario file's folder ({ctx.Folder}).");
        }

        return full;
    }
}
