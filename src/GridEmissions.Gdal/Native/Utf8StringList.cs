using System.Runtime.InteropServices;

namespace GridEmissions.Gdal.Native;

/// <summary>
/// A NULL-terminated <c>char**</c> list of UTF-8 strings in unmanaged memory, for GDAL option
/// lists (creation, open and layer options). Freed on dispose.
/// </summary>
internal sealed class Utf8StringList : IDisposable
{
    private readonly nint[] _strings;
    private nint _array;

    public Utf8StringList(IEnumerable<string>? items)
    {
        _strings = (items ?? []).Select(Marshal.StringToCoTaskMemUTF8).ToArray();
        _array = Marshal.AllocHGlobal(nint.Size * (_strings.Length + 1));
        for (int i = 0; i < _strings.Length; i++)
        {
            Marshal.WriteIntPtr(_array, i * nint.Size, _strings[i]);
        }

        Marshal.WriteIntPtr(_array, _strings.Length * nint.Size, 0);
    }

    /// <summary>The <c>char**</c>, valid until dispose.</summary>
    public nint Pointer => _array != 0 ? _array : throw new ObjectDisposedException(nameof(Utf8StringList));

    public void Dispose()
    {
        if (_array == 0)
        {
            return;
        }

        foreach (nint s in _strings)
        {
            Marshal.FreeCoTaskMem(s);
        }

        Marshal.FreeHGlobal(_array);
        _array = 0;
    }

    /// <summary>Reads a NULL-terminated <c>char**</c> owned by GDAL (does not free it).</summary>
    public static List<string> Read(nint list)
    {
        var result = new List<string>();
        if (list == 0)
        {
            return result;
        }

        for (int i = 0; ; i++)
        {
            nint s = Marshal.ReadIntPtr(list, i * nint.Size);
            if (s == 0)
            {
                return result;
            }

            result.Add(Marshal.PtrToStringUTF8(s) ?? string.Empty);
        }
    }

    /// <summary>Reads a GDAL <c>NAME=VALUE</c> list into an ordinal, ordered dictionary.</summary>
    public static IReadOnlyDictionary<string, string> ReadNameValues(nint list)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string item in Read(list))
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                result[item[..eq]] = item[(eq + 1)..];
            }
            else
            {
                result[item] = string.Empty;
            }
        }

        return result;
    }

    /// <summary>A string GDAL owns (never freed here), or empty for NULL.</summary>
    public static string ReadOwned(nint s) => s == 0 ? string.Empty : Marshal.PtrToStringUTF8(s) ?? string.Empty;

    /// <summary>A string the caller owns: read, then freed with <c>VSIFree</c>.</summary>
    public static string ReadAndFree(nint s)
    {
        if (s == 0)
        {
            return string.Empty;
        }

        try
        {
            return Marshal.PtrToStringUTF8(s) ?? string.Empty;
        }
        finally
        {
            GdalNative.VSIFree(s);
        }
    }
}
