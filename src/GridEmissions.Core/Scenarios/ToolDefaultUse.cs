namespace GridEmissions.Core.Scenarios;

/// <summary>A parameter the scenario left out and the tool filled in (its provenance is <see cref="Provenance.ToolDefault"/>).</summary>
/// <param name="Parameter">Dotted path of the parameter, e.g. <c>sectors.power.model.lifetime_years</c>.</param>
/// <param name="Value">The value used, as text.</param>
public sealed record ToolDefaultUse(string Parameter, string Value)
{
    /// <summary>Always <see cref="Provenance.ToolDefault"/>.</summary>
    public Provenance Provenance => Provenance.ToolDefault;
}
