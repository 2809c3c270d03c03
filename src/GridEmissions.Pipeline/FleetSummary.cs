using System.Text;

namespace GridEmissions.Pipeline;

/// <summary>
/// The point-source fleet's part of <c>summary.md</c>: for each GEM project status the expected
/// entering capacity (Σ probability × capacity) beside the seeded draw, and what each facility
/// override changed, taken from the run's notes (the same lines as in <c>run-log.txt</c>).
/// </summary>
public static class FleetSummary
{
    /// <summary>The section's Markdown; empty when the run has no pipeline projects and no overrides.</summary>
    public static string Text(IEnumerable<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var list = notes.ToList();
        var pipeline = list.Where(n => n.Contains(" pipeline ", StringComparison.Ordinal) && n.Contains("expected entering", StringComparison.Ordinal)).ToList();
        var overrides = list.Where(n => n.Contains(": override ", StringComparison.Ordinal)).ToList();
        if (pipeline.Count == 0 && overrides.Count == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        sb.Append('\n').Append("## Point-source fleet\n\n");
        if (pipeline.Count > 0)
        {
            sb.Append("Project pipeline by GEM status (expected entering capacity vs the seeded draw):\n\n");
            foreach (string n in pipeline)
            {
                sb.Append("- ").Append(n).Append('\n');
            }

            sb.Append('\n');
        }

        if (overrides.Count > 0)
        {
            sb.Append("Facility overrides (what each changed):\n\n");
            foreach (string n in overrides)
            {
                sb.Append("- ").Append(n).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
