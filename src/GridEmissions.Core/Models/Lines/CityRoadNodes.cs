namespace GridEmissions.Core.Models.Lines;

/// <summary>
/// The road proxy's nodes from the population on the grid: one node per city, at the centroid of its
/// urban residents (its built-up core; all residents when it has no urban cell), with the city's
/// residents as its mass. Cells count for the city that holds most of their area.
/// </summary>
public static class CityRoadNodes
{
    /// <summary>One node per city with residents, in the order of <see cref="CellGeography.Cities"/>.</summary>
    public static IReadOnlyList<RoadNode> From(CellGeography geography, double[] urbanResidents, double[] ruralResidents)
    {
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(urbanResidents);
        ArgumentNullException.ThrowIfNull(ruralResidents);
        int cities = geography.Cities.Count;
        var urban = new (double W, double X, double Y)[cities];
        var all = new (double W, double X, double Y)[cities];
        for (int i = 0; i < geography.Grid.CellCount; i++)
        {
            int c = geography.CellCity[i];
            if (c < 0)
            {
                continue;
            }

            var centre = geography.Grid.CellCentre(i);
            double x = centre.X, y = centre.Y;
            double u = urbanResidents[i], p = u + ruralResidents[i];
            urban[c] = (urban[c].W + u, urban[c].X + (u * x), urban[c].Y + (u * y));
            all[c] = (all[c].W + p, all[c].X + (p * x), all[c].Y + (p * y));
        }

        var nodes = new List<RoadNode>(cities);
        for (int c = 0; c < cities; c++)
        {
            var (w, x, y) = urban[c].W > 0 ? urban[c] : all[c];
            if (w > 0)
            {
                nodes.Add(new RoadNode(geography.Cities[c].NameEn, x / w, y / w, all[c].W));
            }
        }

        return nodes;
    }
}
