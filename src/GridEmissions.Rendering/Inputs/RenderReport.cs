namespace GridEmissions.Rendering;

/// <summary>What a render wrote and what it left out.</summary>
/// <param name="Files">Files written (final paths).</param>
/// <param name="DroppedLabels">Labels dropped because every position overlapped (keys, e.g. English city names).</param>
public sealed record RenderReport(IReadOnlyList<string> Files, IReadOnlyList<string> DroppedLabels);
