using System.Globalization;
using System.Reflection;
using GridEmissions.Core.Grids;
using GridEmissions.Gdal.Native;

namespace GridEmissions.Gdal;

/// <summary>Definition of the cube's dimensions, coordinate variables, grid mapping and attributes.</summary>
public sealed partial class NetCdfCubeWriter
{
    /// <summary>Name of the grid-mapping variable every sector variable refers to.</summary>
    public const string GridMappingName = "crs";

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
            ["grid"] = _grid.Name,
            ["grid_cell_size_m"] = _grid.CellSizeMetres.ToString("R", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in globalAttributes)
        {
            globals[key] = value;
        }

        foreach (var (key, value) in globals)
        {
            MdHandles.WriteStringAttribute(root, ownerIsGroup: true, key, value, _path);
        }

        nint time = Dimension(root, "time", "TEMPORAL", null, Years.Count);
        nint y = Dimension(root, "y", "HORIZONTAL_Y", "SOUTH", _grid.Rows);
        nint x = Dimension(root, "x", "HORIZONTAL_X", "EAST", _grid.Columns);

        Coordinate(root, time, "time", Years.Select(TimeValue).ToArray(), new()
        {
            ["standard_name"] = "time",
            ["long_name"] = "start of the calendar year",
            ["units"] = "days since 1970-01-01",
            ["calendar"] = "standard",
            ["axis"] = "T",
        });
        Coordinate(root, y, "y", Enumerable.Range(0, _grid.Rows).Select(r => _grid.MaxY - (r + 0.5) * _grid.CellSizeMetres).ToArray(), new()
        {
            ["standard_name"] = "projection_y_coordinate",
            ["long_name"] = "y coordinate of cell centre",
            ["units"] = "m",
            ["axis"] = "Y",
        });
        Coordinate(root, x, "x", Enumerable.Range(0, _grid.Columns).Select(c => _grid.MinX + (c + 0.5) * _grid.CellSizeMetres).ToArray(), new()
        {
            ["standard_name"] = "projection_x_coordinate",
            ["long_name"] = "x coordinate of cell centre",
            ["units"] = "m",
            ["axis"] = "X",
        });

        DefineGridMapping(root);
        string block = $"BLOCKSIZE=1,{_grid.Rows},{_grid.Columns}";
        foreach (string name in _variables)
        {
            nint array = CreateArray(root, name, [time, y, x], ["COMPRESS=DEFLATE", "ZLEVEL=6", block]);
            _arrays[name] = array;
            if (_fillValue is double fill && GdalNative.GDALMDArraySetNoDataValueAsDouble(array, fill) == 0)
            {
                throw GdalException.FromLastError($"setting _FillValue of '{name}' in", _path);
            }
            var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["units"] = DefaultUnits,
                ["long_name"] = $"{name} CO2 emissions",
                ["grid_mapping"] = GridMappingName,
            };
            if (variableAttributes?.GetValueOrDefault(name) is { } given)
            {
                foreach (var (key, value) in given)
                {
                    attributes[key] = value;
                }
            }

            foreach (var (key, value) in attributes)
            {
                MdHandles.WriteStringAttribute(array, ownerIsGroup: false, key, value, _path);
            }
        }
    }

    /// <summary>
    /// The scalar "crs" grid-mapping variable with CF's albers_conical_equal_area parameters and
    /// the WKT (as crs_wkt for CF readers and spatial_ref for GDAL).
    /// </summary>
    private void DefineGridMapping(nint root)
    {
        nint crs = CreateArray(root, GridMappingName, [], [], GdalNative.GDT_Int32);
        _releases.Add(() => GdalNative.GDALMDArrayRelease(crs));
        MdHandles.WriteStringAttribute(crs, ownerIsGroup: false, "grid_mapping_name", "albers_conical_equal_area", _path);
        MdHandles.WriteDoubleAttribute(crs, "standard_parallel", [25, 47], _path);
        MdHandles.WriteDoubleAttribute(crs, "longitude_of_central_meridian", [105], _path);
        MdHandles.WriteDoubleAttribute(crs, "latitude_of_projection_origin", [0], _path);
        MdHandles.WriteDoubleAttribute(crs, "false_easting", [0], _path);
        MdHandles.WriteDoubleAttribute(crs, "false_northing", [0], _path);
        MdHandles.WriteDoubleAttribute(crs, "semi_major_axis", [6378137], _path);
        MdHandles.WriteDoubleAttribute(crs, "inverse_flattening", [298.257223563], _path);
        MdHandles.WriteDoubleAttribute(crs, "longitude_of_prime_meridian", [0], _path);
        MdHandles.WriteStringAttribute(crs, ownerIsGroup: false, "long_name", ChinaAlbers.Name, _path);
        MdHandles.WriteStringAttribute(crs, ownerIsGroup: false, "crs_wkt", ChinaAlbers.Wkt, _path);
        MdHandles.WriteStringAttribute(crs, ownerIsGroup: false, "spatial_ref", ChinaAlbers.Wkt, _path);
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

    private nint Dimension(nint root, string name, string type, string? direction, int size)
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

    private void Coordinate(nint root, nint dimension, string name, double[] values, Dictionary<string, string> attributes)
    {
        nint array = CreateArray(root, name, [dimension], []);
        _releases.Add(() => GdalNative.GDALMDArrayRelease(array));
        foreach (var (key, value) in attributes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            MdHandles.WriteStringAttribute(array, ownerIsGroup: false, key, value, _path);
        }

        // A NetCDF variable named like its dimension is that dimension's coordinate variable.
        MdHandles.Write(array, [0], [(nuint)values.Length], values, $"coordinate '{name}'", _path);
    }
}
