using System.Globalization;

namespace RweStats.Figures;

/// <summary>
/// Every text a figure draws, with its box and the region it must stay in (its panel, or the figure for the
/// legend). After drawing, <see cref="Problems"/> lists texts that leave their region or overlap another text:
/// the layout is built so that there are none, and the tests and <see cref="FigureWriter"/> check it.
/// </summary>
public sealed class TextLedger
{
    readonly List<(string text, FigureRect box, FigurePoint[] corners, FigureRect region)> _entries = new();
    readonly FigureFonts _fonts;

    public TextLedger(FigureFonts fonts) => _fonts = fonts;

    public IReadOnlyList<(string text, FigureRect box, FigurePoint[] corners, FigureRect region)> Entries => _entries;

    /// <summary>Draws the text and records where it went.</summary>
    public void Text(IFigureCanvas canvas, FigureRect region, string text, FigurePoint at, TextStyle style,
        TextAnchor anchor = TextAnchor.Start, TextBaseline baseline = TextBaseline.Alphabetic, double rotationDegrees = 0)
    {
        if (text.Length == 0) return;
        canvas.Text(text, at, style, anchor, baseline, rotationDegrees);
        Record(region, new PlacedText(text, at, style, anchor, baseline, rotationDegrees));
    }

    /// <summary>Records a text drawn by someone else (ScottPlot's axes and legend) where the layout placed it.</summary>
    public void Record(FigureRect region, PlacedText t)
    {
        if (t.Text.Length == 0) return;
        var (text, at, style, anchor, baseline, rotationDegrees) = (t.Text, t.At, t.Style, t.Anchor, t.Baseline, t.RotationDegrees);
        var corners = TextGeometry.Corners(_fonts, text, style, at, anchor, baseline, rotationDegrees);
        _entries.Add((text, TextGeometry.Enclose(corners), corners, region));
    }

    public IReadOnlyList<string> Problems()
    {
        static string R(FigureRect r) => string.Create(CultureInfo.InvariantCulture, $"[{r.Left:0.##}, {r.Top:0.##}, {r.Right:0.##}, {r.Bottom:0.##}]");
        var problems = new List<string>();
        foreach (var (text, box, _, region) in _entries)
            if (!region.Contains(box, 0.01)) problems.Add($"text '{text}' {R(box)} leaves its region {R(region)}");
        for (int i = 0; i < _entries.Count; i++)
            for (int j = i + 1; j < _entries.Count; j++)
                if (TextGeometry.Overlap(_entries[i].corners, _entries[j].corners, 0.01))
                    problems.Add($"text '{_entries[i].text}' {R(_entries[i].box)} overlaps '{_entries[j].text}' {R(_entries[j].box)}");
        return problems;
    }
}
