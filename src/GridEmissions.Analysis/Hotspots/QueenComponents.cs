using GridEmissions.Core.Grids;

namespace GridEmissions.Analysis;

/// <summary>Connected components of marked cells under queen (8-neighbour) adjacency.</summary>
internal static class QueenComponents
{
    /// <summary>Components as ascending cell-index arrays, in order of their lowest cell index.</summary>
    public static List<int[]> Find(GridSpec grid, ReadOnlySpan<bool> marked)
    {
        var label = new int[grid.CellCount];
        var components = new List<int[]>();
        var stack = new Stack<int>();
        var members = new List<int>();
        for (int seed = 0; seed < grid.CellCount; seed++)
        {
            if (!marked[seed] || label[seed] != 0)
            {
                continue;
            }

            int id = components.Count + 1;
            members.Clear();
            label[seed] = id;
            stack.Push(seed);
            while (stack.Count > 0)
            {
                int cell = stack.Pop();
                members.Add(cell);
                int c = grid.ColumnOf(cell), r = grid.RowOf(cell);
                for (int dr = -1; dr <= 1; dr++)
                {
                    for (int dc = -1; dc <= 1; dc++)
                    {
                        int cc = c + dc, rr = r + dr;
                        if (cc < 0 || rr < 0 || cc >= grid.Columns || rr >= grid.Rows)
                        {
                            continue;
                        }

                        int next = (rr * grid.Columns) + cc;
                        if (marked[next] && label[next] == 0)
                        {
                            label[next] = id;
                            stack.Push(next);
                        }
                    }
                }
            }

            var array = members.ToArray();
            Array.Sort(array);
            components.Add(array);
        }

        return components;
    }
}
