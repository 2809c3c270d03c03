namespace GridEmissions.Rendering;

/// <summary>Which names label the cities.</summary>
public enum LabelLanguage
{
    /// <summary>Chinese names.</summary>
    Zh,

    /// <summary>English names.</summary>
    En,

    /// <summary>Chinese above English.</summary>
    Both,
}

/// <summary>
/// Page furniture and output size of a map or chart. <see cref="Page"/> is in points; a PNG has
/// <c>Page.PixelWidth(Dpi)</c> × <c>Page.PixelHeight(Dpi)</c> pixels (use
/// <see cref="PageSize.FromPixels"/> to ask for an exact pixel size).
/// </summary>
/// <param name="Title">Title, e.g. "Henan CO₂ emissions 2030".</param>
/// <param name="Subtitle">Scenario, year, sector.</param>
/// <param name="Attribution">Data sources and tool version (one line, small).</param>
/// <param name="Language">City label language.</param>
/// <param name="Page">Page size; A4 landscape when null.</param>
/// <param name="Dpi">PNG resolution.</param>
/// <param name="Info">Document metadata; derived from the title when null.</param>
public sealed record MapStyle(
    string Title,
    string Subtitle = "",
    string Attribution = "",
    LabelLanguage Language = LabelLanguage.Both,
    PageSize? Page = null,
    double Dpi = 150,
    DocumentInfo? Info = null)
{
    /// <summary>The page size in effect.</summary>
    public PageSize PageSize => Page ?? PageSize.A4Landscape;

    /// <summary>The document metadata in effect.</summary>
    public DocumentInfo DocumentInfo => Info ?? new DocumentInfo(Title, Subtitle);
}
