using System.Diagnostics;
using System.Globalization;
using GridEmissions.Core.Tabular;
using GridEmissions.Gdal;

namespace GridEmissions.Pipeline.Tests;

/// <summary>End-to-end checks of `gridem run` and `gridem baseline` on the shipped scenarios and real data.</summary>
public sealed class ScenarioRunTests(ShippedRuns runs) : IClassFixture<ShippedRuns>
{
    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static Dictionary<(int Year, string Sector), double> Targets(string run)
    {
        CsvTable t = CsvTable.Load(Path.Combine(run, "targets.csv"));
        return t.Rows.ToDictionary(r => (int.Parse(r[t.ColumnIndex("year")], CultureInfo.InvariantCulture), r[t.ColumnIndex("sector")]), r => D(r[t.ColumnIndex("target_mt")]));
    }

    [Fact]
    public void Every_audit_row_of_both_regions_is_conserved_without_negative_or_nan_cells()
    {
        foreach (string run in new[] { runs.Henan, runs.Yrd })
        {
            CsvTable audit = CsvTable.Load(Path.Combine(run, "audit.csv"));
            var emitting = audit.Rows.Where(r => r[audit.ColumnIndex("sign")] == "emitting").ToList();
            Assert.Equal(37 * 8, emitting.Count); // the signed (sink) rows are checked in SinkRunTests
            foreach (CsvRow r in emitting)
            {
                double target = D(r[audit.ColumnIndex("target_t")]), allocated = D(r[audit.ColumnIndex("allocated_t")]);
                double rel = target == 0 ? Math.Abs(allocated) : Math.Abs(allocated - target) / target;
                Assert.True(rel <= 1e-9, $"{run} line {r.Line}: expected {target:R}, got {allocated:R}, relative difference {rel:E2}");
                Assert.Equal("0", r[audit.ColumnIndex("negative_cells")]);
                Assert.Equal("0", r[audit.ColumnIndex("nonfinite_cells")]);
            }
        }
    }

    [Fact]
    public void Henan_totals_hit_the_study_anchors()
    {
        var t = Targets(runs.Henan);
        Assert.Equal(587.31, t[(2024, "total")], 9);
        Assert.Equal(591, t[(2028, "total")], 9);
        Assert.Equal(514, t[(2035, "total")], 9);
        Assert.Equal(39, t[(2060, "total")], 9);
        Assert.Equal(2028, Enumerable.Range(2024, 37).MaxBy(y => t[(y, "total")]));
    }

    [Fact]
    public void Yrd_totals_peak_in_2027_fall_ten_percent_by_2035_then_follow_the_stated_rates()
    {
        var t = Targets(runs.Yrd);
        Assert.Equal(2390, t[(2024, "total")], 9);
        Assert.Equal(2027, Enumerable.Range(2024, 37).MaxBy(y => t[(y, "total")]));
        Assert.Equal(2430, t[(2027, "total")], 9);
        Assert.Equal(0.9 * 2430, t[(2035, "total")], 9);
        for (int y = 2036; y <= 2050; y++)
        {
            Assert.Equal(1 - 0.094, t[(y, "total")] / t[(y - 1, "total")], 12);
        }

        for (int y = 2051; y <= 2060; y++)
        {
            Assert.Equal(1 - 0.044, t[(y, "total")] / t[(y - 1, "total")], 12);
        }
    }

