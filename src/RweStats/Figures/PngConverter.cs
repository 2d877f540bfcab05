using System.Diagnostics;
using System.Globalization;

namespace RweStats.Figures;

/// <summary>What became of a PNG conversion: written, not possible here (no converter), or the converter failed.</summary>
public abstract record PngResult
{
    public sealed record Written(string Path) : PngResult;
    public sealed record Unavailable(string Message) : PngResult;
    public sealed record Failed(string Message) : PngResult;
}

/// <summary>
/// PNG through librsvg's rsvg-convert (Debian/Ubuntu package librsvg2-bin, Homebrew librsvg), run on the SVG we
/// wrote. RweStats does not rasterise itself: a bitmap renderer would need native libraries that cannot be
/// restored everywhere, and rsvg renders our SVG faithfully. When rsvg-convert is not on PATH the result says so.
/// </summary>
public static class PngConverter
{
    public const string Tool = "rsvg-convert";
    public const string InstallHint = "install librsvg (Debian/Ubuntu: apt-get install librsvg2-bin; macOS: brew install librsvg) or use the SVG or PDF output";

    /// <summary>Full path of rsvg-convert found on <paramref name="searchPath"/> (default: the PATH variable), or null.</summary>
    public static string? Locate(string? searchPath = null)
    {
        var path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        var names = OperatingSystem.IsWindows() ? new[] { Tool + ".exe", Tool } : new[] { Tool };
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir.Trim('"'), name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    public static bool IsAvailable => Locate() is not null;

    /// <summary>Converts an SVG file to PNG at <paramref name="dpi"/> (300 is the usual journal minimum for line art with points; 600 for pure line art).</summary>
    public static PngResult Convert(string svgPath, string pngPath, int dpi = 300, TimeSpan? timeout = null, string? searchPath = null)
    {
        if (dpi < 36 || dpi > 2400) throw new ArgumentOutOfRangeException(nameof(dpi), "dpi must be within 36–2400");
        var tool = Locate(searchPath);
        if (tool is null) return new PngResult.Unavailable($"PNG output needs {Tool}, which is not on PATH; {InstallHint}");
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var d = dpi.ToString(CultureInfo.InvariantCulture);
        foreach (var a in new[] { "--format", "png", "--dpi-x", d, "--dpi-y", d, "--background-color", "white", "--output", pngPath, svgPath })
            start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start);
            if (process is null) return new PngResult.Failed($"{Tool} could not be started");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit((int)(timeout ?? TimeSpan.FromSeconds(60)).TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                return new PngResult.Failed($"{Tool} did not finish within the time limit");
            }
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(pngPath))
                return new PngResult.Failed($"{Tool} exited with code {process.ExitCode}: {stderr.Result.Trim()}");
            _ = stdout.Result;
            return new PngResult.Written(pngPath);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new PngResult.Unavailable($"{Tool} could not be run ({e.Message}); {InstallHint}");
        }
    }
}
