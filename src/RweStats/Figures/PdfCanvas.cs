using System.Globalization;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace RweStats.Figures;

/// <summary>
/// PDF backend on PDFsharp 6: one page of exactly the figure's size, vector paths, text in the embedded
/// (subsetted) DejaVu Sans with Unicode encoding. Text is placed with RweStats' own metrics
/// (<see cref="TextGeometry"/>), so it lands where the SVG puts it. Document dates and IDs are fixed so that the
/// same figure gives the same bytes.
/// </summary>
public sealed class PdfCanvas : IFigureCanvas, IDisposable
{
    /// <summary>A fixed date for the document information (PDF requires none, but PDFsharp writes one).</summary>
    static readonly DateTime FixedDate = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    const string FixedId = "5277655374617473466967757265";

    readonly FigureFonts _fonts;
    readonly PdfDocument _document;
    readonly XGraphics _gfx;
    readonly Stack<XGraphicsState> _clips = new();
    readonly Dictionary<(double size, bool bold), XFont> _fontCache = new();
    bool _finished;

    public double Width { get; }
    public double Height { get; }

    /// <summary>
    /// PDFsharp 6.5 is licensed AGPL-3.0-only or commercially, and refuses to work until the application states which
    /// (PdfSharp.PdfSharpLicense.SetAgplLicense() or LoadLicense(key), docs.pdfsharp.net/link/license-loading.html).
    /// That is the application's decision, so RweStats never makes it; this says whether it has been made
    /// (PDFsharp keeps its own check internal, so this asks by creating an empty document).
    /// </summary>
    public static bool IsLicensed
    {
        get
        {
            try
            {
                using var probe = new PdfDocument();
                return true;
            }
            catch (PdfSharp.License.PdfSharpLicenseException)
            {
                return false;
            }
        }
    }

    public PdfCanvas(double widthPt, double heightPt, FigureFonts fonts, string? title = null)
    {
        try
        {
            _document = new PdfDocument();
        }
        catch (PdfSharp.License.PdfSharpLicenseException e)
        {
            throw new PdfLicenseRequiredException(e);
        }
        PdfFontResolver.EnsureRegistered();
        Width = widthPt;
        Height = heightPt;
        _fonts = fonts;
        _document.Info.Creator = "RweStats";
        if (title is not null) _document.Info.Title = title;
        _document.Info.CreationDate = FixedDate;
        _document.Info.ModificationDate = FixedDate;
        // The trailer /ID is random by default (a fresh GUID); a fixed one keeps output byte-identical.
        _document.Internals.FirstDocumentID = FixedId;
        _document.Internals.SecondDocumentID = FixedId;
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(widthPt);
        page.Height = XUnit.FromPoint(heightPt);
        _gfx = XGraphics.FromPdfPage(page);
    }

    static XColor Color(FigureColor c, double opacity) =>
        XColor.FromArgb((int)Math.Round(Math.Clamp(opacity, 0, 1) * 255), c.R, c.G, c.B);

    static XPen? Pen(Stroke? s)
    {
        if (s is null) return null;
        var pen = new XPen(Color(s.Color, s.Opacity), s.Width) { LineCap = XLineCap.Flat, LineJoin = XLineJoin.Round };
        if (s.Dash.Count > 0)
        {
            // PDFsharp multiplies DashPattern by the pen width (GDI+ convention); our dashes are in points.
            pen.DashStyle = XDashStyle.Custom;
            pen.DashPattern = s.Dash.Select(d => d / s.Width).ToArray();
        }
        return pen;
    }

    static XBrush? Brush(Fill? f) => f is null ? null : new XSolidBrush(Color(f.Color, f.Opacity));

    static XPoint P(FigurePoint p) => new(p.X, p.Y);

    public void Line(FigurePoint from, FigurePoint to, Stroke stroke) => _gfx.DrawLine(Pen(stroke)!, P(from), P(to));

    public void Polyline(IReadOnlyList<FigurePoint> points, Stroke stroke)
    {
        if (points.Count < 2) return;
        _gfx.DrawLines(Pen(stroke)!, points.Select(P).ToArray());
    }

    public void Polygon(IReadOnlyList<FigurePoint> points, Fill? fill, Stroke? stroke)
    {
        if (points.Count < 3 || fill is null && stroke is null) return;
        var pts = points.Select(P).ToArray();
        if (fill is null) _gfx.DrawPolygon(Pen(stroke)!, pts);
        else _gfx.DrawPolygon(Pen(stroke), Brush(fill)!, pts, XFillMode.Winding);
    }

    public void Rectangle(FigureRect r, Fill? fill, Stroke? stroke)
    {
        if (fill is null && stroke is null) return;
        if (fill is null) _gfx.DrawRectangle(Pen(stroke)!, r.X, r.Y, r.Width, r.Height);
        else _gfx.DrawRectangle(Pen(stroke), Brush(fill)!, r.X, r.Y, r.Width, r.Height);
    }

