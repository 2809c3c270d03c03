using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using GridEmissions.Core.Tabular;

namespace GridEmissions.Pipeline.Tests.Export;

/// <summary>`gridem export --lonlat` on the shipped Henan run: CF checker, xarray, CDO remapcon, and totals against the run's own grids.</summary>
[Collection(HenanRunCollection.Name)]
public sealed class LonLatExportTests(HenanRunFixture run)
{
    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private LonLatExportResult Export(double resolution = 0.1, string? outDir = null) =>
        LonLatExport.Execute(run.Output, Path.Combine(run.RepoRoot, "scenarios", "henan-neutrality.yaml"), resolution, outDir, null);

    [Fact]
    public void The_export_passes_the_CF_checker_and_keeps_the_run_grids_totals_of_the_region_and_every_city()
    {
        LonLatExportResult r = Export();
        Assert.StartsWith(Path.Combine(run.Output, "lonlat-0.1"), r.Folder, StringComparison.Ordinal);
        CfChecker.AssertPasses(r.NetCdf);

        // The run's own totals, straight from its GeoTIFFs and the exact city coverage of each cell's region part
        // (the shares city_totals.csv uses).
        AnalysisContext context = RunFolder.Load(run.Output, Path.Combine(run.RepoRoot, "scenarios", "henan-neutrality.yaml"));
        var coverage = context.Region.Attribution;
        var expected = new Dictionary<(int, string, string), double>();
        foreach (int year in context.Scenario.Years)
        {
            YearGrid grid = context.Grids.Read(year);
            foreach (string band in context.Grids.SectorsAndTotal)
            {
                expected[(year, band, "")] = grid.Bands[band].Sum();
                foreach (var e in coverage.Entries)
                {
                    var key = (year, band, coverage.Cities[e.CityIndex].Key);
                    expected[key] = expected.GetValueOrDefault(key) + (grid.Bands[band][e.CellIndex] * e.Fraction);
                }
            }
        }

        CsvTable table = CsvTable.Load(Path.Combine(r.Folder, "conservation.csv"));
        Assert.Equal(LonLatExport.ConservationHeader, string.Join(",", table.Header));
        Assert.Equal(expected.Count, table.Rows.Count);
        foreach (CsvRow row in table.Rows)
        {
            var key = (int.Parse(row[table.ColumnIndex("year")], CultureInfo.InvariantCulture), row[table.ColumnIndex("sector")], row[table.ColumnIndex("adcode")]);
            double want = expected[key], got = D(row[table.ColumnIndex("export_t")]);
            Assert.True(Math.Abs(got - want) <= 1e-9 * Math.Max(1, Math.Abs(want)), $"conservation.csv line {row.Line} {key}: run {want:R} t, export {got:R} t");
        }

        // The NetCDF itself, read by xarray: every variable's sum per year equals the run's.
        string script = """
import sys, json, xarray as xr
ds = xr.open_dataset(sys.argv[1])
out = {v: [float(x) for x in ds[v].sum(("lat", "lon")).values] for v in ds.data_vars if "time" in ds[v].dims and not v.endswith("_flux") and v != "time_bnds"}
print(json.dumps(out))
""";
        var (code, stdout, stderr) = HenanRunFixture.Tool("/usr/bin/python3", "-c", script, r.NetCdf);
        Assert.True(code == 0, "xarray (tools/install-native.sh --with-test-tools): " + stderr);
        var sums = JsonSerializer.Deserialize<Dictionary<string, double[]>>(stdout)!;
        Assert.Equal(context.Grids.SectorsAndTotal.Order(), sums.Keys.Order());
        for (int t = 0; t < context.Scenario.Years.Count; t++)
        {
            foreach (string band in context.Grids.SectorsAndTotal)
            {
                double want = expected[(context.Scenario.Years[t], band, "")], got = sums[band][t];
                Assert.True(Math.Abs(got - want) <= 1e-9 * Math.Max(1, want), $"{band} {context.Scenario.Years[t]}: run {want:R} t, NetCDF {got:R} t");
            }
        }
    }

