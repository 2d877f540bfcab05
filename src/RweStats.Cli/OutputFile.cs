namespace RweStats.Cli;

/// <summary>Writes output all at once: to a temporary file beside the target, renamed into place, so a failure leaves nothing half-written.</summary>
public static class OutputFile
{
    public static void WriteAtomically(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
            throw new RweStatsInputException($"--out {path}: folder '{dir}' does not exist");
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(tmp, content);
        File.Move(tmp, full, overwrite: true);
    }
}
