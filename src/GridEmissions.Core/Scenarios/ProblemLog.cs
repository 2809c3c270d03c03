using YamlDotNet.RepresentationModel;

namespace GridEmissions.Core.Scenarios;

/// <summary>Collects the problems of one scenario file, each with its line.</summary>
internal sealed class ProblemLog(string file)
{
    private readonly List<ScenarioProblem> problems = [];

    public string File { get; } = file;

    public IReadOnlyList<ScenarioProblem> Problems => problems;

    public int Count => problems.Count;

    public static int LineOf(YamlNode node) => checked((int)node.Start.Line);

    public void Add(YamlNode? node, string message, string fix) =>
        problems.Add(new ScenarioProblem(File, node is null ? 0 : LineOf(node), message, fix));

    public void Add(int line, string message, string fix) =>
        problems.Add(new ScenarioProblem(File, line, message, fix));

    /// <summary>Problems ordered by line, then in the order found.</summary>
    public IReadOnlyList<ScenarioProblem> Sorted() =>
        problems.Select((p, i) => (p, i)).OrderBy(t => t.p.Line).ThenBy(t => t.i).Select(t => t.p).ToArray();
}
