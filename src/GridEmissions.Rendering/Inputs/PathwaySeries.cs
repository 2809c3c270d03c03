namespace GridEmissions.Rendering;

/// <summary>One sector's emissions over the years, Mt CO2/yr (negative for sinks and removals).</summary>
/// <param name="Sector">Sector name.</param>
/// <param name="ValuesMt">One value per year.</param>
public sealed record SectorSeries(string Sector, double[] ValuesMt);

/// <summary>
/// A region's pathway: years, per-sector values (stacked in this order, first at the bottom), an
/// optional target line and the peak year (computed from the total when null).
/// </summary>
/// <param name="Years">Years, increasing.</param>
/// <param name="Sectors">Sectors.</param>
/// <param name="TargetMt">Target or reference pathway, one value per year, or null.</param>
/// <param name="PeakYear">Peak year, or null to take the year of the largest total.</param>
/// <param name="TargetLabel">Legend label of the target line.</param>
public sealed record PathwaySeries(int[] Years, IReadOnlyList<SectorSeries> Sectors, double[]? TargetMt = null, int? PeakYear = null, string TargetLabel = "Target")
{
    /// <summary>Legend label of the black line (Σ of all series): "Net total" when sinks are among the series, else say it is gross.</summary>
    public string TotalLabel { get; init; } = "Net total";

    /// <summary>Gross emissions (Σ of the positive series) drawn as a second line, or null.</summary>
    public double[]? GrossMt { get; init; }

    /// <summary>Legend label of the gross line.</summary>
    public string GrossLabel { get; init; } = "Gross emissions";

    /// <summary>Net total per year (sum over sectors).</summary>
    public double[] TotalMt()
    {
        var total = new double[Years.Length];
        foreach (SectorSeries s in Sectors)
        {
            for (int i = 0; i < total.Length; i++)
            {
                total[i] += s.ValuesMt[i];
            }
        }

        return total;
    }

    /// <summary>Index of the peak year in <see cref="Years"/>.</summary>
    public int PeakIndex()
    {
        if (PeakYear is int y)
        {
            int i = Array.IndexOf(Years, y);
            return i >= 0 ? i : throw new ArgumentException($"peak year {y} is not one of the series' years");
        }

        double[] t = TotalMt();
        return Array.IndexOf(t, t.Max());
    }

    /// <summary>Throws when lengths disagree or years do not increase.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Years);
        ArgumentNullException.ThrowIfNull(Sectors);
        if (Years.Length < 2 || Years.Zip(Years.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException("a pathway needs at least two strictly increasing years");
        }

        SectorSeries? bad = Sectors.FirstOrDefault(s => s.ValuesMt.Length != Years.Length);
        if (bad is not null)
        {
            throw new ArgumentException($"sector '{bad.Sector}' has {bad.ValuesMt.Length} values for {Years.Length} years");
        }

        if (TargetMt is not null && TargetMt.Length != Years.Length)
        {
            throw new ArgumentException($"the target has {TargetMt.Length} values for {Years.Length} years");
        }
    }
}
