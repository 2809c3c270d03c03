namespace GridEmissions.Core.Sectors;

/// <summary>An emitting sector: its id in scenario files and outputs, names and source kind.</summary>
public sealed record Sector(string Id, string NameEn, string NameZh, SourceKind Kind);
