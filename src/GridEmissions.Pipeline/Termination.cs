using System.Runtime.InteropServices;

namespace GridEmissions.Pipeline;

/// <summary>
/// SIGTERM and SIGINT (Ctrl-C): the temporary folders of the output directories being written are
/// removed, their locks released, a message printed, and the process exits 143 (SIGTERM) or 130
/// (SIGINT). A folder already committed stays: commits and the handler exclude each other.
/// </summary>
public static class Termination
{
    private static readonly List<OutputDirectory> Active = [];
    private static readonly List<PosixSignalRegistration> Registrations = [];
    private static volatile bool stopping;
    private static Action<string> report = m => Console.Error.WriteLine(m);

    /// <summary>Held while a commit or the signal handler runs.</summary>
    internal static object Gate { get; } = new();

    /// <summary>Installs the handlers (once, from <c>Main</c>); <paramref name="reporter"/> prints the message.</summary>
    public static void Install(Action<string> reporter)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        report = reporter;
        if (Registrations.Count == 0 && (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
            Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        }
    }

    /// <summary>True once SIGTERM/SIGINT was received: the handler is removing the temporary folders and will end the process.</summary>
    public static bool Stopping => stopping;

    /// <summary>
    /// After a signal, blocks the calling thread until the handler has ended the process with 130/143: the work the
    /// signal interrupted (which fails with <see cref="OperationCanceledException"/> or on its vanished temporary
    /// folder) must neither print an error, write a crash log nor exit with another code first. Returns at once otherwise.
    /// </summary>
    public static void AwaitExitIfStopping()
    {
        if (stopping)
        {
            Thread.Sleep(Timeout.Infinite);
        }
    }

    /// <summary>Thrown into the writing code once a signal has been received.</summary>
    internal static void ThrowIfStopping()
    {
        if (stopping)
        {
            throw new OperationCanceledException("the run was stopped by a signal.");
        }
    }

    internal static void Register(OutputDirectory output)
    {
        lock (Gate)
        {
            Active.Add(output);
        }
    }

    internal static void Unregister(OutputDirectory output)
    {
        lock (Gate)
        {
            Active.Remove(output);
        }
    }

    private static void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        string name = context.Signal == PosixSignal.SIGINT ? "SIGINT (Ctrl-C)" : "SIGTERM";
        int code = context.Signal == PosixSignal.SIGINT ? 130 : 143;
        var removed = new List<string>();
        lock (Gate)
        {
            stopping = true;
            foreach (OutputDirectory output in Active)
            {
                if (!output.Committed)
                {
                    output.RemoveStaging();
                    removed.Add(output.Target);
                }

                output.ReleaseLock();
            }
        }

        report(removed.Count > 0
            ? $"stopped by {name}: nothing was written to {string.Join(", ", removed)} (the unfinished temporary folder was removed); exit code {code}."
            : $"stopped by {name}; exit code {code}.");

        // The signal may have cut HDF5 off in the middle of a write: its exit handler would then touch a half-closed
        // file (the temporary folder is gone already) and crash, so the native exit handlers are skipped (Linux).
        Gdal.Native.ProcessExit.SkippingNativeHandlers(code);
        Environment.Exit(code);
    }
}
