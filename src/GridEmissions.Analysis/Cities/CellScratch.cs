namespace GridEmissions.Analysis;

/// <summary>
/// One thread's reusable buffers for <see cref="CityCells.Of"/>: the boundary marks of a city's
/// window (stamped, so never cleared between cities) and the ring clipper's coordinate buffers.
/// </summary>
internal sealed class CellScratch
{
    private int[] _marks = [];
    private int _stamp;

    /// <summary>The ring clipper's buffers.</summary>
    public CellRingClip Clip { get; } = new();

    /// <summary>A marks buffer of at least <paramref name="length"/> cells; no cell holds a stamp handed out later.</summary>
    public int[] Marks(int length)
    {
        if (_marks.Length < length)
        {
            _marks = new int[Math.Max(length, 2 * _marks.Length)];
            _stamp = 0;
        }

        return _marks;
    }

    /// <summary>A stamp no cell of the buffer holds yet (call after <see cref="Marks"/>).</summary>
    public int NextStamp()
    {
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_marks);
            _stamp = 0;
        }

        return ++_stamp;
    }
}
