namespace RweStats.Figures;

/// <summary>
/// Colours of a figure. <see cref="Series"/> colours visits (boxes, points) or categories (spaghetti lines), in order.
/// </summary>
public sealed record FigurePalette(string Name, IReadOnlyList<FigureColor> Series, FigureColor Ink, FigureColor Trajectory, FigureColor Band, double BandOpacity)
{
    /// <summary>
    /// Okabe &amp; Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
    /// Ordered blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow (yellow last: it is faint on
    /// white), black.
    /// </summary>
    public static FigurePalette OkabeIto => new("okabe-ito",
        new[] { "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000" }.Select(FigureColor.FromHex).ToArray(),
        FigureColor.Black, FigureColor.Grey(0.55), FigureColor.FromHex("#009E73"), 0.12);

    /// <summary>
    /// For journals that print in black and white: greys far enough apart to tell neighbouring visits apart, none
    /// lighter than 60 % so that outlines and points stay visible on white.
    /// </summary>
    public static FigurePalette Greyscale => new("greyscale",
        new[] { 0.0, 0.4, 0.6, 0.2, 0.5, 0.3 }.Select(FigureColor.Grey).ToArray(),
        FigureColor.Black, FigureColor.Grey(0.6), FigureColor.Black, 0.08) { Monochrome = true };

    /// <summary>
    /// True for a palette meant for black-and-white print: groups are then told apart by dash patterns on their
    /// lines as well as by markers (<see cref="FigureMarker"/>).
    /// </summary>
    public bool Monochrome { get; init; }

    public FigureColor SeriesColor(int index) => Series[index % Series.Count];
}
