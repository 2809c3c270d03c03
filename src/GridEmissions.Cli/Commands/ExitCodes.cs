namespace GridEmissions.Cli.Commands;

/// <summary>Documented exit codes of gridem.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A problem in the user's input (scenario, data, paths): the message says what and how to fix it.</summary>
    public const int InputError = 1;

    /// <summary>An internal error (a bug, or a conservation failure): please report it.</summary>
    public const int InternalError = 2;
}
