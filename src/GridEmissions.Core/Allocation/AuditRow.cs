namespace GridEmissions.Core.Allocation;

/// <summary>One row of the mass-balance audit: a region × sector × year allocation and its checks.</summary>
public sealed record AuditRow(
    string Region,
    string Scenario,
    int Year,
    string SectorId,
    double TargetTonnes,
    double AllocatedTonnes,
    double ResidualTonnes,
    double RelativeError,
    int FacilityCount,
    int RetiredCount,
    int CellsUsed,
    int NegativeCells,
    int NonFiniteCells)
{
    /// <summary>Which model rule gave way to meet the target, and by how much (point sectors; empty when none did).</summary>
    public string Closure { get; init; } = string.Empty;

    /// <summary>Sign of the sector: <see cref="Emitting"/> (cells ≥ 0), <see cref="Sink"/> (cells ≤ 0) or <see cref="OffGrid"/> (no cell).</summary>
    public string Sign { get; init; } = Emitting;

    /// <summary>Cells above zero (a sink sector must have none; <see cref="SinkAudit"/> counts them).</summary>
    public int PositiveCells { get; init; }

    /// <summary>Cells of the wrong sign: negative cells of an emitting sector, positive cells of a sink.</summary>
    public int WrongSignCells => Sign == Sink ? PositiveCells : NegativeCells;

    /// <summary>Sign of emitting sectors.</summary>
    public const string Emitting = "emitting";

    /// <summary>Sign of sink and removal sectors.</summary>
    public const string Sink = "sink";

    /// <summary>"Sign" of the off-grid row: counted in the total, on no cell (<see cref="OffGridAudit"/>).</summary>
    public const string OffGrid = "off_grid";

    /// <summary>True when the row conserves its target and has no cell of the wrong sign and no non-finite cell.</summary>
    public bool Passes => RelativeError <= Harmonizer.RelativeTolerance && WrongSignCells == 0 && NonFiniteCells == 0;

    /// <summary>CSV header of the audit table.</summary>
    public const string CsvHeader = "region,scenario,year,sector,target_t,allocated_t,residual_t,relative_error,facility_count,retired_count,cells_used,negative_cells,nonfinite_cells,passes,closure,sign,wrong_sign_cells";

    /// <summary>The row as CSV (invariant culture, round-trip numbers).</summary>
    public string ToCsv() => FormattableString.Invariant(
        $"{Region},{Scenario},{Year},{SectorId},{TargetTonnes:R},{AllocatedTonnes:R},{ResidualTonnes:R},{RelativeError:E6},{FacilityCount},{RetiredCount},{CellsUsed},{NegativeCells},{NonFiniteCells},{(Passes ? "true" : "false")},{Quoted(Closure)},{Sign},{WrongSignCells}");

    private static string Quoted(string s) => s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
