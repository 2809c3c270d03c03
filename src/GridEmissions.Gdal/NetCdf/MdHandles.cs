using GridEmissions.Gdal.Native;

namespace GridEmissions.Gdal;

/// <summary>Small helpers over GDAL multidimensional handles (attributes, 1-D writes) for <see cref="NetCdfCubeWriter"/>.</summary>
internal static class MdHandles
{
    public static unsafe void WriteStringAttribute(nint owner, bool ownerIsGroup, string name, string value, string path)
    {
        nint type = GdalNative.GDALExtendedDataTypeCreateString(0);
        try
        {
            GdalErrors.Reset();
            nint attribute = ownerIsGroup
                ? GdalNative.GDALGroupCreateAttribute(owner, name, 0, null, type, 0)
                : GdalNative.GDALMDArrayCreateAttribute(owner, name, 0, null, type, 0);
            if (attribute == 0)
            {
                throw GdalException.FromLastError($"creating attribute '{name}' in", path);
            }

            int ok = GdalNative.GDALAttributeWriteString(attribute, value);
            GdalNative.GDALAttributeRelease(attribute);
            if (ok == 0)
            {
                throw GdalException.FromLastError($"writing attribute '{name}' in", path);
            }
        }
        finally
        {
            GdalNative.GDALExtendedDataTypeRelease(type);
        }
    }

    /// <summary>Writes a numeric attribute: a scalar for one value, else a 1-D array.</summary>
    public static unsafe void WriteDoubleAttribute(nint array, string name, double[] values, string path)
    {
        nint type = GdalNative.GDALExtendedDataTypeCreate(GdalNative.GDT_Float64);
        try
        {
            ulong size = (ulong)values.Length;
            GdalErrors.Reset();
            nint attribute = GdalNative.GDALMDArrayCreateAttribute(array, name, values.Length == 1 ? 0u : 1u, values.Length == 1 ? null : &size, type, 0);
            if (attribute == 0)
            {
                throw GdalException.FromLastError($"creating attribute '{name}' in", path);
            }

            int ok;
            fixed (double* v = values)
            {
                ok = values.Length == 1
                    ? GdalNative.GDALAttributeWriteDouble(attribute, values[0])
                    : GdalNative.GDALAttributeWriteDoubleArray(attribute, v, (nuint)values.Length);
            }

            GdalNative.GDALAttributeRelease(attribute);
            if (ok == 0)
            {
                throw GdalException.FromLastError($"writing attribute '{name}' in", path);
            }
        }
        finally
        {
            GdalNative.GDALExtendedDataTypeRelease(type);
        }
    }

    /// <summary>Writes a block of float64 values at <paramref name="start"/> with extent <paramref name="count"/>.</summary>
    public static unsafe void Write(nint array, ReadOnlySpan<ulong> start, ReadOnlySpan<nuint> count, ReadOnlySpan<double> values, string what, string path)
    {
        nint type = GdalNative.GDALExtendedDataTypeCreate(GdalNative.GDT_Float64);
        try
        {
            GdalErrors.Reset();
            fixed (ulong* s = start)
            fixed (nuint* c = count)
            fixed (double* v = values)
            {
                if (GdalNative.GDALMDArrayWrite(array, s, c, null, null, type, v, v, (nuint)(values.Length * sizeof(double))) == 0)
                {
                    throw GdalException.FromLastError($"writing {what} to", path);
                }
            }
        }
        finally
        {
            GdalNative.GDALExtendedDataTypeRelease(type);
        }
    }
}
