using System.Globalization;

namespace RweStats.Cli;

/// <summary>
/// An output folder written as a set ("analyze --out DIR"): the files of a run are written into a staging folder
/// beside DIR (".DIR.PID.tmp"), and only when all of them are written is DIR replaced by it — the previous set moved
/// aside and removed, so DIR holds either the whole previous set or the whole new one, never files of two runs, and
/// files an earlier run wrote that this one does not (a classes.csv, a figure) are gone. A lock file beside DIR
/// (".DIR.lock") keeps a second run from writing the same folder at the same time: it is refused at once, before its
/// analysis. DIR may be absent, empty, or hold a previous set (listed in its <see cref="ManifestName"/>, or, for a set
/// written before the list existed, only the names analyze writes); a folder holding other files is refused rather
/// than replaced.
/// </summary>
public sealed class OutputSet : IDisposable
{
    /// <summary>The list of a set's files, written into it.</summary>
    public const string ManifestName = ".rwestats-outputs";

    /// <summary>The names analyze and replicate write (what an older set without a manifest may hold).</summary>
    static readonly HashSet<string> KnownNames =
        ["descriptives.csv", "classes.csv", "contrasts.csv", "fits.json", "report.md", "replication.csv", "figures", ManifestName];

    readonly string option;
    readonly FileStream lockFile;
    readonly string lockPath;
    bool committed;

    /// <summary>The folder the set is finally in.</summary>
    public string Directory { get; }
    /// <summary>Where the files of this run are written until <see cref="Commit"/>.</summary>
    public string Staging { get; }

    OutputSet(string option, string directory, string staging, FileStream lockFile, string lockPath)
    {
        this.option = option; Directory = directory; Staging = staging; this.lockFile = lockFile; this.lockPath = lockPath;
    }

    /// <summary>Takes the folder's lock, checks it holds nothing but an earlier set, and opens a staging folder.</summary>
    public static OutputSet Begin(string path, string option = "--out")
    {
        if (string.IsNullOrWhiteSpace(path)) throw new RweStatsInputException($"{option}: the folder is empty");
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var name = Path.GetFileName(full);
        var parent = Path.GetDirectoryName(full);
        if (string.IsNullOrEmpty(name) || parent is null) throw new RweStatsInputException($"{option} {path}: give a folder below the root (its files are replaced as a set)");
        if (File.Exists(full)) throw new RweStatsInputException($"{option} {path}: is a file; give a folder");
        try { System.IO.Directory.CreateDirectory(parent); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Unwritable(option, path, e); }
        var lockPath = Path.Combine(parent, $".{name}.lock");
        FileStream lockFile;
        try
        {
            // FileShare.None is an exclusive lock (flock) that the system releases when the process ends, killed or not.
            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException e) { throw Unwritable(option, path, e); }
        catch (IOException) when (File.Exists(lockPath))
        {
            throw new RweStatsInputException($"{option} {path}: another rwestats run is writing this folder (it holds {lockPath}); wait for it to end or give another folder");
        }
        catch (IOException e) { throw Unwritable(option, path, e); }
        try
        {
            if (System.IO.Directory.Exists(full)) RequireOnlyASet(option, path, full);
            OutputFile.RemoveStale(parent, name, "tmp");
            OutputFile.RemoveStale(parent, name, "old");
            var staging = Path.Combine(parent, $".{name}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.tmp");
            if (System.IO.Directory.Exists(staging)) System.IO.Directory.Delete(staging, true);
            System.IO.Directory.CreateDirectory(staging);
            return new OutputSet(option, full, staging, lockFile, lockPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Release(lockFile, lockPath);
            throw Unwritable(option, path, e);
        }
        catch
        {
            // A refused folder keeps nothing of this run beside it, not even the lock file.
            Release(lockFile, lockPath);
            throw;
        }
    }

    static void RequireOnlyASet(string option, string path, string full)
    {
        var manifest = Path.Combine(full, ManifestName);
        var ours = File.Exists(manifest) ? File.ReadAllLines(manifest).Where(l => l.Length > 0).Append(ManifestName).ToHashSet() : KnownNames;
        foreach (var entry in System.IO.Directory.EnumerateFileSystemEntries(full))
        {
            var entryName = Path.GetFileName(entry);
            if (ours.Contains(entryName)) continue;
            throw new RweStatsInputException(
                $"{option} {path}: the folder holds '{entryName}', which no earlier analysis wrote there; its files are replaced as a set, so give a new or empty folder");
        }
    }

    /// <summary>Replaces the folder by the staged set (the previous set removed).</summary>
    public void Commit()
    {
        try
        {
            File.WriteAllLines(Path.Combine(Staging, ManifestName), System.IO.Directory.EnumerateFileSystemEntries(Staging).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));
            var parent = Path.GetDirectoryName(Directory)!;
            var old = Path.Combine(parent, $".{Path.GetFileName(Directory)}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.old");
            bool hadPrevious = System.IO.Directory.Exists(Directory);
            // Two renames in one folder: the previous set aside, the new one in (no copy, no space needed).
            if (hadPrevious) System.IO.Directory.Move(Directory, old);
            try { System.IO.Directory.Move(Staging, Directory); }
            catch when (hadPrevious)
            {
                System.IO.Directory.Move(old, Directory);
                throw;
            }
            committed = true;
            if (hadPrevious) System.IO.Directory.Delete(old, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(option, Directory, e);
        }
    }

    static RweStatsInputException Unwritable(string option, string path, Exception e) =>
        new($"{option} {path}: cannot write: {(e is UnauthorizedAccessException ? "permission denied" : e.Message.Split(" : ")[0].Split('\n')[0].Trim().TrimEnd('.'))}");

    /// <summary>Removes the staging folder when the set was not committed, and releases the lock.</summary>
    public void Dispose()
    {
        if (!committed)
            try { if (System.IO.Directory.Exists(Staging)) System.IO.Directory.Delete(Staging, true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        Release(lockFile, lockPath);
    }

    /// <summary>Removes the lock file and releases the lock (the file is deleted while still held, so no other run takes it in between).</summary>
    static void Release(FileStream lockFile, string lockPath)
    {
        try { File.Delete(lockPath); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        lockFile.Dispose();
    }
}
