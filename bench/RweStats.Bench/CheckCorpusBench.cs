using System.Diagnostics;
using System.Globalization;
using RweStats.PaperCheck;

namespace RweStats.Bench;

/// <summary>
/// The paper check against its corpus (tests/fixtures/check, made by make_corpus.R and make_pdf.sh): for the tuning
/// part and each held-out part (heldout, heldout2, heldout3, …: each measured apart; a blind part's misses never listed), each as
/// plain text, as wrapped text and as PDF, the share of planted errors found, of correct statements flagged (false
/// alarms) and of correct statements extracted and checked; the published article
/// (the belimumab study, when ../shared/seeds holds it); and the time to check a 30-page PDF.
/// </summary>
public static class CheckCorpusBench
{
    /// <summary>
    /// Held-out parts that were measured blind, then studied to tune the checker: their figures are no longer figures on
    /// unseen text, and their label says so. A held-out part not named here is blind:
    /// measured, its misses never listed.
    /// </summary>
    static readonly Dictionary<string, string> TunedOn = new()
    {
        ["heldout"] = "heldout (tuned on)",
        ["heldout2"] = "heldout2 (tuned on)",
        ["heldout3"] = "heldout3 (tuned on)",
        ["heldout4"] = "heldout4 (tuned on)",
        ["heldout5"] = "heldout5 (tuned on)",
        ["heldout6"] = "heldout6 (tuned on)",
        ["heldout7"] = "heldout7 (tuned on)",
        ["heldout8"] = "heldout8 (tuned on)",
        ["heldout9"] = "heldout9 (tuned on)",
        ["heldout10"] = "heldout10 (tuned on)",
        ["heldout11"] = "heldout11 (tuned on)",
        ["heldout12"] = "heldout12 (tuned on)",
        ["heldout13"] = "heldout13 (tuned on)",
        ["heldout14"] = "heldout14 (tuned on)",
        ["heldout15"] = "heldout15 (tuned on)",
        ["heldout16"] = "heldout16 (tuned on)",
        ["heldout17"] = "heldout17 (tuned on)",
        ["heldout18"] = "heldout18 (tuned on)",
        ["heldout19"] = "heldout19 (tuned on)",
        ["heldout20"] = "heldout20 (tuned on)",
        ["heldout21"] = "heldout21 (tuned on)",
        ["heldout22"] = "heldout22 (tuned on)",
        ["heldout23"] = "heldout23 (tuned on)",
        ["heldout25"] = "heldout25 (tuned on)",
        ["heldout26"] = "heldout26 (tuned on)",
        ["heldout24"] = "heldout24 (tuned on)",
        ["heldout27"] = "heldout27 (tuned on)",
        ["heldout28"] = "heldout28 (tuned on)",
        ["heldout29"] = "heldout29 (tuned on)",
        ["heldout30"] = "heldout30 (tuned on)",
        ["heldout31"] = "heldout31 (tuned on)",
        ["heldout32"] = "heldout32 (tuned on)",
        ["heldout33"] = "heldout33 (tuned on)",
        ["heldout34"] = "heldout34 (tuned on)",
        ["heldout35"] = "heldout35 (tuned on)",
        ["heldout36"] = "heldout36 (tuned on)",
        ["heldout37"] = "heldout37 (tuned on)",
        ["heldout38"] = "heldout38 (tuned on)",
        ["heldout39"] = "heldout39 (tuned on)",
        ["heldout40"] = "heldout40 (tuned on)",
        ["heldout41"] = "heldout41 (tuned on)",
        ["heldout42"] = "heldout42 (tuned on)",
        ["heldout43"] = "heldout43 (tuned on)",
        ["heldout44"] = "heldout44 (tuned on)",
        ["heldout45"] = "heldout45 (tuned on)",
        ["heldout46"] = "heldout46 (tuned on)",
    };

    static string Label(string part) => TunedOn.TryGetValue(part, out var label) ? label : part.StartsWith("heldout", StringComparison.Ordinal) ? part + " (blind)" : part;

