using GridEmissions.Core.Allocation;

namespace GridEmissions.Core.Projection;

/// <summary>What a projection did: the audit, the pattern indicators, and the models' notes.</summary>
public sealed record ProjectionResult(IReadOnlyList<AuditRow> Audit, IReadOnlyList<PatternRow> Patterns, IReadOnlyList<string> Notes);
