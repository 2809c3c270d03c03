namespace GridEmissions.Rendering;

/// <summary>
/// Metadata written into outputs: PDF document info (title, subject, keywords, creator), PNG tEXt
/// chunks and SVG &lt;title&gt;/&lt;desc&gt;. PDFs carry no dates (no /CreationDate or /ModDate), so
/// the same drawing gives byte-identical files whenever it is made.
/// </summary>
/// <param name="Title">Document title.</param>
/// <param name="Subject">What the document shows (units, CRS, year, sector, scenario).</param>
/// <param name="Keywords">Comma-separated keywords.</param>
/// <param name="Creator">Tool and version.</param>
public sealed record DocumentInfo(string Title, string Subject = "", string Keywords = "", string Creator = "GridEmissions");
