using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mono.Unix;

namespace RweStats.Cli;

/// <summary>
/// Writes an output file all at once: into a temporary file beside the target, renamed over it when complete, so a
/// failure leaves the previous file whole and no partial one. What is not a regular file is never replaced: a symbolic
/// link is followed (the file it names is written, the link stays), a device or a FIFO (/dev/null, /dev/stdout, a
/// named pipe) is written through, a folder is refused. A path the user cannot write to (a missing or read-only folder,
/// /proc, a full disk) is an input error naming the path and the reason (exit 2), never an internal error; the
/// temporary file is removed, and temporary files that an earlier run killed before its end left beside the target
/// (".NAME.PID.tmp" of a process no longer running) are removed at the next write.
/// </summary>
public static class OutputFile
{
    static readonly UTF8Encoding Utf8 = new(false);

    public static void WriteAtomically(string path, string content) => Write(path, writer => writer.Write(content));

    /// <summary>Writes what <paramref name="write"/> produces (streamed: nothing of it need be held in memory).</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        var (target, throughNode) = Target(path);
        if (throughNode)
        {
            Guard(path, null, () =>
            {
                using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                using var writer = new StreamWriter(stream, Utf8, 1 << 16);
                write(writer);
            });
            return;
        }
        var dir = Path.GetDirectoryName(target)!;
        RemoveStale(dir, Path.GetFileName(target));
        var tmp = Path.Combine(dir, $".{Path.GetFileName(target)}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.tmp");
        Guard(path, tmp, () =>
        {
            using (var writer = new StreamWriter(new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None), Utf8, 1 << 16))
                write(writer);
            File.Move(tmp, target, overwrite: true);
        });
    }

    /// <summary>The file to write (a symbolic link followed), and whether it is a node written through rather than replaced.</summary>
    static (string target, bool throughNode) Target(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new RweStatsInputException("--out: the path is empty");
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full) && !IsSymbolicLink(full))
            throw new RweStatsInputException($"--out {path}: is a folder; name a file in it");
        if (IsSymbolicLink(full))
        {
            // Followed deliberately: the user named the link, so the file it points to gets the output.
            var final = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
            if (Directory.Exists(final)) throw new RweStatsInputException($"--out {path}: links to a folder ({final}); name a file");
            full = final;
        }
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
            throw new RweStatsInputException(File.Exists(dir) || AncestorIsFile(dir)
                ? $"--out {path}: '{AncestorFile(dir)}' is a file, not a folder"
                : $"--out {path}: folder '{dir}' does not exist");
        return (full, File.Exists(full) && !IsRegularFile(full));
    }

    static bool AncestorIsFile(string dir) => AncestorFile(dir) is not null;
    static string? AncestorFile(string dir)
    {
        for (var d = dir; !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
            if (File.Exists(d)) return d;
        return null;
    }

    /// <summary>Runs the write; the user's path problems become one-line input errors, the temporary file removed.</summary>
    static void Guard(string path, string? tmp, Action write)
    {
        try { write(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Delete(tmp);
            string reason = e switch
            {
                UnauthorizedAccessException => "permission denied",
                // The temporary file could not be created: a folder that takes no new files (/proc, /sys).
                FileNotFoundException or DirectoryNotFoundException => $"folder '{Path.GetDirectoryName(Path.GetFullPath(path))}' does not take new files",
                _ => e.Message.Split(" : ")[0].Split('\n')[0].Trim().TrimEnd('.'),
            };
            throw new RweStatsInputException($"--out {path}: cannot write: {reason}");
        }
        catch
        {
            Delete(tmp);
            throw;
        }
    }

    static void Delete(string? path)
    {
        if (path is null) return;
        try { File.Delete(path); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Removes ".NAME.PID.tmp" (a file or a folder) in <paramref name="dir"/> left by a run of ours that ended before
    /// renaming it (killed, power lost): its process is no longer running.
    /// </summary>
    public static void RemoveStale(string dir, string name, string suffix = "tmp")
    {
        IEnumerable<string> candidates;
        try { candidates = Directory.EnumerateFileSystemEntries(dir, $".{name}.*.{suffix}").ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        foreach (var candidate in candidates)
        {
            var middle = Path.GetFileName(candidate)[(name.Length + 2)..^(suffix.Length + 1)];
            if (!int.TryParse(middle, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsRunning(pid)) continue;
            try
            {
                if (Directory.Exists(candidate) && !IsSymbolicLink(candidate)) Directory.Delete(candidate, true);
                else File.Delete(candidate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    static bool IsSymbolicLink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>A regular file (not a device, FIFO or socket): only a regular file is replaced by renaming.</summary>
    static bool IsRegularFile(string path) =>
        OperatingSystem.IsWindows() || UnixFileSystemInfo.GetFileSystemEntry(path).IsRegularFile;
}
