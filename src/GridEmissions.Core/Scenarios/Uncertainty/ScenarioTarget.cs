using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace GridEmissions.Core.Scenarios.Uncertainty;

/// <summary>
/// Finds the value an uncertain parameter replaces in the scenario's YAML tree: keys joined by
/// dots; a list item is chosen by <c>[field=value]</c> (the item whose <c>field</c> is
/// <c>value</c>, e.g. <c>share_percent[year=2060]</c>) or by <c>[index]</c> (from 0).
/// </summary>
public static class ScenarioTarget
{
    /// <summary>Top-level keys a parameter may not change: they fix the run's identity, grid, years, seed and inputs, so every member stays on one grid.</summary>
    public static IReadOnlyList<string> Fixed { get; } = ["id", "title", "variant", "region", "provinces", "boundaries", "grid", "years", "seed", "inputs", "uncertainty"];

    /// <summary>The scalar at <paramref name="target"/>, or null with <paramref name="problem"/> saying which step fails and what exists there.</summary>
    public static YamlScalarNode? Resolve(YamlMappingNode root, string target, out string problem)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(target);
        problem = string.Empty;
        YamlNode node = root;
        string walked = string.Empty;
        string[] steps = target.Split('.');
        if (steps.Length == 0 || steps.Any(s => s.Length == 0))
        {
            problem = "it is not a path of keys joined by dots";
            return null;
        }

        if (Fixed.Contains(Key(steps[0]), StringComparer.Ordinal))
        {
            problem = $"'{Key(steps[0])}' fixes the run's identity, grid, years, seed or inputs and cannot vary between members";
            return null;
        }

        foreach (string step in steps)
        {
            string key = Key(step);
            if (node is not YamlMappingNode map)
            {
                problem = $"'{Shown(walked)}' is {YamlSection.Show(node)}, not a mapping with '{key}'";
                return null;
            }

            var child = map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && k.Value == key).Value;
            if (child is null)
            {
                var keys = map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty).ToList();
                problem = $"'{Shown(walked)}' has no '{key}' ({Spelling.Fix(key, keys, "key")})";
                return null;
            }

            walked = walked.Length == 0 ? key : walked + "." + key;
            node = child;
            int open = step.IndexOf('[', StringComparison.Ordinal);
            if (open >= 0)
            {
                if (!step.EndsWith(']'))
                {
                    problem = $"'{step}' has an unclosed '['";
                    return null;
                }

                string selector = step[(open + 1)..^1];
                node = Select(node, selector, walked, out problem)!;
                if (node is null)
                {
                    return null;
                }

                walked += "[" + selector + "]";
            }
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar;
        }

        problem = $"'{target}' is {YamlSection.Show(node)}, not a single value";
        return null;
    }

    private static YamlNode? Select(YamlNode node, string selector, string walked, out string problem)
    {
        problem = string.Empty;
        if (node is not YamlSequenceNode list)
        {
            problem = $"'{walked}' is {YamlSection.Show(node)}, not a list to pick [{selector}] from";
            return null;
        }

        if (int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            if (index < list.Children.Count)
            {
                return list.Children[index];
            }

            problem = $"'{walked}' has {list.Children.Count} items, so [{index}] does not exist (items count from 0)";
            return null;
        }

        int eq = selector.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            problem = $"[{selector}] is neither an index nor 'field=value'";
            return null;
        }

        string field = selector[..eq].Trim(), value = selector[(eq + 1)..].Trim().Trim('"');
        var matches = list.Children.OfType<YamlMappingNode>()
            .Where(m => m.Children.Any(kv => kv.Key is YamlScalarNode k && k.Value == field && kv.Value is YamlScalarNode v && v.Value == value))
            .ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        var present = list.Children.OfType<YamlMappingNode>()
            .SelectMany(m => m.Children.Where(kv => kv.Key is YamlScalarNode k && k.Value == field).Select(kv => (kv.Value as YamlScalarNode)?.Value))
            .Where(v => v is not null).ToList();
        problem = matches.Count == 0
            ? $"no item of '{walked}' has {field} = {value}" + (present.Count > 0 ? $" (it has {field} = {string.Join(", ", present)})" : $" (its items have no '{field}')")
            : $"{matches.Count} items of '{walked}' have {field} = {value}; the selector must pick one";
        return null;
    }

    private static string Key(string step)
    {
        int open = step.IndexOf('[', StringComparison.Ordinal);
        return open >= 0 ? step[..open] : step;
    }

    private static string Shown(string walked) => walked.Length == 0 ? "the top level" : walked;
}
