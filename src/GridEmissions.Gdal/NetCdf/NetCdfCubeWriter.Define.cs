using System.Globalization;
using System.Reflection;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal.Native;

namespace GridEmissions.Gdal;

/// <summary>Definition of the cube's dimensions, coordinate variables, grid mapping and attributes.</summary>
public sealed partial class NetCdfCubeWriter
{
    /// <summary>Name of the grid-mapping variable every sector variable refers to.</summary>
    public const string GridMappingName = CfGrids.GridMappingName;

    private static readonly DateOnly Epoch = new(1970, 1, 1);

    /// <summary>Days since 1970-01-01 of 1 January of <paramref name="year"/>: the time coordinate of that year's slice.</summary>
    public static double TimeValue(int year) => new DateOnly(year, 1, 1).DayNumber - Epoch.DayNumber;

    private partial void Define(IReadOnlyDictionary<string, string> globalAttributes,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? variableAttributes)
    {
        nint root = Keep(GdalNative.GDALDatasetGetRootGroup(_dataset.Handle), "the root group", GdalNative.GDALGroupRelease);
        var globals = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Conventions"] = "CF-1.8",
            ["source"] = $"GridEmissions {ToolVersion()} (GDAL {GdalLibrary.Version})",
        };
        foreach (var (key, value) in globalAttributes)
        {
            globals[key] = value;
        }

        foreach (var (key, value) in globals)
        {
            MdHandles.WriteStringAttribute(root, ownerIsGroup: true, key, value, _path);
        }

        CfHorizontalGrid h = _horizontal;
        bool yDescends = h.Rows > 1 && h.Y.Values[1] < h.Y.Values[0];
        nint time = Dimension(root, "time", "TEMPORAL", null, Years.Count);
        nint nv = Dimension(root, "nv", null, null, 2);
        nint y = Dimension(root, h.Y.Name, "HORIZONTAL_Y", yDescends ? "SOUTH" : "NORTH", h.Rows);
        nint x = Dimension(root, h.X.Name, "HORIZONTAL_X", "EAST", h.Columns);

        Coordinate(root, time, nv, "time", [.. Years.Select(TimeValue)], [.. Years.SelectMany(yr => new[] { TimeValue(yr), TimeValue(yr + 1) })], new Dictionary<string, string>
        {
            ["standard_name"] = "time",
            ["long_name"] = "time (start of the calendar year; time_bnds spans the year each slice holds)",
            ["units"] = "days since 1970-01-01",
            ["calendar"] = "standard",
            ["axis"] = "T",
        });
        nint extra = 0;
        if (_axis is not null)
        {
            extra = Dimension(root, _axis.Name, null, null, _axis.Values.Count);
            Coordinate(root, extra, nv, _axis.Name, [.. _axis.Values], null, _axis.Attributes);
        }

        Coordinate(root, y, nv, h.Y.Name, h.Y.Values, h.Y.Bounds, h.Y.Attributes);
        Coordinate(root, x, nv, h.X.Name, h.X.Values, h.X.Bounds, h.X.Attributes);
        if (h.Mapping is not null)
        {
            DefineGridMapping(root, h.Mapping);
        }

        foreach (CfField field in h.Fields)
        {
            nint array = CreateArray(root, field.Name, [y, x], ["COMPRESS=DEFLATE", "ZLEVEL=6"]);
            _releases.Add(() => GdalNative.GDALMDArrayRelease(array));
            WriteAttributes(array, field.Attributes);
            MdHandles.Write(array, [0, 0], [(nuint)h.Rows, (nuint)h.Columns], field.Values, $"field '{field.Name}'", _path);
        }

        string block = _axis is null ? $"BLOCKSIZE=1,{h.Rows},{h.Columns}" : $"BLOCKSIZE=1,1,{h.Rows},{h.Columns}";
        nint[] dims = _axis is null ? [time, y, x] : [time, extra, y, x];
        foreach (string name in _variables)
        {
            nint array = CreateArray(root, name, dims, ["COMPRESS=DEFLATE", "ZLEVEL=6", block]);
            _arrays[name] = array;
            if (_fillValue is double fill && GdalNative.GDALMDArraySetNoDataValueAsDouble(array, fill) == 0)
            {
                throw GdalException.FromLastError($"setting _FillValue of '{name}' in", _path);
            }

            var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["units"] = DefaultUnits,
                ["long_name"] = $"{name} CO2 emissions",
            };
            if (h.Mapping is not null)
            {
                attributes["grid_mapping"] = h.Mapping.Name;
            }

