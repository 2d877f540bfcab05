using System.Globalization;

namespace RweStats.Figures;

/// <summary>
/// How a figure looks: journal column width, type size, colours and which layers are drawn. Start from a preset
/// (<see cref="SingleColumn"/>, <see cref="DoubleColumn"/>) and change what differs with "with".
/// Widths follow the common journal grid: 85 mm for one column, 175 mm for the full page width.
/// </summary>
public sealed record FigureStyle
{
    /// <summary>Single-column figure width, mm.</summary>
    public const double SingleColumnMm = 85;
    /// <summary>Double-column (full page width) figure width, mm.</summary>
    public const double DoubleColumnMm = 175;

    /// <summary>Figure width; the height follows from the panel grid.</summary>
    public double WidthMm { get; init; } = DoubleColumnMm;
    /// <summary>Height of one panel; null: panel width × <see cref="PanelAspect"/>.</summary>
    public double? PanelHeightMm { get; init; }
    /// <summary>Panel height as a fraction of its width, when <see cref="PanelHeightMm"/> is null.</summary>
    public double PanelAspect { get; init; } = 0.8;
    /// <summary>Base type size; journals ask for 7–9 pt at print size.</summary>
    public double FontSizePt { get; init; } = 8;
    /// <summary>Series, ink and band colours; default Okabe–Ito (colour-blind safe).</summary>
    public FigurePalette Palette { get; init; } = FigurePalette.OkabeIto;
    /// <summary>A thin line joining each subject's visits.</summary>
    public bool ShowTrajectories { get; init; } = true;
    /// <summary>The subjects' lines drawn lighter (a third of their usual opacity), for busy panels of hundreds of subjects.</summary>
    public bool LightTrajectories { get; init; }
    /// <summary>What the subjects are, plural, as the legend names them: "Individual patients", "Individual trees".</summary>
    public string SubjectNoun { get; init; } = "patients";
    /// <summary>The observations as jittered points.</summary>
    public bool ShowPoints { get; init; } = true;
    /// <summary>A box plot (median, quartiles, whiskers) per visit.</summary>
    public bool ShowBoxes { get; init; } = true;
    /// <summary>Quantile definition of the boxes (R's type, 1–9): the same as the descriptive tables.</summary>
    public int QuantileType { get; init; } = Descriptives.Quantiles.DefaultType;
    /// <summary>LS means with 95 % CI (from the mixed model) beside each box, when the panel has them.</summary>
    public bool ShowLsMeans { get; init; } = true;
    /// <summary>A legend under the panels.</summary>
    public bool ShowLegend { get; init; } = true;
    /// <summary>How p-values on the brackets are printed.</summary>
    public PValueFormat PValueFormat { get; init; } = PValueFormat.Bounded;
    /// <summary>Seed of the horizontal jitter of points: the same seed places every point at the same spot.</summary>
    public int JitterSeed { get; init; } = 1;
    /// <summary>Total jitter width as a fraction of the distance between neighbouring visits.</summary>
    public double JitterWidth { get; init; } = 0.22;
    /// <summary>Axis title under the visits (e.g. "Month"); null: none, the visit labels speak for themselves.</summary>
    public string? VisitAxisTitle { get; init; }
    /// <summary>Space between neighbouring panels, mm.</summary>
    public double PanelGapMm { get; init; } = 4;

    /// <summary>The single-column preset: 85 mm wide, 7 pt type.</summary>
    public static FigureStyle SingleColumn => new() { WidthMm = SingleColumnMm, FontSizePt = 7, PanelAspect = 0.95 };
    /// <summary>The double-column preset: 175 mm wide, 8 pt type.</summary>
    public static FigureStyle DoubleColumn => new() { WidthMm = DoubleColumnMm, FontSizePt = 8 };

    /// <summary>The same style in the greyscale palette (journals printing without colour).</summary>
    public FigureStyle Greyscale() => this with { Palette = FigurePalette.Greyscale };

    /// <summary><see cref="WidthMm"/> in points (1/72 inch).</summary>
    public double WidthPt => FigureUnits.MmToPt(WidthMm);
    /// <summary>Legend entries and p-value labels: a point smaller than the base size, never under 6 pt.</summary>
    public double SmallFontPt => Math.Max(6, FontSizePt - 1);

    /// <exception cref="RweStatsInputException">A size is out of range, the subject noun is empty or the palette has no series colours.</exception>
    /// <summary>Checks every size against its admissible range.</summary>
    public void Validate()
    {
        static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        if (!(WidthMm >= 40 && WidthMm <= 500)) throw new RweStatsInputException($"figure width {F(WidthMm)} mm is outside 40–500 mm; journals use 85 (single column) or 175 (double)");
        if (!(FontSizePt >= 5 && FontSizePt <= 14)) throw new RweStatsInputException($"font size {F(FontSizePt)} pt is outside 5–14 pt; journals ask for 7–9 pt");
        if (PanelHeightMm is { } h && !(h >= 20 && h <= 400)) throw new RweStatsInputException($"panel height {F(h)} mm is outside 20–400 mm");
        if (!(PanelAspect >= 0.2 && PanelAspect <= 3)) throw new RweStatsInputException($"panel aspect {F(PanelAspect)} is outside 0.2–3");
        if (!(JitterWidth >= 0 && JitterWidth <= 0.6)) throw new RweStatsInputException($"jitter width {F(JitterWidth)} is outside 0–0.6 of the visit spacing");
        if (!(PanelGapMm >= 0 && PanelGapMm <= 30)) throw new RweStatsInputException($"panel gap {F(PanelGapMm)} mm is outside 0–30 mm");
        if (string.IsNullOrWhiteSpace(SubjectNoun)) throw new RweStatsInputException("the subject noun of the legend is empty");
        if (Palette.Series.Count == 0) throw new RweStatsInputException("the palette has no series colours");
    }
}

/// <summary>Print units: figures are laid out in points (1/72 inch), journals give sizes in millimetres.</summary>
internal static class FigureUnits
{
    public const double PointsPerInch = 72;
    public const double MillimetersPerInch = 25.4;

    public static double MmToPt(double mm) => mm * PointsPerInch / MillimetersPerInch;
    public static double PtToMm(double pt) => pt * MillimetersPerInch / PointsPerInch;
}
