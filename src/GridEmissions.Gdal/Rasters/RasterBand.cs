namespace GridEmissions.Gdal;

/// <summary>One band to write: its name (GDAL band description), row-major values on the grid, and metadata.</summary>
/// <param name="Name">Band description, e.g. the sector name.</param>
/// <param name="Values">Row-major values, row 0 northernmost, one per grid cell.</param>
/// <param name="Metadata">Band metadata, e.g. units and year.</param>
/// <param name="UnitType">GDAL unit type of the band (e.g. "t yr-1"), or null for none.</param>
public sealed record RasterBand(string Name, double[] Values, IReadOnlyDictionary<string, string> Metadata, string? UnitType = null);
