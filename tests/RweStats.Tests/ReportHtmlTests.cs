using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace RweStats.Tests;

/// <summary>
/// report.html (analyze, replicate): one self-contained file, and what a reader sees when a browser opens it. Headless
/// Chromium lays the page out and screenshots it; the figures' and tables' boxes must have a size and the figures'
/// boxes in the screenshot must be drawn on (not white). CI installs Debian's chromium (.ci/run).
/// </summary>
[LongRunning(31)]
public class ReportHtmlTests
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    static string Analyze()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"rwestats-html-{Guid.NewGuid():N}");
        var o = new StringWriter();
        var e = new StringWriter();
        int code = RweStats.Cli.Cli.Run(new[] { "analyze", RepoPaths.Data("example.json"), "--out", dir }, o, e);
        Assert.True(code == 0, e.ToString());
        return dir;
    }

    [Fact]
    public void ReportHtmlIsSelfContainedWithTheTablesMethodsAndFiguresOfReportMd()
    {
        var dir = Analyze();
        try
        {
            var html = File.ReadAllText(Path.Combine(dir, "report.html"));
            var md = File.ReadAllText(Path.Combine(dir, "report.md"));
            // No script and nothing fetched: no src/href/url() to another file or host (SVG name-space URIs are names, not requests).
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"(src|href)\s*=\s*""(?!#)", html);
            Assert.DoesNotMatch(@"url\((?!#)", html);
            Assert.DoesNotContain("@import", html);
            // The Methods sentence and every table of report.md, and each figure written to figures/ inline.
            var methods = md.Split('\n').Single(l => l.StartsWith("Methods:"));
            var text = System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", ""));
            Assert.Contains(methods.Trim(), text);
            int mdTables = Regex.Matches(md, @"^\|[-|:]+\|\s*$", RegexOptions.Multiline).Count;
            Assert.Equal(mdTables, Regex.Matches(html, "<table>").Count);
            var svgs = Directory.GetFiles(Path.Combine(dir, "figures"), "*.svg");
            Assert.NotEmpty(svgs);
            Assert.Equal(svgs.Length, Regex.Matches(html, "<svg ").Count);
            // Ids are unique on the page (each figure numbers its clip paths from 1).
            var ids = Regex.Matches(html, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Contains("@media print", html);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void ReportHtmlRendersItsFiguresAndTablesInHeadlessChromium()
    {
        var chromium = new[] { "chromium", "chromium-browser", "google-chrome" }.Select(FindOnPath).FirstOrDefault(p => p is not null)
            ?? throw new Xunit.Sdk.XunitException("no chromium on PATH: install Debian's chromium (apt-get install chromium; .ci/run does)");
        var dir = Analyze();
        try
        {
            var report = Path.Combine(dir, "report.html");
            // Layout: a copy of the report with a script that writes each figure's and table's box into the page, read
            // back with --dump-dom (the report itself has no script).
            var probe = Path.Combine(dir, "probe.html");
            File.WriteAllText(probe, File.ReadAllText(report).Replace("</body>", """
                <script>
                  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top + scrollY, r.width, r.height].map(Math.round).join(','); };
                  const lines = [...document.querySelectorAll('figure svg')].map(e => 'svg ' + box(e))
                    .concat([...document.querySelectorAll('table')].map(e => 'table ' + box(e) + ' ' + e.rows.length))
                    .concat(['page ' + document.documentElement.scrollWidth + ',' + document.documentElement.scrollHeight]);
                  const pre = document.createElement('pre'); pre.id = 'layout'; pre.textContent = '\n' + lines.join('\n') + '\n';
                  document.body.appendChild(pre);
                </script>
                </body>
                """));
            const int width = 1000;
            var dom = RunChromium(chromium, $"--window-size={width},1200", "--dump-dom", new Uri(probe).AbsoluteUri);
            var layout = Regex.Match(dom, "<pre id=\"layout\">([^<]*)</pre>").Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            int[] Numbers(string line) => line.Split(' ')[1].Split(',').Select(x => int.Parse(x, Inv)).ToArray();
            var figures = layout.Where(l => l.StartsWith("svg ")).Select(Numbers).ToList();
            var tables = layout.Where(l => l.StartsWith("table ")).ToList();
            int pageHeight = Numbers(layout.Single(l => l.StartsWith("page ")))[1];
            Assert.Equal(Directory.GetFiles(Path.Combine(dir, "figures"), "*.svg").Length, figures.Count);
            Assert.All(figures, f => Assert.True(f[2] >= 300 && f[3] >= 200, $"a figure is laid out {f[2]} x {f[3]} px"));
            Assert.Equal(Regex.Matches(File.ReadAllText(report), "<table>").Count, tables.Count);
            Assert.All(tables, t =>
            {
                var n = Numbers(t);
                Assert.True(n[2] > 100 && n[3] > 40 && int.Parse(t.Split(' ')[2], Inv) >= 2, $"a table is laid out as {t}");
            });

            // The screenshot of the whole page: every figure's box is drawn on (ink, not a white or broken box).
            var shot = Path.Combine(dir, "report.png");
            RunChromium(chromium, $"--window-size={width},{pageHeight}", $"--screenshot={shot}", new Uri(report).AbsoluteUri);
            using var image = SKBitmap.Decode(shot);
            Assert.True(image is not null, $"chromium wrote no screenshot {shot}");
            Assert.Equal(width, image!.Width);
            foreach (var f in figures)
            {
                double ink = InkFraction(image, f[0], f[1], f[2], f[3]);
                Assert.True(ink > 0.03, $"the figure at {f[0]},{f[1]} ({f[2]} x {f[3]} px) is {ink:P1} drawn on in the screenshot");
            }
            // The tables' text is drawn too.
            foreach (var t in tables.Select(Numbers))
                Assert.True(InkFraction(image, t[0], t[1], t[2], t[3]) > 0.02, $"a table at {t[0]},{t[1]} is blank in the screenshot");
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>The share of pixels in a box that are not near white.</summary>
    static double InkFraction(SKBitmap image, int left, int top, int width, int height)
    {
        int inked = 0, total = 0;
        for (int y = Math.Max(0, top); y < Math.Min(image.Height, top + height); y++)
            for (int x = Math.Max(0, left); x < Math.Min(image.Width, left + width); x++)
            {
                var c = image.GetPixel(x, y);
                total++;
                if (c.Red < 225 || c.Green < 225 || c.Blue < 225) inked++;
            }
        return total == 0 ? 0 : (double)inked / total;
    }

    static string RunChromium(string chromium, params string[] args)
    {
        var profile = Directory.CreateTempSubdirectory("rwestats-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                         "--force-device-scale-factor=1", $"--user-data-dir={profile.FullName}" }.Concat(args))
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new Xunit.Sdk.XunitException($"chromium did not finish within 2 minutes: {string.Join(' ', args)}");
            }
            Assert.True(process.ExitCode == 0, $"chromium failed ({process.ExitCode}): {stderr.Result}");
            return stdout.Result;
        }
        finally { profile.Delete(true); }
    }

    static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
