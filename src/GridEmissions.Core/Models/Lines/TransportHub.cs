namespace GridEmissions.Core.Models.Lines;

/// <summary>
/// A transport hub whose sector emissions are placed at its own cell: an airport (mode
/// <c>aviation</c>, weight = its route count) or a port (mode <c>shipping</c>, weight from its
/// harbour size class). Location in grid CRS metres.
/// </summary>
/// <param name="Name">Name, for notes.</param>
/// <param name="Mode">"aviation" or "shipping" (a key of <see cref="Scenarios.LineModelSpec.Hubs"/>).</param>
/// <param name="X">Easting, grid CRS metres.</param>
/// <param name="Y">Northing, grid CRS metres.</param>
/// <param name="Weight">Relative activity of the hub within its mode (≥ 0).</param>
public sealed record TransportHub(string Name, string Mode, double X, double Y, double Weight);
