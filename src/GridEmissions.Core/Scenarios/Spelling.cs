namespace GridEmissions.Core.Scenarios;

/// <summary>"Did you mean" suggestions: the nearest allowed word by Levenshtein distance.</summary>
internal static class Spelling
{
    /// <summary>Edit distance (insertions, deletions, substitutions) between two words, ignoring case.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The allowed word nearest to <paramref name="word"/>, or null when none is close enough to be a likely typo.</summary>
    public static string? Suggest(string word, IEnumerable<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        int limit = Math.Max(2, word.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in allowed)
        {
            int d = Distance(word, candidate);
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>A fix text: "did you mean 'x'? allowed …: a, b, c."</summary>
    public static string Fix(string word, IReadOnlyCollection<string> allowed, string what)
    {
        string list = string.Join(", ", allowed);
        string? suggestion = Suggest(word, allowed);
        return suggestion is null
            ? $"use one of the {what}s allowed here: {list}."
            : $"did you mean '{suggestion}'? {Capitalise(what)}s allowed here: {list}.";
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
