using System.Diagnostics;

namespace GridEmissions.Cli.Tests.Commands;

/// <summary>Runs a system tool (mount, umount, …) for a test's setup: whether it succeeded, and its standard error.</summary>
internal static class ExternalTool
{
    internal static (bool Ok, string Stderr) Run(string tool, params string[] args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            string err = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode == 0, err);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, e.Message);
        }
    }
}
