namespace GridEmissions.Core.Projection;

/// <summary>The largest positive cells of a grid, found by selection (O(n)), not by sorting.</summary>
public static class TopCells
{
    /// <summary>
    /// The indices, ascending, of the <paramref name="count"/> largest positive cells (ties at the
    /// threshold: lowest index first). The threshold is the count-th largest positive value, found
    /// by a histogram of the values' leading bits and a quickselect within the one bucket that holds
    /// it; the cells are exactly those of a full descending sort.
    /// </summary>
    public static int[] Select(ReadOnlySpan<double> cells, int count)
    {
        // The bits of a positive double, read as an integer, grow with its value: a histogram of their top 16 bits
        // (sign, exponent, 4 bits of mantissa) finds the bucket holding the count-th largest value in one pass, and
        // only that bucket's values are copied for the selection.
        var histogram = new int[1 << 16];
        int positives = 0;
        foreach (double v in cells)
        {
            if (v > 0)
            {
                positives++;
                histogram[Bucket(v)]++;
            }
        }

        if (positives == 0 || count <= 0)
        {
            return [];
        }

        count = Math.Min(count, positives);
        int bucket = histogram.Length - 1, inHigherBuckets = 0;
        while (inHigherBuckets + histogram[bucket] < count)
        {
            inHigherBuckets += histogram[bucket];
            bucket--;
        }

        var values = new double[histogram[bucket]];
        int k = 0;
        foreach (double v in cells)
        {
            if (v > 0 && Bucket(v) == bucket)
            {
                values[k++] = v;
            }
        }

        // the (count − inHigherBuckets)-th largest of the bucket, as an ascending rank within it
        double threshold = Nth(values, values.Length - (count - inHigherBuckets)); // the count-th largest positive value
        int above = 0;
        foreach (double v in cells)
        {
            if (v > threshold)
            {
                above++;
            }
        }

        int tiesWanted = count - above;
        var top = new int[count];
        int taken = 0;
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i] > threshold)
            {
                top[taken++] = i;
            }
            else if (cells[i] == threshold && tiesWanted > 0)
            {
                top[taken++] = i;
                tiesWanted--;
            }
        }

        return top;
    }

    // The value of ascending rank `rank` (0-based) of `a` (reordered in place): Hoare quickselect
    // with a median-of-three pivot, falling back to a sort of the remaining range when it degrades.
    private static double Nth(double[] a, int rank)
    {
        int lo = 0, hi = a.Length - 1, budget = 2 * (int)Math.Log2(a.Length + 1) + 8;
        while (hi > lo)
        {
            if (budget-- == 0 || hi - lo < 16)
            {
                Array.Sort(a, lo, hi - lo + 1);
                return a[rank];
            }

            int mid = lo + ((hi - lo) / 2);
            double pivot = Median(a[lo], a[mid], a[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (rank <= j)
            {
                hi = j;
            }
            else if (rank >= i)
            {
                lo = i;
            }
            else
            {
                return a[rank];
            }
        }

        return a[rank];
    }

    private static int Bucket(double positive) => (int)(BitConverter.DoubleToUInt64Bits(positive) >> 48);

    private static double Median(double x, double y, double z) =>
        Math.Max(Math.Min(x, y), Math.Min(Math.Max(x, y), z));
}
