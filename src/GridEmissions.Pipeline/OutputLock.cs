using System.Globalization;

namespace GridEmissions.Pipeline;

/// <summary>
/// The lock file <c>.NAME.lock</c> beside an output folder, held open with an exclusive lock
/// (flock on Linux) for the whole run: a second run into the same folder fails at once with the
/// first one's PID, host and start time, which the holder writes to the sidecar <c>.NAME.lock.holder</c>
/// (see <see cref="LockHolder"/>: the held lock file itself cannot be opened by another process). The
/// operating system releases the lock when the process dies, even by kill -9, so a stale lock file
/// never blocks a later run, and a stale holder file is never believed.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    private const int ReadOnlyFileSystem = 30; // EROFS

    // How long a refused run waits for the holder file of the run that has the lock (it is written just after the lock is taken).
    private const int HolderAttempts = 20;
    private const int HolderWaitMs = 50;

    private readonly FileStream stream;
    private bool released;

    private OutputLock(FileStream stream, string path)
    {
        this.stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Takes the lock of output <paramref name="name"/> in <paramref name="parent"/>, or fails with an <see cref="InputError"/>.</summary>
    public static OutputLock Acquire(string parent, string name)
    {
        string path = System.IO.Path.Combine(parent, $".{name}.lock");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (System.IO.File.Exists(path))
        {
            string holder = DescribeHolder(path);
            throw new InputError(System.IO.Path.Combine(parent, name), $"another gridem run{holder} is writing this output directory right now (lock file {path}).",
                "wait for it to finish, or choose another --out.");
        }
        catch (Exception e) when (e is UnauthorizedAccessException || e is IOException { HResult: ReadOnlyFileSystem })
        {
            // Permission denied, or a read-only file system (EROFS comes as an IOException): no file can be made beside --out.
            throw new InputError(parent, $"the folder of the output cannot be written, so gridem cannot make its lock file there ({e.Message}).", "choose an --out in a folder you can write to (on a writable disk).");
        }

        stream.SetLength(0);
        byte[] pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        stream.Write(pid);
        stream.Flush();
        var held = new OutputLock(stream, path);
        try
        {
            LockHolder.Current().Write(path);
        }
        catch
        {
            held.Dispose();
            throw;
        }

        return held;
    }

    /// <summary>Removes the lock file and releases the lock.</summary>
    public void Dispose()
    {
        if (released)
        {
            return;
        }

        released = true;
        try
        {
            // The holder file first: while the lock file exists and is held, no other run can write one.
            System.IO.File.Delete(Path + LockHolder.Suffix);
            System.IO.File.Delete(Path + LockHolder.TemporarySuffix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            System.IO.File.Delete(Path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        stream.Dispose();
    }

    /// <summary>
    /// " (PID …, on …, started …)" for the run holding the lock at <paramref name="path"/>, or nothing when no live
    /// holder is recorded (a holder file of a dead run is not believed; the one of a run that has just taken the lock is
    /// waited for briefly).
    /// </summary>
    private static string DescribeHolder(string path)
    {
        for (int attempt = 0; attempt < HolderAttempts; attempt++)
        {
            if (LockHolder.Read(path) is LockHolder holder && holder.IsAlive())
            {
                return $" ({holder.Describe()})";
            }

            Thread.Sleep(HolderWaitMs);
        }

        return string.Empty;
    }
}
