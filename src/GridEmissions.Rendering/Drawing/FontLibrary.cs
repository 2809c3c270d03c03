using SkiaSharp;

namespace GridEmissions.Rendering;

/// <summary>
/// The installed fonts, found by scanning the system font folders once (Skia's dependency-free
/// build has no fontconfig): family name and weight → typeface. Files are visited in ordinal order,
/// so the same machine always picks the same file. Typefaces are immutable and shared by threads.
/// </summary>
internal static class FontLibrary
{
    /// <summary>Families tried, in order, after the requested one: CJK (Latin and Chinese), then DejaVu Sans (subscripts, symbols).</summary>
    internal static readonly string[] FallbackFamilies = [FontSpec.CjkFamily, FontSpec.SymbolFamily];

    private static readonly string[] Extensions = [".ttf", ".otf", ".ttc", ".otc"];
    private static readonly Lazy<Dictionary<(string Family, bool Bold), SKTypeface>> Faces = new(Scan, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock ChainGate = new();
    private static readonly Dictionary<(string Family, bool Bold), SKTypeface[]> Chains = [];

    /// <summary>The folders scanned for fonts.</summary>
    internal static IEnumerable<string> Folders()
    {
        yield return "/usr/share/fonts";
        yield return "/usr/local/share/fonts";
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0)
        {
            yield return Path.Combine(home, ".local", "share", "fonts");
            yield return Path.Combine(home, ".fonts");
        }
    }

    /// <summary>The typeface of a family (bold or regular), or null when it is not installed.</summary>
    internal static SKTypeface? Find(string family, bool bold)
    {
        var faces = Faces.Value;
        string key = family.ToUpperInvariant();
        return faces.GetValueOrDefault((key, bold)) ?? (bold ? faces.GetValueOrDefault((key, false)) : null);
    }

    /// <summary>The fallback chain for a font: the requested family, then <see cref="FallbackFamilies"/>, each once, installed ones only.</summary>
    internal static SKTypeface[] Chain(FontSpec font)
    {
        lock (ChainGate)
        {
            if (Chains.TryGetValue((font.Family, font.Bold), out SKTypeface[]? chain))
            {
                return chain;
            }

            chain = [.. new[] { font.Family }.Concat(FallbackFamilies)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(f => Find(f, font.Bold))
                .OfType<SKTypeface>()
                .Distinct()];
            if (chain.Length == 0)
            {
                chain = [SKTypeface.Default];
            }

            Chains[(font.Family, font.Bold)] = chain;
            return chain;
        }
    }

    private static Dictionary<(string Family, bool Bold), SKTypeface> Scan()
    {
        SkiaLibrary.EnsureLoaded();
        var faces = new Dictionary<(string Family, bool Bold), SKTypeface>();
        var files = Folders()
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (string file in files)
        {
            bool collection = file.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".otc", StringComparison.OrdinalIgnoreCase);
            for (int index = 0; index < (collection ? 64 : 1); index++)
            {
                SKTypeface? face = SKTypeface.FromFile(file, index);
                if (face is null)
                {
                    break;
                }

                bool bold = face.FontStyle.Weight >= (int)SKFontStyleWeight.SemiBold;
                bool upright = face.FontStyle.Slant == SKFontStyleSlant.Upright;
                bool normalWidth = face.FontStyle.Width == (int)SKFontStyleWidth.Normal;
                bool regularWeight = bold || face.FontStyle.Weight is >= 350 and <= 500;
                var key = (face.FamilyName.ToUpperInvariant(), bold);
                if (upright && normalWidth && regularWeight && !faces.ContainsKey(key))
                {
                    faces[key] = face;
                }
                else
                {
                    face.Dispose();
                }
            }
        }

        return faces;
    }
}
