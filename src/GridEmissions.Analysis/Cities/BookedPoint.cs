namespace GridEmissions.Analysis;

/// <summary>
/// A point source's emissions in one grid cell, booked to the city that holds the point rather
/// than split over the cell's area (see <see cref="FacilityCityLocator"/>).
/// </summary>
/// <param name="CellIndex">Index of the cell carrying the emissions.</param>
/// <param name="CityIndex">Index into <see cref="CityCoverage.Cities"/>, or -1 when the point lies in (and near) no city.</param>
/// <param name="Tonnes">Emissions, t CO2/yr.</param>
public readonly record struct BookedPoint(int CellIndex, int CityIndex, double Tonnes);
