using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GridEmissions.Core.Allocation;

namespace GridEmissions.Core.Projection;

/// <summary>
/// The pattern indicators of every sector-year (<see cref="PatternRow"/>) against the sector's base
/// year, which is the first year a sector is seen: its shares (<see cref="BaseYearShares"/>) and its
/// top decile of cells (<see cref="TopCells"/>) are kept for the run. Each indicator is a sum in cell
/// order, as one pass over full grids would give it.
/// </summary>
public sealed class SectorPatterns
{
    private readonly Dictionary<string, (BaseYearShares Shares, int[] Top)> bases = new(StringComparer.Ordinal);

    /// <summary>True once the sector's base year is kept.</summary>
    public bool HasBase(string sectorId) => bases.ContainsKey(sectorId);

    /// <summary>Keeps a sector's base year: its shares and the ascending indices of its top-decile cells.</summary>
    public void AddBase(string sectorId, BaseYearShares shares, int[] top)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentNullException.ThrowIfNull(top);
        if (!bases.TryAdd(sectorId, (shares, top)))
        {
            throw new InvalidOperationException($"the base year of sector '{sectorId}' is already kept");
        }
    }

    /// <summary>1 ÷ target, or 0 for a zero target: what turns cells into shares.</summary>
    public static double Scale(double target) => target > 0 ? 1 / target : 0;

    /// <summary>The top decile of a base year: the largest tenth of the cells with emissions (at least one).</summary>
    public static int[] TopDecile(ReadOnlySpan<double> cells, int cellsUsed) => TopCells.Select(cells, Math.Max(1, cellsUsed / 10));

    /// <summary>
    /// The indicators of a sector-year, adding its cells to the year's <paramref name="total"/> in the same pass; the first
    /// year seen for a sector becomes its base. <paramref name="urban"/> is the year's urban mask (the proxy's, or a copy
    /// of it when the proxy may advance meanwhile); <paramref name="used"/> is the harmoniser's count of cells &gt; 0;
    /// <paramref name="corridorShare"/> is NaN except for transport.
    /// </summary>
    public PatternRow Row(int year, string sectorId, ReadOnlySpan<double> cells, ReadOnlySpan<bool> urban, int used, double target, double corridorShare, Span<double> total)
    {
        if (total.Length != cells.Length)
        {
            throw new ArgumentException($"the total has {total.Length} cells, the grid {cells.Length}", nameof(total));
        }

        if (urban.Length != cells.Length)
        {
            throw new ArgumentException($"the urban mask has {urban.Length} cells, the grid {cells.Length}", nameof(urban));
        }

        double scale = Scale(target);
        if (!bases.ContainsKey(sectorId))
        {
            AddBase(sectorId, BaseYearShares.Of(cells, scale), TopDecile(cells, used));
        }

        (BaseYearShares shares, int[] top) = bases[sectorId];
        double inTop = 0;
        foreach (int i in top)
        {
            inTop += cells[i] * scale;
        }

        double moved = shares.Moved(cells, scale);
        return new PatternRow(year, sectorId, inTop, InUrban(cells, urban, scale, total), corridorShare, moved / 2, used);
    }

    // Σ share over the urban cells in cell order, and total += cells in the same pass. Blocks of ±0
    // cells add ±0 to a sum that starts at +0, which changes nothing; the total's add is lane by lane (the scalar bits).
    private static double InUrban(ReadOnlySpan<double> cells, ReadOnlySpan<bool> urban, double scale, Span<double> total)
    {
        ReadOnlySpan<Vector256<double>> c = MemoryMarshal.Cast<double, Vector256<double>>(cells);
        Span<Vector256<double>> t = MemoryMarshal.Cast<double, Vector256<double>>(total);
        double inUrban = 0;
        int i = 0;
        for (; i + ZeroBlock.Width <= cells.Length; i += ZeroBlock.Width)
        {
            int v = i / Vector256<double>.Count;
            t[v] += c[v];
            t[v + 1] += c[v + 1];

            if (ZeroBlock.IsZero(cells, i))
            {
                continue;
            }

            for (int j = i; j < i + ZeroBlock.Width; j++)
            {
                if (urban[j])
                {
                    inUrban += cells[j] * scale;
                }
            }
        }

        for (; i < cells.Length; i++)
        {
            total[i] += cells[i];
            if (urban[i])
            {
                inUrban += cells[i] * scale;
            }
        }

        return inUrban;
    }
}
