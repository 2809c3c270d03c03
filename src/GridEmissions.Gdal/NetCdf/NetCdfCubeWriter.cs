using System.Globalization;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal.Native;

namespace GridEmissions.Gdal;

/// <summary>
/// Streams a CF-1.8 NetCDF-4 cube (time, y, x) with one float64 variable per sector, written one
/// (year, sector) slice at a time so memory does not grow with the number of years. Written with
/// GDAL's multidimensional API and the netCDF driver.
/// <list type="bullet">
/// <item>y, x: the axes of the <see cref="CfHorizontalGrid"/> (for a <see cref="GridSpec"/>: cell-centre metres on <see cref="ChinaAlbers"/>, y descending, with 2-D lat/lon and cell_area; see <see cref="CfGrids"/>).</item>
/// <item>time: "days since 1970-01-01" (standard calendar) at 1 January of each year, with <c>time_bnds</c> from 1 January to the next 1 January: the slice holds that calendar year's emissions.</item>
/// <item>the grid mapping, referenced by every data variable, with its <c>coordinates</c> and <c>cell_measures</c>.</item>
/// </list>
/// The file is built under a temporary name and moved into place by <see cref="Commit"/>, which
/// fails (naming them) when slices were never written. Disposing without committing discards it.
/// Not thread-safe: write all slices from one thread.
/// </summary>
public sealed partial class NetCdfCubeWriter : IDisposable
{
    /// <summary>Units given to a variable without a "units" attribute (UDUNITS: tonnes per year).</summary>
    public const string DefaultUnits = "t yr-1";

    private readonly CfHorizontalGrid _horizontal;
    private readonly string _path;
    private readonly AtomicOutput _output;
    private readonly DatasetHandle _dataset;
    private readonly Dictionary<string, nint> _arrays = new(StringComparer.Ordinal);
    private readonly List<Action> _releases = [];
    private readonly bool[,] _written;
    private readonly CfExtraAxis? _axis;
    private readonly IReadOnlyList<string> _variables;
    private readonly double? _fillValue;
    private bool _committed;

    /// <summary>Creates the file on a China Albers grid (see <see cref="CfGrids.Albers"/>).</summary>
    public NetCdfCubeWriter(string path, GridSpec grid, IReadOnlyList<string> variableNames, IReadOnlyList<int> years,
        IReadOnlyDictionary<string, string> globalAttributes,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? variableAttributes = null, double? fillValue = null)
        : this(path, CfGrids.Albers(grid ?? throw new ArgumentNullException(nameof(grid))), variableNames, years, globalAttributes, variableAttributes, fillValue)
    {
    }

    /// <summary>Creates the file (under a temporary name) with its dimensions, coordinates, grid mapping, static fields and attributes.</summary>
    /// <param name="path">Target file.</param>
    /// <param name="horizontal">The y/x layout.</param>
    /// <param name="variableNames">Data variables (time, y, x), float64.</param>
    /// <param name="years">Years of the time axis.</param>
    /// <param name="globalAttributes">Global attributes (over the defaults Conventions, source).</param>
    /// <param name="variableAttributes">Per-variable attributes (over the defaults units, long_name, grid_mapping, coordinates, cell_measures).</param>
    /// <param name="fillValue">The data variables' _FillValue, or null for none.</param>
    /// <param name="axis">A dimension between time and (y, x) (e.g. <c>quantile</c>), or null for (time, y, x) variables.</param>
    public NetCdfCubeWriter(string path, CfHorizontalGrid horizontal, IReadOnlyList<string> variableNames, IReadOnlyList<int> years,
        IReadOnlyDictionary<string, string> globalAttributes,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? variableAttributes = null, double? fillValue = null, CfExtraAxis? axis = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(horizontal);
        ArgumentNullException.ThrowIfNull(variableNames);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(globalAttributes);
        Validate(horizontal, variableNames, years);

        _horizontal = horizontal;
        _path = path;
        _variables = variableNames.ToArray();
        Years = years.ToArray();
        _axis = axis is { Values.Count: > 0 } ? axis : axis is null ? null : throw new ArgumentException("the extra axis needs at least one value", nameof(axis));
        _written = new bool[_variables.Count, Years.Count * AxisLength];
        _fillValue = fillValue;
        nint driver = DatasetHandle.Driver("netCDF");
        _output = new AtomicOutput(path);
        try
        {
            using var options = new Utf8StringList(["FORMAT=NC4"]);
            GdalErrors.Reset();
            nint ds = GdalNative.GDALCreateMultiDimensional(driver, _output.TempPath, 0, options.Pointer);
            if (ds == 0)
            {
                throw GdalException.FromLastError("creating NetCDF", path);
            }

            _dataset = DatasetHandle.Adopt(ds, path);
            Define(globalAttributes, variableAttributes);
        }
        catch
        {
            ReleaseHandles();
            _dataset?.Dispose();
            _output.Dispose();
            throw;
        }
    }

