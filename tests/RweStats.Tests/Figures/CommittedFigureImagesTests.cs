using RweStats.Figures;
using RweStats.Workflow;
using SkiaSharp;

namespace RweStats.Tests.Figures;

/// <summary>
/// The PNGs committed in figures/ are what the code draws today: each is regenerated in memory from its spec (as
/// `./rwestats replicate` and `./rwestats plot data/fev.json` do, 600 dpi) and compared pixel by pixel.
/// Tolerance: same size; at most 0.01 % of pixels differ by more than 32 (of 255) in a channel, and the mean
/// difference is at most 0.25. Anti-aliasing may round differently on another CPU (SkiaSharp's SIMD paths), which
/// moves a few edge pixels by a few levels; a moved label, a missing line or another colour changes thousands of
/// pixels by far more (a p-value label at 7 pt covers about 5,000 pixels at 600 dpi), and fails.
/// </summary>
[LongRunning(34)]
public class CommittedFigureImagesTests
{
    const int Dpi = 600;

    public static TheoryData<string, string> Figures() => new()
    {
        { "belimumab.json", "figure1_biomarkers_SYNTHETIC" },
        { "belimumab.json", "sledai_prednisone" },
        { "belimumab.json", "sledai_trajectories" },
        { "belimumab.json", "sledai_residuals" },
        { "fev.json", "fev_by_arm" },
    };

    static readonly Dictionary<string, Lazy<IReadOnlyList<(FigureSpec Spec, IFigure Figure)>>> Studies = new()
    {
        ["belimumab.json"] = new(() => StudyFigures.Build(StudyAnalysis.Run(AnalysisSpecReader.Load(RepoPaths.Data("belimumab.json"))))),
        ["fev.json"] = new(() => StudyFigures.Build(StudyAnalysis.Run(AnalysisSpecReader.Load(RepoPaths.Data("fev.json"))))),
    };

    [Theory]
    [MemberData(nameof(Figures))]
    public void Committed_png_matches_its_regenerated_self(string spec, string name)
    {
        var figure = Studies[spec].Value.Single(f => f.Spec.Name == name).Figure;
        var committedPath = Path.Combine(RepoPaths.Root, "figures", name + ".png");
        using var committed = SKBitmap.Decode(committedPath);
        Assert.True(committed is not null, $"{committedPath} is missing or not a PNG");
        using var fresh = SKBitmap.Decode(FigureWriter.ToPng(figure, Dpi));
        Assert.Equal((committed.Width, committed.Height), (fresh.Width, fresh.Height));
        var (far, mean) = Compare(committed, fresh);
        long pixels = (long)fresh.Width * fresh.Height;
        Assert.True(far <= pixels / 10_000 && mean <= 0.25,
            $"figures/{name}.png differs from what the code draws: {far} of {pixels} pixels differ by more than 32, mean difference {mean:F3}; regenerate with ./rwestats replicate --pdf and ./rwestats plot data/fev.json --out figures --pdf");
    }

    [Fact]
    public void The_tolerance_catches_a_changed_label()
    {
        // The residual figure with one word changed in a panel title: the comparison must fail.
        var figure = (ResidualDiagnosticsFigure)Studies["belimumab.json"].Value.Single(f => f.Spec.Name == "sledai_residuals").Figure;
        using var committed = SKBitmap.Decode(Path.Combine(RepoPaths.Root, "figures", "sledai_residuals.png"));
        using var changed = SKBitmap.Decode(FigureWriter.ToPng(figure with { Outcome = "SELENA-SLEDAI-2K" }, Dpi));
        Assert.Equal((committed.Width, committed.Height), (changed.Width, changed.Height));
        var (far, _) = Compare(committed, changed);
        Assert.True(far > (long)changed.Width * changed.Height / 10_000, $"only {far} pixels differ");
    }

    /// <summary>Pixels whose largest channel difference exceeds 32, and the mean absolute channel difference.</summary>
    static (long far, double mean) Compare(SKBitmap a, SKBitmap b)
    {
        using var ca = a.Copy(SKColorType.Rgba8888);
        using var cb = b.Copy(SKColorType.Rgba8888);
        var pa = ca.GetPixelSpan();
        var pb = cb.GetPixelSpan();
        long far = 0, sum = 0;
        for (int i = 0; i < pa.Length; i += 4)
        {
            int d = 0;
            for (int c = 0; c < 3; c++)
            {
                int x = Math.Abs(pa[i + c] - pb[i + c]);
                sum += x;
                if (x > d) d = x;
            }
            if (d > 32) far++;
        }
        return (far, sum / (pa.Length / 4.0 * 3));
    }
}
