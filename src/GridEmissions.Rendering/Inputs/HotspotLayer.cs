using GridEmissions.Core.Grids;
using NetTopologySuite.Geometries;

namespace GridEmissions.Rendering;

/// <summary>A hotspot zone: a polygon (grid CRS) with a name, its total emissions and the places it covers.</summary>
/// <param name="Geometry">Zone outline.</param>
/// <param name="Name">Zone name, e.g. "Z1": the map label.</param>
/// <param name="TotalTonnes">Total, t CO2/yr, shown in the zone table.</param>
/// <param name="Places">Where it is, e.g. "安阳市 Anyang, 鹤壁市 Hebi", shown in the zone table; empty when unknown.</param>
public sealed record HotspotZone(Geometry Geometry, string Name, double TotalTonnes, string Places = "")
{
    /// <summary>The zone's label text, e.g. "Z1: 12.3 Mt".</summary>
    public string Label => $"{Name}: {QuantityFormat.Tonnes(TotalTonnes)}";
}

/// <summary>
/// Getis-Ord Gi* classes per cell, row-major as <see cref="GridSpec"/> defines it: −3, −2, −1 are
/// cold spots at 99, 95, 90 % confidence, 0 not significant, 1, 2, 3 hot spots at 90, 95, 99 %;
/// <see cref="NoData"/> marks cells outside the region.
/// </summary>
/// <param name="Grid">The grid.</param>
/// <param name="GiClass">One class per cell.</param>
/// <param name="Zones">Hotspot zones to outline and label.</param>
/// <param name="Provinces">Province outlines, or null.</param>
/// <param name="Cities">City boundaries and labels (so the reader sees which city a zone sits on), or null.</param>
public sealed record HotspotLayer(GridSpec Grid, sbyte[] GiClass, IReadOnlyList<HotspotZone> Zones, IReadOnlyList<ProvinceOutline>? Provinces = null, BoundaryLayer? Cities = null)
{
    /// <summary>The class value of a cell without data.</summary>
    public const sbyte NoData = sbyte.MinValue;

    /// <summary>Throws when the classes do not match the grid or are out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Grid);
        ArgumentNullException.ThrowIfNull(GiClass);
        ArgumentNullException.ThrowIfNull(Zones);
        if (GiClass.Length != Grid.CellCount)
        {
            throw new ArgumentException($"grid '{Grid.Name}' has {Grid.CellCount} cells but {GiClass.Length} Gi* classes were given");
        }

        int bad = Array.FindIndex(GiClass, c => c != NoData && (c < -3 || c > 3));
        if (bad >= 0)
        {
            throw new ArgumentException($"Gi* class {GiClass[bad]} at cell {bad} is outside −3..3");
        }
    }
}
