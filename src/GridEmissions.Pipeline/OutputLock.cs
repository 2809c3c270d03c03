using System.Globalization;

namespace GridEmissions.Pipeline;

/// <summary>
/// The lock file <c>.NAME.lock</c> beside an output folder, held open with an exclusive lock
/// (flock on Linux) for the whole run: a second run into the same folder fails at once with the
/// first one's PID. The operating system releases the lock when the process dies, even by kill -9,
/// so a stale lock file never blocks a later run.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    private const int ReadOnlyFileSystem = 30; // EROFS

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
            string holder = ReadHolder(path);
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
        return new OutputLock(stream, path);
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

    private static string ReadHolder(string path)
    {
        try
        {
            using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var r = new StreamReader(s);
            string text = r.ReadToEnd().Trim();
            return text.Length > 0 ? $" (PID {text})" : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
