using GridEmissions.Core.Tabular;

namespace GridEmissions.Core.Scenarios;

/// <summary>Reads a scenario file's text through <see cref="TextDecoding"/>, logging an encoding problem at its line.</summary>
internal static class InputText
{
    public static string? Read(string file, ProblemLog log)
    {
        DecodedText decoded;
        try
        {
            decoded = TextDecoding.Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Add(0, "the scenario file cannot be read: " + e.Message, "check that it is a readable file.");
            return null;
        }

        if (decoded.Text is null)
        {
            log.Add(decoded.Line, decoded.Problem, decoded.Fix);
        }

        return decoded.Text;
    }
}