    public void Circle(FigurePoint c, double radius, Fill? fill, Stroke? stroke)
    {
        if (fill is null && stroke is null) return;
        if (fill is null) _gfx.DrawEllipse(Pen(stroke)!, c.X - radius, c.Y - radius, 2 * radius, 2 * radius);
        else _gfx.DrawEllipse(Pen(stroke), Brush(fill)!, c.X - radius, c.Y - radius, 2 * radius, 2 * radius);
    }

    XFont Font(TextStyle style)
    {
        var key = (style.SizePt, style.Bold);
        if (!_fontCache.TryGetValue(key, out var font))
        {
            font = new XFont(PdfFontResolver.FamilyName, style.SizePt, style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset));
            _fontCache[key] = font;
        }
        return font;
    }

    public void Text(string text, FigurePoint at, TextStyle style, TextAnchor anchor = TextAnchor.Start,
        TextBaseline baseline = TextBaseline.Alphabetic, double rotationDegrees = 0)
    {
        if (text.Length == 0) return;
        var p = TextGeometry.BaselinePoint(_fonts, style, at, baseline);
        double startX = p.X + TextGeometry.AnchorShift(_fonts.Width(text, style), anchor);
        var brush = new XSolidBrush(Color(style.Color, style.Opacity));
        XGraphicsState? state = null;
        if (rotationDegrees != 0)
        {
            state = _gfx.Save();
            _gfx.RotateAtTransform(rotationDegrees, P(at));
        }
        _gfx.DrawString(text, Font(style), brush, new XPoint(startX, p.Y), XStringFormats.BaseLineLeft);
        if (state is not null) _gfx.Restore(state);
    }

    public void PushClip(FigureRect r)
    {
        _clips.Push(_gfx.Save());
        _gfx.IntersectClip(new XRect(r.X, r.Y, r.Width, r.Height));
    }

    public void PopClip()
    {
        if (_clips.Count == 0) throw new InvalidOperationException("unbalanced clip end in figure drawing");
        _gfx.Restore(_clips.Pop());
    }

    public void BeginGroup(FigureGroup group) { }
    public void EndGroup() { }

    /// <summary>Finishes the page and returns the PDF file.</summary>
    public byte[] ToPdf()
    {
        if (_clips.Count != 0) throw new InvalidOperationException("figure drawing left a clip open");
        if (!_finished)
        {
            _gfx.Dispose();
            _finished = true;
        }
        using var stream = new MemoryStream();
        _document.Save(stream, false);
        return MakeDeterministic(stream.ToArray());
    }

    static readonly Regex SubsetTag = new(@"(?<=/(?:FontName|BaseFont)/)[A-Z]{6}(?=\+)", RegexOptions.CultureInvariant);
    static readonly Regex XmpUuid = new(@"(?<=uuid:)[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.CultureInvariant);

    /// <summary>
    /// PDFsharp draws font-subset tags ("BHHUKM+DejaVu Sans") and the XMP document and instance ids at random.
    /// Each is replaced, byte for byte and so without moving any xref offset, by a value numbered in order of
    /// appearance: tags AAAAAA, AAAAAB … (ISO 32000-1 §9.6.4 only asks that different subsets get different tags),
    /// uuids 00000000-0000-0000-0000-000000000001 …. Latin-1 maps bytes to chars one to one.
    /// </summary>
    static byte[] MakeDeterministic(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        text = SubsetTag.Replace(text, m =>
        {
            if (!tags.TryGetValue(m.Value, out var tag))
            {
                int n = tags.Count;
                var letters = new char[6];
                for (int i = 5; i >= 0; i--) { letters[i] = (char)('A' + n % 26); n /= 26; }
                tags[m.Value] = tag = new string(letters);
            }
            return tag;
        });
        var uuids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        text = XmpUuid.Replace(text, m =>
        {
            if (!uuids.TryGetValue(m.Value, out var id))
                uuids[m.Value] = id = "00000000-0000-0000-0000-" + (uuids.Count + 1).ToString("D12", CultureInfo.InvariantCulture);
            return id;
        });
        var result = System.Text.Encoding.Latin1.GetBytes(text);
        if (result.Length != pdf.Length) throw new InvalidOperationException("PDF normalisation changed the file length");
        return result;
    }

    public void Dispose()
    {
        if (!_finished) _gfx.Dispose();
        _finished = true;
        _document.Dispose();
    }
}

/// <summary>
/// PDF output was asked for, but the application has not chosen PDFsharp's license (AGPL-3.0 or commercial);
/// see <see cref="PdfCanvas.IsLicensed"/>.
/// </summary>
public sealed class PdfLicenseRequiredException : InvalidOperationException
{
    public const string Explanation =
        "PDF output uses PDFsharp 6.5, which is licensed AGPL-3.0 or commercially and needs the application to choose: " +
        "call PdfSharp.PdfSharpLicense.SetAgplLicense() (AGPL terms) or PdfSharp.PdfSharpLicense.LoadLicense(key) " +
        "(commercial) once at startup; until then use the SVG or PNG output";

    public PdfLicenseRequiredException(Exception inner) : base(Explanation, inner) { }
}