    [Fact]
    public void The_facility_table_obeys_the_lifecycle_and_utilisation_bounds()
    {
        CsvTable f = CsvTable.Load(Path.Combine(runs.Henan, "facilities.csv"));
        int status = f.ColumnIndex("status"), em = f.ColumnIndex("emissions_t"), util = f.ColumnIndex("utilisation"), sector = f.ColumnIndex("sector");
        int id = f.ColumnIndex("facility_id"), year = f.ColumnIndex("year"), cap = f.ColumnIndex("capacity"), reason = f.ColumnIndex("reason");
        var bounds = new Dictionary<string, (double Min, double Max)> { ["power"] = (0.10, 0.90), ["steel"] = (0.3, 0.95) };
        var lastOperating = new Dictionary<string, int>();
        var firstRetired = new Dictionary<string, int>();
        var withCcus = new HashSet<string>(StringComparer.Ordinal);
        foreach (CsvRow r in f.Rows)
        {
            bool operating = r[status] is "operating" or "expansion";
            if (!operating)
            {
                Assert.True(D(r[em]) == 0, $"line {r.Line}: {r[id]} is {r[status]} in {r[year]} but emits {r[em]} t");
                if (r[status] == "retired")
                {
                    firstRetired.TryAdd(r[id], int.Parse(r[year], CultureInfo.InvariantCulture));
                }
            }
            else
            {
                lastOperating[r[id]] = int.Parse(r[year], CultureInfo.InvariantCulture);
                var (min, max) = bounds[r[sector]];
                if (r[reason].Contains("CCUS", StringComparison.Ordinal))
                {
                    withCcus.Add(r[id]);
                }

                if (withCcus.Contains(r[id]))
                {
                    min = 0; // the closure lets CCUS-fitted units run below their minimum (audit.csv says so)
                }

                double u = D(r[util]);
                Assert.True(u >= min - 1e-9 && u <= max + 1e-9, $"line {r.Line}: utilisation {u} outside [{min}, {max}]");
            }
        }

        foreach (var (unit, retiredYear) in firstRetired)
        {
            Assert.False(lastOperating.TryGetValue(unit, out int last) && last > retiredYear, $"{unit} operates in {last} after retiring in {retiredYear}");
        }

        // The scenario closes coal units of 200 MW or less within the 20 km heating radius of a CHP unit of 300 MW or more in 2027, and only those.
        var small2027 = f.Rows.Where(r => r[year] == "2027" && r[sector] == "power" && r[status] == "retired" && r[reason].Contains("forced retirement", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(small2027);
        Assert.All(small2027, r => Assert.True(D(r[cap]) <= 200 && r[reason].Contains("km heating radius of CHP unit", StringComparison.Ordinal), $"line {r.Line}: {r[reason]}"));
        var closed = small2027.Select(r => r[id]).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(f.Rows, r => int.Parse(r[year], CultureInfo.InvariantCulture) >= 2027 && closed.Contains(r[id]) && r[status] == "operating");
    }

    [Fact]
    public void The_spatial_pattern_evolves_transport_leaves_corridors_and_buildings_urbanise()
    {
        foreach (string run in new[] { runs.Henan, runs.Yrd })
        {
            CsvTable p = CsvTable.Load(Path.Combine(run, "patterns.csv"));
            double Get(int y, string s, string col) => D(p.Rows.Single(r => r[p.ColumnIndex("year")] == y.ToString(CultureInfo.InvariantCulture) && r[p.ColumnIndex("sector")] == s)[p.ColumnIndex(col)]);
            Assert.True(Get(2060, "transport", "corridor_share") < Get(2024, "transport", "corridor_share") - 0.05, $"{run}: corridor share should fall with electrification");
            Assert.True(Get(2060, "buildings", "share_in_urban_cells") > Get(2024, "buildings", "share_in_urban_cells") + 0.02, $"{run}: buildings' urban share should rise with urbanisation");
            Assert.True(Get(2060, "power", "dissimilarity_to_base") > 0.05, $"{run}: power's pattern should move as units retire");
        }
    }

    [Fact]
    public void Outputs_are_byte_identical_for_identical_inputs()
    {
        string a = File.ReadAllText(Path.Combine(runs.Henan, "manifest.json"));
        string b = File.ReadAllText(Path.Combine(runs.HenanAgain, "manifest.json"));
        Assert.Equal(a, b);
        Assert.Contains("\"sha256\"", a, StringComparison.Ordinal);
    }

    [Fact]
    public void The_netcdf_has_a_time_axis_and_every_sector_and_the_geotiffs_carry_metadata()
    {
        string nc = Path.Combine(runs.Yrd, "yrd-neutrality.nc");
        string info = Gdalinfo(nc);
        foreach (string s in new[] { "power", "steel", "cement", "petrochemicals", "other_industry", "transport", "buildings", "agriculture", "total" })
        {
            Assert.Contains($":{s}", info, StringComparison.Ordinal);
        }

        Assert.Contains("NETCDF_DIM_time", Gdalinfo($"NETCDF:\"{nc}\":power"), StringComparison.Ordinal);
        using var tif = RasterDataset.Open(Path.Combine(runs.Yrd, "grids", "emissions_2035.tif"));
        Assert.Equal(9, tif.BandCount);
        var meta = tif.BandMetadata(1);
        Assert.Equal("2035", meta["year"]);
        Assert.Equal("power", meta["sector"]);
        Assert.Equal("t CO2 yr-1", meta["units"]);
        Assert.Equal("yrd-neutrality", meta["scenario"]);
    }

    [Fact]
    public void Cells_without_region_area_are_nodata_in_every_band_and_the_region_fraction_layer_says_which()
    {
        using var fraction = RasterDataset.Open(Path.Combine(runs.Henan, "grids", "region_fraction.tif"));
        double[] f = fraction.ReadBand(1);
        Assert.Equal("region_fraction", fraction.BandDescription(1));
        Assert.All(f, x => Assert.InRange(x, 0, 1));
        Assert.Contains(f, x => x == 0);
        Assert.Contains(f, x => x == 1);
        foreach (string file in new[] { Path.Combine(runs.Henan, "grids", "emissions_2060.tif"), Path.Combine(runs.Baseline, "henan", "baseline_2024_power.tif") })
        {
            using var ds = RasterDataset.Open(file);
            for (int b = 1; b <= ds.BandCount; b++)
            {
                double[] v = ds.ReadBand(b);
                Assert.Equal(GridEmissions.Core.Grids.RegionMask.NoData, ds.NoData(b));
                for (int i = 0; i < v.Length; i++)
                {
                    Assert.True(f[i] == 0 == (v[i] == GridEmissions.Core.Grids.RegionMask.NoData), $"{file} band {b} cell {i}: fraction {f[i]}, value {v[i]}");
                }

            }

            Assert.Contains(ds.ReadBand(1), x => x == 0); // power: cells with region area and no plant stay 0, not nodata
        }
    }

    [Fact]
    public void Baseline_rasters_sum_to_the_sector_totals_on_the_shared_albers_lattice()
    {
        CsvTable audit = CsvTable.Load(Path.Combine(runs.Baseline, "baseline-audit.csv"));
        Assert.Equal(17, audit.Rows.Count); // 2 regions x 8 sectors, and the YRD's part held off the grid (no raster)
        CsvRow offGrid = audit.Rows.Single(r => r[audit.ColumnIndex("sector")] == "off_grid");
        Assert.Equal(310.7e6, D(offGrid[audit.ColumnIndex("target_t")]), 1e-3);
        Assert.Equal(0, D(offGrid[audit.ColumnIndex("raster_sum_t")]));
        Assert.Equal(string.Empty, offGrid[audit.ColumnIndex("file")]);
        foreach (CsvRow r in audit.Rows.Where(r => r[audit.ColumnIndex("sector")] != "off_grid"))
        {
            using var ds = RasterDataset.Open(Path.Combine(runs.Baseline, r[audit.ColumnIndex("file")]));
            double[] v = EmissionRasters.ReadTonnes(ds, 1);
            double sum = v.Sum(), target = D(r[audit.ColumnIndex("target_t")]);
            Assert.True(Math.Abs(sum - target) / target <= 1e-6, $"{r[audit.ColumnIndex("file")]}: expected {target:R}, got {sum:R}");
            double[] gt = ds.GeoTransform;
            Assert.Equal(10000, gt[1]);
            Assert.Equal(-10000, gt[5]);
            Assert.Equal(0, gt[0] % 10000);
            Assert.Equal(0, gt[3] % 10000);
            Assert.Contains("Albers", ds.CrsWkt, StringComparison.Ordinal);
            Assert.Equal("t CO2 yr-1", ds.Metadata()["units"]);
        }

        Assert.Contains("Albers", Gdalinfo(Path.Combine(runs.Baseline, "henan", "baseline_2024_power.tif")), StringComparison.Ordinal);
    }

    [Fact]
    public void Boundaries_hold_18_henan_and_41_yrd_valid_city_polygons()
    {
        VectorLayer layer = VectorReader.Read(RepoPaths.Under("boundaries", "cities.geojson"));
        Assert.Equal(18, layer.Features.Count(f => (string?)f.Attributes["region"] == "Henan"));
        Assert.Equal(41, layer.Features.Count(f => (string?)f.Attributes["region"] == "YRD"));
        Assert.All(layer.Features, f => Assert.True(f.Geometry!.IsValid, $"{f.Attributes["name_zh"]} is invalid"));
        Assert.All(layer.Features, f => Assert.False(string.IsNullOrEmpty((string?)f.Attributes["name_en"])));
        Assert.Contains(layer.Features, f => (string?)f.Attributes["name_zh"] == "郑州市");
    }

    [Fact]
    public void Every_csv_header_documented_in_the_readme_is_the_header_the_run_writes()
    {
        var documented = File.ReadAllLines(RepoPaths.Under("README.md"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, "^- `([a-z_/]+\\.csv)`: `([a-z0-9_,]+)`$"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.True(documented.Count >= 9, $"only {documented.Count} CSV headers documented");
        foreach (var (file, header) in documented)
        {
            Assert.Equal(header, File.ReadLines(Path.Combine(runs.Henan, file)).First());
        }
    }

    [Fact]
    public void Whole_runs_with_maps_and_analysis_are_byte_identical()
    {
        string[] a = Directory.GetFiles(runs.Henan, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(runs.Henan, f)).Order(StringComparer.Ordinal).ToArray();
        string[] b = Directory.GetFiles(runs.HenanAgain, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(runs.HenanAgain, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(a, b);
        Assert.Contains(a, f => f.EndsWith(".pdf", StringComparison.Ordinal));
        foreach (string f in a)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(runs.Henan, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(runs.HenanAgain, f))), $"{f} differs between two identical runs");
        }
    }

    [Fact]
    public void Xarray_opens_the_netcdf_with_a_time_axis_and_the_totals_of_the_run()
    {
        string nc = Path.Combine(runs.Yrd, "yrd-neutrality.nc");
        string script = "import sys, xarray as xr\n" +
            "ds = xr.open_dataset(sys.argv[1])\n" +
            "print(ds.sizes['time'], str(ds['time'].values[0])[:10], str(ds['time'].values[-1])[:10])\n" +
            "print(repr(float(ds['total'].sel(time='2035-01-01').sum())))\n" +
            "print(','.join(v for v in ds.data_vars if ds[v].dims == ('time', 'y', 'x')))\n";
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", script, nc]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        string[] lines = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "xarray failed (tools/install-native.sh --with-test-tools installs python3-xarray): " + err);
        Assert.Equal("37 2024-01-01 2060-01-01", lines[0]);
        var t = Targets(runs.Yrd);
        Assert.Equal((t[(2035, "total")] - t[(2035, "off_grid")]) * 1e6, D(lines[1]), 1e-3 * 2430e6 * 1e-6); // the bands hold the total minus the part held off the grid
        Assert.Equal(0.9 * 2430, t[(2035, "total")], 9);
        Assert.Equal("power,steel,cement,petrochemicals,other_industry,transport,buildings,agriculture,total,land_sink,removals,sink,net", lines[2]);
    }

    [Fact]
    public void The_cf_checker_finds_no_error_or_warning_in_the_netcdf_of_either_region()
    {
        CfChecker.AssertPasses(Path.Combine(runs.Henan, "henan-neutrality.nc"));
        CfChecker.AssertPasses(Path.Combine(runs.Yrd, "yrd-neutrality.nc"));
    }

    [Fact]
    public void Udunits2_accepts_every_units_string_of_the_netcdf_and_the_checker_would_reject_the_old_one()
    {
        string script = "import sys, netCDF4\nds = netCDF4.Dataset(sys.argv[1])\nprint('\\n'.join(sorted({v.units for v in ds.variables.values() if 'units' in v.ncattrs()})))\n";
        var (code, stdout, stderr) = HenanRunFixture.Tool("/usr/bin/python3", "-c", script, Path.Combine(runs.Yrd, "yrd-neutrality.nc"));
        Assert.True(code == 0, stderr);
        string[] units = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("t yr-1", units);
        Assert.Contains("m2", units);
        Assert.Contains("degrees_north", units);
        Assert.Empty(CfChecker.InvalidUnits(units));
        Assert.Equal(["t CO2 yr-1"], CfChecker.InvalidUnits(["t CO2 yr-1"]));
    }

    [Fact]
    public void Xarray_decodes_time_bounds_per_calendar_year_lat_lon_cell_area_and_the_attribution()
    {
        string script = "import sys, xarray as xr\n" +
            "ds = xr.open_dataset(sys.argv[1])\n" +
            "b = ds['time_bnds'].values\n" +
            "print(ds['time'].attrs['bounds'], str(b[0][0])[:10], str(b[0][1])[:10], str(b[-1][1])[:10])\n" +
            "print(ds['total'].attrs['cell_methods'], '|', ' '.join(c for c in ('lat', 'lon') if c in ds['total'].coords), '|', ds['total'].attrs['cell_measures'], '|', ds['total'].attrs['species'])\n" +
            "print(repr(float(ds['lat'].min())), repr(float(ds['lat'].max())), repr(float(ds['lon'].min())), repr(float(ds['lon'].max())))\n" +
            "print(repr(float(ds['cell_area'].min())), repr(float(ds['cell_area'].max())))\n" +
            "print(int(ds['total'].isel(time=0).isnull().sum()), int((ds['region_fraction'] == 0).sum()))\n" +
            "print(ds.attrs['license'])\n" +
            "print(ds.attrs['attribution'])\n";
        var (code, stdout, stderr) = HenanRunFixture.Tool("/usr/bin/python3", "-c", script, Path.Combine(runs.Henan, "henan-neutrality.nc"));
        Assert.True(code == 0, "xarray failed: " + stderr);
        string[] lines = stdout.Split('\n');
        Assert.Equal("time_bnds 2024-01-01 2025-01-01 2061-01-01", lines[0]);
        Assert.Equal("area: sum time: sum | lat lon | area: cell_area | CO2", lines[1]);
        double[] box = [.. lines[2].Split(' ').Select(D)];
        Assert.InRange(box[0], 30, 32.5); // Henan: about 31.4-36.4 N, 110.3-116.7 E
        Assert.InRange(box[1], 36, 37.5);
        Assert.InRange(box[2], 109.5, 111);
        Assert.InRange(box[3], 116, 117.5);
        Assert.Equal("1e+08 1e+08", string.Join(' ', lines[3].Split(' ').Select(v => D(v).ToString("0e+00", CultureInfo.InvariantCulture))));
        string[] masked = lines[4].Split(' ');
        Assert.Equal(masked[1], masked[0]);
        Assert.NotEqual("0", masked[0]);
        Assert.StartsWith("CC-BY-4.0", lines[5], StringComparison.Ordinal);
        Assert.Contains("Global Coal Plant Tracker, Global Energy Monitor", lines[6], StringComparison.Ordinal);
        Assert.Contains("WorldPop (www.worldpop.org)", lines[6], StringComparison.Ordinal);
        Assert.Contains("Apache ECharts", lines[6], StringComparison.Ordinal);
    }

    [Fact]
    public void Gdalinfo_shows_nodata_unit_type_description_and_attribution_on_every_geotiff_band()
    {
        var files = Directory.GetFiles(Path.Combine(runs.Henan, "grids"), "emissions_*.tif").Order(StringComparer.Ordinal).Take(2)
            .Concat(Directory.GetFiles(Path.Combine(runs.Baseline, "yrd"), "baseline_*.tif")).ToList();
        Assert.True(files.Count >= 10);
        foreach (string file in files)
        {
            string info = Gdalinfo(file);
            using var ds = RasterDataset.Open(file);
            Assert.Equal(ds.BandCount, System.Text.RegularExpressions.Regex.Matches(info, "NoData Value=-9999").Count);
            Assert.Equal(ds.BandCount, System.Text.RegularExpressions.Regex.Matches(info, "Unit Type: t yr-1").Count);
            Assert.Contains("WorldPop (www.worldpop.org)", ds.Metadata()["attribution"], StringComparison.Ordinal);
            Assert.StartsWith("CC-BY-4.0", ds.Metadata()["license"], StringComparison.Ordinal);
            for (int b = 1; b <= ds.BandCount; b++)
            {
                Assert.False(string.IsNullOrEmpty(ds.BandDescription(b)));
                Assert.Equal("t yr-1", ds.BandUnitType(b));
                Assert.Equal("CO2", ds.BandMetadata(b)["species"]);
                Assert.Contains("nodata -9999", ds.BandMetadata(b)["description"], StringComparison.Ordinal);
            }
        }
    }

    private static string Gdalinfo(string target)
    {
        var psi = new ProcessStartInfo("gdalinfo", [target]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