    sealed record Truth(string Part, string File, string Id, string Kind, string Check, bool Planted, string Anchor);

    public static int Run(string root, string[] args)
    {
        var dir = Path.Combine(root, "tests", "fixtures", "check");
        var truth = File.ReadAllLines(Path.Combine(dir, "truth.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Select(c => new Truth(c[0], c[1], c[2], c[3], c[4], c[5] == "inconsistent", c[6])).ToList();
        var published = Path.Combine(root, "..", "shared", "seeds", "001_4b8d1e1f317b9010.txt");
        if (File.Exists(published))
            truth.AddRange(File.ReadAllLines(Path.Combine(dir, "published.tsv")).Skip(1).Select(l => l.Split('\t'))
                .Select(c => new Truth("published", published, c[0], c[1], c[2], c[3] == "inconsistent", c[4])));
        Console.WriteLine($"{"part",-30} {"format",-8} {"planted errors found",22} {"false alarms",16} {"correct checked",18} {"other inconsistent",19}");
        var misses = new List<string>();
        // Misses are listed for the parts one may tune on; a blind held-out part is measured, never inspected.
        bool Listed(string part) => args.Contains("--misses") && (!part.StartsWith("heldout", StringComparison.Ordinal) || TunedOn.ContainsKey(part));
        int only = Array.IndexOf(args, "--part");
        // The blind parts pooled, by format and by the language of their text: the figures on unseen text.
        var blind = new Dictionary<(string Format, string Language), Tally>();
        foreach (var part in truth.Select(t => t.Part).Distinct().Where(p => only < 0 || only + 1 >= args.Length || p == args[only + 1]))
            foreach (var format in part == "published" ? new[] { "txt" } : new[] { "txt", "wrapped", "pdf" })
            {
                var partTally = new Tally();
                foreach (var file in truth.Where(t => t.Part == part).GroupBy(t => t.File))
                {
                    int planted = 0, found = 0, correct = 0, alarms = 0, checkedOk = 0, other = 0;
                    string path = part == "published" ? file.Key : Path.Combine(dir, format switch
                    {
                        "txt" => file.Key, "wrapped" => Path.ChangeExtension(file.Key, ".wrapped.txt"), _ => Path.ChangeExtension(file.Key, ".pdf"),
                    });
                    var text = PaperText.Load(path);
                    var report = PaperChecker.Check(text, CheckOptions.Default);
                    var spans = new List<(int, int)>();
                    foreach (var t in file)
                    {
                        var anchor = PaperText.Normalise(t.Anchor);
                        var (at, length) = Locate(text.Flow, anchor);
                        var hits = at < 0 ? new List<Finding>() : report.Findings.Where(f => f.Start < at + length && f.End > at).ToList();
                        if (at >= 0) spans.Add((at, at + length));
                        bool flagged = hits.Any(f => f.Verdict == FindingVerdict.Inconsistent);
                        if (t.Planted)
                        {
                            planted++; if (flagged) found++;
                            else if (Listed(part)) misses.Add($"{part}/{format} {t.Id} missed {t.Kind} '{t.Anchor}'{(at < 0 ? " (anchor not in text)" : "")}: {string.Join(" | ", hits.Select(h => $"{h.Check} {Finding.VerdictName(h.Verdict)}: {h.Explanation}"))}");
                        }
                        else
                        {
                            correct++;
                            if (flagged) { alarms++; if (Listed(part)) misses.Add($"{part}/{format} {t.Id} FALSE ALARM {t.Kind} '{t.Anchor}': {string.Join(" | ", hits.Where(h => h.Verdict == FindingVerdict.Inconsistent).Select(h => h.Explanation))}"); }
                            else if (hits.Any(f => f.Verdict == FindingVerdict.Consistent)) checkedOk++;
                            else if (Listed(part)) misses.Add($"{part}/{format} {t.Id} unchecked {t.Kind} '{t.Anchor}'{(at < 0 ? " (anchor not in text)" : "")}: {string.Join(" | ", hits.Select(h => $"{h.Check} {Finding.VerdictName(h.Verdict)}: {h.Explanation}"))}");
                        }
                    }
                    foreach (var f in report.Findings.Where(f => f.Verdict == FindingVerdict.Inconsistent && !spans.Any(s => f.Start < s.Item2 && f.End > s.Item1)))
                    {
                        other++;
                        if (Listed(part)) misses.Add($"{part}/{format} other inconsistent, line {f.Line}: '{f.Quote}': {f.Explanation}");
                    }
                    var fileTally = new Tally(planted, found, correct, alarms, checkedOk, other);
                    partTally += fileTally;
                    if (Label(part).EndsWith("(blind)", StringComparison.Ordinal))
                    {
                        string language = Path.GetFileName(file.Key).StartsWith("fr", StringComparison.Ordinal) ? "French" : "English";
                        foreach (var key in new[] { (format, "all"), (format, language) })
                            blind[key] = blind.GetValueOrDefault(key) + fileTally;
                    }
                }
                Console.WriteLine(Row(Label(part), format, partTally));
            }
        foreach (var ((format, language), tally) in blind.OrderBy(b => b.Key.Language == "all" ? 0 : 1).ThenBy(b => b.Key.Language, StringComparer.Ordinal).ThenBy(b => Array.IndexOf(new[] { "txt", "wrapped", "pdf" }, b.Key.Format)))
            Console.WriteLine(Row(language == "all" ? "all blind parts" : "all blind parts, " + language, format, tally));
        foreach (var m in misses) Console.WriteLine("  " + m);

        var big = Path.Combine(dir, "pages30.pdf");
        PaperChecker.Check(PaperText.Load(big), CheckOptions.Default); // warm-up (JIT)
        var times = new List<(double total, double read)>();
        int pages = 0, findings = 0;
        for (int i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            var text = PaperText.Load(big);
            double read = clock.Elapsed.TotalSeconds;
            var report = PaperChecker.Check(text, CheckOptions.Default);
            times.Add((clock.Elapsed.TotalSeconds, read));
            pages = text.Lines.Max(l => l.Page); findings = report.Findings.Count;
        }
        times.Sort();
        string F(double x) => x.ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine($"30-page PDF ({pages} pages, {findings} findings): read and checked in {F(times[2].total)} s, of which reading {F(times[2].read)} s (median of 5 after a warm-up; fastest {F(times[0].total)} s)");
        return 0;
    }

    /// <summary>
    /// The first occurrence of an anchor that is not the tail of a longer number ("5 %" inside "95 %"), and its length:
    /// its spaces may be missing or doubled (a justified PDF line sets "χ2 =5,2"), so the statement is found where it is.
    /// </summary>
    internal static (int At, int Length) Locate(string flow, string anchor)
    {
        var pattern = string.Join(@"\s*", anchor.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(System.Text.RegularExpressions.Regex.Escape));
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(flow, pattern))
        {
            int at = m.Index;
            if (at == 0 || !char.IsDigit(anchor[0]) || !(char.IsDigit(flow[at - 1]) || (flow[at - 1] is '.' or ',' && at >= 2 && char.IsDigit(flow[at - 2])))) return (at, m.Length);
        }
        return (-1, 0);
    }

    /// <summary>The counts behind one row: planted errors and those found, correct statements, those flagged and those checked, inconsistent findings on unlabelled text.</summary>
    readonly record struct Tally(int Planted, int Found, int Correct, int Alarms, int Checked, int Other)
    {
        public static Tally operator +(Tally a, Tally b) =>
            new(a.Planted + b.Planted, a.Found + b.Found, a.Correct + b.Correct, a.Alarms + b.Alarms, a.Checked + b.Checked, a.Other + b.Other);
    }

    static string Row(string label, string format, Tally t) =>
        $"{label,-30} {format,-8} {Share(t.Found, t.Planted),22} {Share(t.Alarms, t.Correct),16} {Share(t.Checked, t.Correct),18} {t.Other,19}";

    static string Share(int k, int n) => $"{k}/{n} ({(n == 0 ? 0 : 100.0 * k / n).ToString("F1", CultureInfo.InvariantCulture)} %)";
}
