using ScottPlot;

namespace RweStats.Figures;

/// <summary>
/// Colours of a figure. <see cref="Series"/> colours visits (boxes, points) or categories (spaghetti lines), in order.
/// </summary>
public sealed record FigurePalette(string Name, IReadOnlyList<Color> Series, Color Ink, Color Trajectory, Color Band, double BandOpacity)
{
    /// <summary>
    /// Okabe &amp; Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
    /// Ordered blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow (yellow last: it is faint on
    /// white), black.
    /// </summary>
    public static FigurePalette OkabeIto => new("okabe-ito",
        Color.FromHex(new[] { "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000" }),
        Colors.Black, Grey(0.55), Color.FromHex("#009E73"), 0.12);

    /// <summary>
    /// For journals that print in black and white: greys far enough apart to tell neighbouring visits apart, none
    /// lighter than 60 % so that outlines and points stay visible on white.
    /// </summary>
    public static FigurePalette Greyscale => new("greyscale",
        new[] { 0.0, 0.4, 0.6, 0.2, 0.5, 0.3 }.Select(Grey).ToArray(),
        Colors.Black, Grey(0.6), Colors.Black, 0.08) { Monochrome = true };

    /// <summary>A palette for black-and-white print: groups are told apart by dashes (<see cref="GroupDash"/>) as well as markers.</summary>
    public bool Monochrome { get; init; }

    /// <summary>The colour of series <paramref name="index"/>, the palette repeating past its end.</summary>
    public Color SeriesColor(int index) => Series[index % Series.Count];

    /// <summary>A grey: 0 black, 1 white.</summary>
    public static Color Grey(double level) => Color.Gray((byte)Math.Round(Math.Clamp(level, 0, 1) * 255));

    /// <summary>The marker of group <paramref name="index"/>: circle, triangle, square, diamond … (shape tells groups apart in greyscale print).</summary>
    public static MarkerShape GroupMarker(int index) => Markers[index % Markers.Length];

    static readonly MarkerShape[] Markers =
        { MarkerShape.FilledCircle, MarkerShape.FilledTriangleUp, MarkerShape.FilledSquare, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleDown };

    /// <summary>The dash pattern (points: on, off) of group <paramref name="index"/>'s lines: none (solid) on a colour palette; solid, dashed, dotted … on a monochrome one.</summary>
    public float[]? GroupDash(int index) => !Monochrome ? null : (index % 3) switch
    {
        0 => null,
        1 => new float[] { 3, 2 },
        _ => new float[] { 1, 1.5f },
    };

    /// <summary>The short dashes (points: on, off) of a trajectory segment that crosses a missed visit.</summary>
    public static float[] MissedVisitDash => new float[] { 1.5f, 1.2f };

    /// <summary>The dashes of reference lines (Q–Q line, zero line).</summary>
    public static float[] ReferenceDash => new float[] { 3, 2 };
}