    /// <summary>The years of the time axis, in order.</summary>
    public IReadOnlyList<int> Years { get; }

    private int AxisLength => _axis?.Values.Count ?? 1;

    /// <summary>Writes the (y, x) slice of <paramref name="variable"/> for the year at <paramref name="yearIndex"/>: row-major, row 0 northernmost.</summary>
    public void WriteSlice(string variable, int yearIndex, ReadOnlySpan<double> values) => WriteSlice(variable, yearIndex, 0, values);

    /// <summary>Writes the (y, x) slice of <paramref name="variable"/> for the year at <paramref name="yearIndex"/> and the extra axis' value at <paramref name="axisIndex"/> (0 without an axis).</summary>
    public void WriteSlice(string variable, int yearIndex, int axisIndex, ReadOnlySpan<double> values)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        if (!_arrays.TryGetValue(variable, out nint array))
        {
            throw new ArgumentException($"'{variable}' is not a variable of '{_path}' ({string.Join(", ", _variables)})", nameof(variable));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(yearIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(yearIndex, Years.Count);
        if (values.Length != _horizontal.CellCount)
        {
            throw new ArgumentException($"slice has {values.Length} values but the grid of '{_path}' has {_horizontal.CellCount} cells ({_horizontal.Columns} x {_horizontal.Rows})", nameof(values));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(axisIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(axisIndex, AxisLength);
        if (_axis is null)
        {
            MdHandles.Write(array, [(ulong)yearIndex, 0, 0], [1, (nuint)_horizontal.Rows, (nuint)_horizontal.Columns], values,
                $"{variable} for {Years[yearIndex]}", _path);
        }
        else
        {
            MdHandles.Write(array, [(ulong)yearIndex, (ulong)axisIndex, 0, 0], [1, 1, (nuint)_horizontal.Rows, (nuint)_horizontal.Columns], values,
                $"{variable} for {Years[yearIndex]}, {_axis.Name} {_axis.Values[axisIndex]}", _path);
        }

        _written[IndexOf(variable), (yearIndex * AxisLength) + axisIndex] = true;
    }

    /// <summary>Flushes and closes the file and moves it into place; throws if any slice was never written.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        var missing = new List<string>();
        for (int v = 0; v < _variables.Count; v++)
        {
            for (int t = 0; t < Years.Count * AxisLength; t++)
            {
                if (!_written[v, t])
                {
                    missing.Add(_axis is null ? $"{_variables[v]} {Years[t]}" : $"{_variables[v]} {Years[t / AxisLength]} {_axis.Name} {_axis.Values[t % AxisLength]}");
                }
            }
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"'{_path}' is incomplete; slices never written: {string.Join(", ", missing.Take(20))}{(missing.Count > 20 ? ", ..." : string.Empty)}");
        }

        ReleaseHandles();
        _dataset.Close();
        _output.Commit();
        _committed = true;
    }

    /// <summary>Releases everything; an uncommitted file is deleted.</summary>
    public void Dispose()
    {
        ReleaseHandles();
        _dataset.Dispose();
        _output.Dispose();
        _committed = true;
    }

    private static void Validate(CfHorizontalGrid horizontal, IReadOnlyList<string> variableNames, IReadOnlyList<int> years)
    {
        if (variableNames.Count == 0 || years.Count == 0)
        {
            throw new ArgumentException("a cube needs at least one variable and one year");
        }

        string[] reserved = [.. horizontal.ReservedNames];
        foreach (string name in variableNames)
        {
            if (string.IsNullOrWhiteSpace(name) || reserved.Contains(name, StringComparer.Ordinal) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
            {
                throw new ArgumentException($"'{name}' cannot be a NetCDF variable name here (use letters, digits and '_', not {string.Join(", ", reserved)})", nameof(variableNames));
            }
        }

        foreach (CfField f in horizontal.Fields)
        {
            if (f.Values.Length != horizontal.CellCount)
            {
                throw new ArgumentException($"field '{f.Name}' has {f.Values.Length} values for {horizontal.CellCount} cells", nameof(horizontal));
            }
        }

        if (variableNames.Distinct(StringComparer.Ordinal).Count() != variableNames.Count || years.Distinct().Count() != years.Count)
        {
            throw new ArgumentException("variable names and years must be unique");
        }
    }

    private int IndexOf(string variable)
    {
        for (int i = 0; i < _variables.Count; i++)
        {
            if (_variables[i] == variable)
            {
                return i;
            }
        }

        return -1;
    }

    private void ReleaseHandles()
    {
        foreach (nint array in _arrays.Values)
        {
            GdalNative.GDALMDArrayRelease(array);
        }

        _arrays.Clear();
        for (int i = _releases.Count - 1; i >= 0; i--)
        {
            _releases[i]();
        }

        _releases.Clear();
    }

    private partial void Define(IReadOnlyDictionary<string, string> globalAttributes,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? variableAttributes);
}
