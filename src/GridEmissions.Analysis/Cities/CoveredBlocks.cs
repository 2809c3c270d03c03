namespace GridEmissions.Analysis;

/// <summary>
/// Which blocks of 512 consecutive cells (one 4 KiB page of doubles) hold a cell of some city run.
/// A cell outside every block is covered by no city, so its covered fraction is 0 without reading
/// it: the scans of the covered fractions visit the cities' blocks only, not the whole grid (whose
/// untouched pages would each cost a page fault to read).
/// </summary>
internal sealed class CoveredBlocks
{
    private const int Shift = 9;
    private readonly bool[] _touched;

    public CoveredBlocks(ReadOnlySpan<CoverageRun> runs, int cellCount)
    {
        _touched = new bool[(cellCount + (1 << Shift) - 1) >> Shift];
        foreach (CoverageRun r in runs)
        {
            if (r.Count > 0)
            {
                _touched.AsSpan(r.Cell >> Shift, ((r.Cell + r.Count - 1) >> Shift) - (r.Cell >> Shift) + 1).Fill(true);
            }
        }

        CellCount = cellCount;
    }

    /// <summary>Cells in the grid.</summary>
    public int CellCount { get; }

    /// <summary>The cell ranges [Start, End) of the touched blocks, adjacent blocks joined, ascending.</summary>
    public IEnumerable<(int Start, int End)> Ranges()
    {
        int b = 0;
        while (b < _touched.Length)
        {
            if (!_touched[b])
            {
                b++;
                continue;
            }

            int first = b;
            while (b < _touched.Length && _touched[b])
            {
                b++;
            }

            yield return (first << Shift, Math.Min(b << Shift, CellCount));
        }
    }
}
