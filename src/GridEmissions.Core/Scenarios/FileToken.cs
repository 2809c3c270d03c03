namespace GridEmissions.Core.Scenarios;

/// <summary>
/// The rule for every piece of user data that becomes part of an output file or folder name
/// (scenario id, region, sub-folder names): ASCII letters, digits, '-', '_' and '.', starting with
/// a letter or digit, at most <see cref="MaxLength"/> characters. Nothing else can reach a path, so
/// no name built from user data can leave the output folder ("../x", "/etc/x", "C:\x").
/// </summary>
public static class FileToken
{
    /// <summary>Longest accepted token.</summary>
    public const int MaxLength = 64;

    /// <summary>What a valid token looks like (for fixes).</summary>
    public const string Rule = "letters, digits, '-', '_' and '.', starting with a letter or digit, at most 64 characters";

    /// <summary>True when <paramref name="value"/> is a safe file-name token.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !char.IsAsciiLetterOrDigit(value[0]))
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A suggested valid token derived from <paramref name="value"/> (for the fix of a message).</summary>
    public static string Suggest(string? value)
    {
        var chars = (value ?? string.Empty).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        string s = new string(chars).Trim('-', '.', '_');
        while (s.Contains("--", StringComparison.Ordinal))
        {
            s = s.Replace("--", "-", StringComparison.Ordinal);
        }

        s = s.Length > MaxLength ? s[..MaxLength] : s;
        return s.Length == 0 ? "my-scenario" : s;
    }
}
