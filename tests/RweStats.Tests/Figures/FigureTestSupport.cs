using RweStats.Figures;

namespace RweStats.Tests.Figures;

public static class TempDir
{
    public static string Create(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "rwestats-figures-" + name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