    [Fact]
    public void Xarray_decodes_time_with_bounds_lat_lon_and_the_flux_is_the_tonnes_over_area_and_seconds()
    {
        LonLatExportResult r = Export();
        string script = """
import sys, numpy as np, xarray as xr
ds = xr.open_dataset(sys.argv[1])
assert np.issubdtype(ds.time.dtype, np.datetime64), ds.time.dtype
assert str(ds.time.values[0])[:10] == "2024-01-01" and str(ds.time_bnds.values[0][1])[:10] == "2025-01-01", ds.time_bnds.values[0]
assert ds.time.attrs["bounds"] == "time_bnds"
assert ds.lat.attrs["units"] == "degrees_north" and ds.lon.attrs["units"] == "degrees_east"
assert np.all(np.diff(ds.lat.values) > 0) and abs(np.diff(ds.lon.values)[0] - 0.1) < 1e-9
assert ds.total_flux.attrs["units"] == "kg m-2 s-1" and ds.total.attrs["units"] == "t yr-1"
assert ds.total.attrs["cell_measures"] == "area: cell_area"
seconds = (ds.time_bnds[:, 1] - ds.time_bnds[:, 0]) / np.timedelta64(1, "s")
t = ds.total_flux * ds.cell_area * seconds / 1000
rel = float(abs(t.sum(("lat", "lon")) - ds.total.sum(("lat", "lon"))).max() / float(ds.total.sum(("lat", "lon")).max()))
assert rel < 1e-12, rel
assert int(ds.total.isel(time=0).isnull().sum()) > 0, "cells without region area are missing"
assert float(ds.total.min()) >= 0
print(int(seconds[0]), float(ds.cell_area.min()), float(ds.cell_area.max()))
""";
        var (code, stdout, stderr) = HenanRunFixture.Tool("/usr/bin/python3", "-c", script, r.NetCdf);
        Assert.True(code == 0, "xarray check failed: " + stderr);
        string[] parts = stdout.Trim().Split(' ');
        Assert.Equal("31622400", parts[0]); // 2024 is a leap year: 366 days
        Assert.InRange(D(parts[1]), 0.99e8, 1.06e8); // 0.1° cells at 31–37° N: 9.3 km × 11.1 km
    }

    [Fact]
    public void Cdo_remapcon_regrids_the_flux_onto_a_coarser_grid_and_keeps_its_integral()
    {
        LonLatExportResult r = Export();
        string dir = Path.Combine(run.Parent, "cdo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string gridFile = Path.Combine(dir, "grid05.txt");
        File.WriteAllText(gridFile, "gridtype = lonlat\nxsize = 18\nysize = 14\nxfirst = 109.75\nxinc = 0.5\nyfirst = 30.75\nyinc = 0.5\n");
        string remapped = Path.Combine(dir, "remapped.nc");
        // The command of docs/use-the-outputs.md: destarea normalisation keeps the integral where the target cell overlaps missing (outside-region) cells.
        var (code, _, stderr) = HenanRunFixture.Tool("/usr/bin/env", "CDO_REMAP_NORM=destarea", "cdo", "-s", "-f", "nc4", $"remapcon,{gridFile}", "-selname,total_flux", r.NetCdf, remapped);
        Assert.True(code == 0, "cdo remapcon failed (tools/install-native.sh --with-test-tools installs cdo): " + stderr);
        Assert.Equal(0, HenanRunFixture.Tool("cdo", "-s", "gridarea", r.NetCdf, Path.Combine(dir, "a1.nc")).Code);
        Assert.Equal(0, HenanRunFixture.Tool("cdo", "-s", "gridarea", remapped, Path.Combine(dir, "a2.nc")).Code);
        string script = """
import sys, xarray as xr
d = sys.argv[1]
s = xr.open_dataset(sys.argv[2]); r = xr.open_dataset(d + "/remapped.nc")
a1 = xr.open_dataset(d + "/a1.nc").cell_area; a2 = xr.open_dataset(d + "/a2.nc").cell_area
before = (s.total_flux * a1).sum(("lat", "lon")); after = (r.total_flux * a2).sum(("lat", "lon"))
print(float(abs(after / before - 1).max()), r.sizes["lat"], r.sizes["lon"])
""";
        var (pc, stdout, perr) = HenanRunFixture.Tool("/usr/bin/python3", "-c", script, dir, r.NetCdf);
        Assert.True(pc == 0, perr);
        string[] parts = stdout.Trim().Split(' ');
        Assert.True(D(parts[0]) < 1e-5, "CDO's integral (its own spherical cell areas) differs by " + parts[0]);
        Assert.Equal("14 18", parts[1] + " " + parts[2]);
    }

    [Fact]
    public void Any_resolution_into_a_new_out_folder_conserves_and_the_run_is_never_overwritten()
    {
        string outDir = Path.Combine(run.Parent, "export-025-" + Guid.NewGuid().ToString("N"));
        LonLatExportResult r = Export(0.25, outDir);
        Assert.Equal(outDir, r.Folder);
        Assert.Equal(0.25, r.Grid.Resolution);
        Assert.True(r.MaxRelativeError <= 1e-9, r.MaxRelativeError.ToString("E2", CultureInfo.InvariantCulture));
        Assert.True(File.Exists(Path.Combine(outDir, "henan-neutrality_lonlat_0.25.nc")));

        // The same --out again is refused; an --out inside the run folder is refused; the default name takes a free suffix.
        Assert.Throws<InputError>(() => Export(0.25, outDir));
        Assert.Throws<InputError>(() => Export(0.25, Path.Combine(run.Output, "mine")));
        LonLatExportResult a = Export(0.5), b = Export(0.5);
        Assert.NotEqual(a.Folder, b.Folder);
        Assert.EndsWith("lonlat-0.5-2", b.Folder, StringComparison.Ordinal);
        Assert.Equal(Sha(a.NetCdf), Sha(b.NetCdf));
        Assert.Equal(Sha(Path.Combine(a.Folder, "conservation.csv")), Sha(Path.Combine(b.Folder, "conservation.csv")));
        Assert.Throws<InputError>(() => Export(0));
    }

    private static string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