            if (h.Coordinates is not null)
            {
                attributes["coordinates"] = h.Coordinates;
            }

            if (h.CellMeasures is not null)
            {
                attributes["cell_measures"] = h.CellMeasures;
            }

            if (variableAttributes?.GetValueOrDefault(name) is { } given)
            {
                foreach (var (key, value) in given)
                {
                    attributes[key] = value;
                }
            }

            WriteAttributes(array, attributes);
        }
    }

    /// <summary>The scalar grid-mapping variable with its CF parameters and WKT (crs_wkt for CF readers, spatial_ref for GDAL).</summary>
    private void DefineGridMapping(nint root, CfGridMapping mapping)
    {
        nint crs = CreateArray(root, mapping.Name, [], [], GdalNative.GDT_Int32);
        _releases.Add(() => GdalNative.GDALMDArrayRelease(crs));
        foreach (var (key, value) in mapping.Text.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            MdHandles.WriteStringAttribute(crs, ownerIsGroup: false, key, value, _path);
        }

        foreach (var (key, value) in mapping.Numbers.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            MdHandles.WriteDoubleAttribute(crs, key, value, _path);
        }
    }

    private void WriteAttributes(nint array, IReadOnlyDictionary<string, string> attributes)
    {
        foreach (var (key, value) in attributes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            MdHandles.WriteStringAttribute(array, ownerIsGroup: false, key, value, _path);
        }
    }

    private static string ToolVersion() =>
        typeof(NetCdfCubeWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    private nint Keep(nint handle, string what, Action<nint> release)
    {
        if (handle == 0)
        {
            throw GdalException.FromLastError($"creating {what} in", _path);
        }

        _releases.Add(() => release(handle));
        return handle;
    }

    private nint Dimension(nint root, string name, string? type, string? direction, int size)
    {
        GdalErrors.Reset();
        return Keep(GdalNative.GDALGroupCreateDimension(root, name, type, direction, (ulong)size, 0), $"dimension '{name}'", GdalNative.GDALDimensionRelease);
    }

    private unsafe nint CreateArray(nint root, string name, nint[] dimensions, string[] options, int dataType = GdalNative.GDT_Float64)
    {
        nint type = GdalNative.GDALExtendedDataTypeCreate(dataType);
        try
        {
            using var list = new Utf8StringList(options);
            GdalErrors.Reset();
            fixed (nint* dims = dimensions)
            {
                nint array = GdalNative.GDALGroupCreateMDArray(root, name, (nuint)dimensions.Length, dims, type, list.Pointer);
                if (array == 0)
                {
                    throw GdalException.FromLastError($"creating variable '{name}' in", _path);
                }

                return array;
            }
        }
        finally
        {
            GdalNative.GDALExtendedDataTypeRelease(type);
        }
    }

    private void Coordinate(nint root, nint dimension, nint nv, string name, double[] values, double[]? bounds, IReadOnlyDictionary<string, string> attributes)
    {
        nint array = CreateArray(root, name, [dimension], []);
        _releases.Add(() => GdalNative.GDALMDArrayRelease(array));
        var all = new Dictionary<string, string>(attributes, StringComparer.Ordinal);
        if (bounds is not null)
        {
            if (bounds.Length != 2 * values.Length)
            {
                throw new ArgumentException($"'{name}' has {values.Length} values but {bounds.Length} bounds (two per value)", nameof(bounds));
            }

            all["bounds"] = name + "_bnds";
        }

        WriteAttributes(array, all);

        // A NetCDF variable named like its dimension is that dimension's coordinate variable.
        MdHandles.Write(array, [0], [(nuint)values.Length], values, $"coordinate '{name}'", _path);
        if (bounds is not null)
        {
            nint b = CreateArray(root, name + "_bnds", [dimension, nv], []);
            _releases.Add(() => GdalNative.GDALMDArrayRelease(b));
            MdHandles.Write(b, [0, 0], [(nuint)values.Length, 2], bounds, $"bounds of '{name}'", _path);
        }
    }
}
