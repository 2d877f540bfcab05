using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

// Statistics in text tables: cells read by their row label or column header, interval columns, category rows and tables by visit.
internal static partial class StatisticExtractor
{
    static readonly Regex CellPercent = new(@"^(?<k>" + WholeCount + @")(?:\s*/\s*(?<N>" + WholeCount + @"))?\s*[\(\[]\s*(?<pct>" + Num + @")\s*%?\s*[\)\]]$", Opt);
    static readonly Regex CellMean = new(@"^(?<m>" + Num + @")\s*(?:\(\s*(?<s>" + Num + @")\s*\)|\[\s*(?<s>" + Num + @")\s*\]|(?:±|\+/-)\s*(?<s>" + Num + "))$", Opt);
    static readonly Regex CellQuantiles = new(@"^(?<med>" + Num + @")\s*[\(\[]\s*(?<a>" + Num + @")" + Sep + "(?<b>" + Num + @")\s*[\)\]]$", Opt);
    static readonly Regex CountDescriptor = new(@"\b(?:[nN]|[nN]o\.|effectif|nombre)\s*\(\s*%\s*\)|\(\s*%\s*\)", Opt);
    static readonly Regex MeanDescriptor = new(@"\b(?:mean|moyenne|M)\s*(?:\(\s*|±\s*|\[\s*)(?:SD|ET|DS|SE|SEM|ES|ESM|s\.d\.|écart[- ]type|standard deviation|standard error|erreur standard)", OptI);
    static readonly Regex MedianDescriptor = new(@"\b(?:median|médiane|Mdn)\s*(?:\(\s*|\[\s*)(?<what>IQR|EIQ|IIQ|interquartile range|intervalle interquartile|écart interquartile|Q1\s*[-–;,]\s*Q3|P25\s*[-–;,]\s*P75|quartiles|range|min\s*[-–;,]\s*max|extrêmes|étendue)", OptI);
    /// <summary>A unit in a row's label ("Age, years", "HbA1c, mmol/mol"); a time after a number is the period the row
    /// counts over, not its unit ("Flares in previous 6 months", "Crises sur les 12 derniers mois").</summary>
    /// <summary>A row's values in days: "Days from injury to surgery", "Length of stay, d", "Délai (jours)".</summary>
    /// <remarks>The day a thing happened on, counted from an event ("Day of illness", "Jour de maladie à l'admission", "Postoperative day of discharge"), is a day's number.</remarks>
    static readonly Regex LabelDays = new(@"^\s*(?:days|jours)\b|[,(]\s*(?:days|jours|d|j)\s*[,)]|^\s*(?:(?:postoperative|post-operative|hospital)\s+)?(?:day|jour)\s+(?:of|de|d')\s*(?:the\s+|la\s+|l')?\p{L}", OptI);
    static readonly Regex LabelUnit = new(@"\b(?:mg|kg|g/[dl]L|mmol|µmol|cm|mm|ml|mL|UI|IU)\b|(?<!\d\s{0,3}(?:(?:derniers|précédents|last|past|previous|preceding)\s+)?)\b(?:years|ans|années|days|jours|weeks|semaines|months|mois)\b", Opt);

    /// <summary>
    /// A table cell as the statistic its row label or header says it is: "n (%)" a count with its percentage (the
    /// column's n the most patients it can be of), "mean (SD)" or "m ± s" a mean with its SD, "median (IQR)" a median
    /// with its quartiles (or range). A cell whose kind neither says is left to the running-text patterns.
    /// </summary>
    static ReportedStatistic? TableStatistic(PaperText text, TableCell cell, IReadOnlyList<TableCell> cells, bool french, int[] sentences, StudyNs studyNs, CheckOptions options)
    {
        var (studyN, studyNSource) = studyNs.At(cell.Start);
        var label = cell.RowLabel;
        // The row label's own descriptor wins over the header's ("n (%) or mean (SD)" headers name both).
        bool Says(Regex r) => r.IsMatch(label) || (!CountDescriptor.IsMatch(label) && !MeanDescriptor.IsMatch(label) && !MedianDescriptor.IsMatch(label) && r.IsMatch(cell.Descriptor));
        string measure = Regex.Replace(label, @"\s*[,;:]?\s*(?:[nN]\s*\(%\)|(?:mean|moyenne|median|médiane)\b.*)$", "", OptI).Trim().TrimEnd(',');
        // A table by visit ("Baseline", "Week 24", "S12" down its rows): the measure is named by the column's header, or by the caption ("Table 3. MADRS total score by visit").
        var caption = Caption(text.Flow, cell.Start);
        var measureWords = label;
        if (IsVisitLabel(label))
        {
            // A caption naming one measure speaks for a column that names the same ("HAD-anxiété" under "Score HAD par
            // visite") or for a change-from-baseline column; never for another measure ("BMI" under "Scores by visit"), nor
            // when it names several ("Scores and BMI by visit").
            var header = cell.Header ?? "";
            // The caption's own sentence (the caption runs to the cell: the header and the rows above come after it).
            var captionWords = Regex.Replace(caption, @"^\s*(?:Table|Tableau)\s+\d+[.:]\s*", "");
            captionWords = captionWords[..(Regex.Match(captionWords, @"\n|\.(?=\s|$)") is { Success: true } stop ? stop.Index : Math.Min(captionWords.Length, 160))];
            bool sameMeasure = Regex.Matches(header, @"[A-Za-zÀ-ÿ][\w]{2,}").Any(w => !GenericHeaderWord.IsMatch(w.Value)
                && Regex.IsMatch(captionWords, @"\b" + Regex.Escape(w.Value) + @"\b", RegexOptions.IgnoreCase));
            bool change = Regex.IsMatch(header, @"\b(?:change|variation|évolution|différence)\b", OptI);
            // Not the "(moyenne ± ET)" or ", mean ± SD" it may end with.
            bool oneMeasure = !Regex.IsMatch(Regex.Replace(Regex.Replace(captionWords, @"\([^)]*\)", ""), @"[,;:]\s*(?:mean|moyenne|median|médiane)\b.*$", "", OptI), @"\b(?:and|et)\b|,", Opt);
            measureWords = header + (oneMeasure && (sameMeasure || change || ArmColumn(text.Flow, cell)) ? " | " + caption : "");
            if (measure.Length == 0 || IsVisitLabel(measure)) measure = Regex.Replace(cell.Header ?? "", @"\s*[,;:]?\s*(?:[nN]\s*\(%\)|(?:mean|moyenne|median|médiane)\b.*)$", "", OptI).Trim().TrimEnd(',');
        }
        bool declared = options.IntegerMeasures.Any(d => measureWords.Contains(d, StringComparison.OrdinalIgnoreCase)) || options.StatedWholePoints?.IsMatch(measureWords) == true;
        // A row named by the things it counts ("Siblings at home, median (IQR)", "Crises l'année précédente", "HLA
        // mismatches") is integer-valued as a value printed before those things is.
        bool integer = (declared || ((NamesInteger(measureWords, options) || CountUnit.IsMatch(label)) && !LabelUnit.IsMatch(measureWords) && !NotIntegerScore.IsMatch(measureWords)))
                       && !ModelBased.IsMatch(label) && !ModelBased.IsMatch(AdjustedComparisonColumn.Replace(cell.Descriptor, "")) && !ModelBased.IsMatch(measureWords);
        // The row's n (a column headed "n"), else the n in its column's header, else the n its table's caption states, else the study's.
        var captionN = cell.ColumnN is null && cell.RowN is null ? CaptionN(caption) : null;
        int? n = cell.RowN ?? cell.ColumnN ?? captionN?.N ?? studyN;
        string source = cell.RowN is { } rowN ? $"the row's n ('{label}', n = {rowN})" : cell.ColumnN is not null ? $"the column's n ('{cell.Header}')" : captionN is { } c ? c.Source : studyN is not null ? $"the study's n ({studyNSource})" : "no n stated";
        var line = text.LineAt(cell.Start);
        var ctx = new StatisticContext(cell.Start, cell.End, cell.Text, $"{label}: {cell.Text}{(cell.Header is null ? "" : $" ({cell.Header})")}",
            measure.Length == 0 ? null : measure, integer, n, source, null) { Page = line.Page, Line = line.Line };
        if (CellPercent.Match(cell.Text) is { Success: true } pm && (Says(CountDescriptor) || cell.Text.Contains('%') || CaptionSaysCounts(caption, cell)))
        {
            var pct = PrintedNumber.Parse(pm.Groups["pct"].Value, french);
            if (pct is null || pct.Value > 100) return null;
            return new Percentage(ctx, pct, ParseWhole(pm.Groups["k"].Value),
                pm.Groups["N"].Success ? ParseWhole(pm.Groups["N"].Value) : null);
        }
        // A column of estimates with their intervals ("OR (95% CI)", "Difference [95% CI]", "HR (IC à 95 %)"), with the row's p.
        if ((IntervalHeader.IsMatch(cell.Header ?? "") || (IntervalHeader.IsMatch(label) && !MedianDescriptor.IsMatch(label)))
            && CellInterval.Match(cell.Text) is { Success: true } im)
            return TableInterval(text, cell, ctx, im, caption, french);
        if (Says(MedianDescriptor) && CellQuantiles.Match(cell.Text) is { Success: true } qm)
        {
            var what = MedianDescriptor.Match(MedianDescriptor.IsMatch(label) ? label : cell.Descriptor).Groups["what"].Value;
            bool range = Regex.IsMatch(what, "^(?:range|min|extrêmes|étendue)", OptI);
            var (med, a, b) = (PrintedNumber.Parse(qm.Groups["med"].Value, french), PrintedNumber.Parse(qm.Groups["a"].Value, french), PrintedNumber.Parse(qm.Groups["b"].Value, french));
            var median = range ? new MedianWithQuartiles(ctx, med, null, null, a, b) : new MedianWithQuartiles(ctx, med, a, b, null, null);
            // A row whose values are days ("Days from injury to surgery", "Length of stay, d") or another time its label
            // names ("Age, years", "Gestational age, wk", "Durée, années"): whole units when its limits are. A row whose
            // other cells print the same measure whole, median and limits ("Gravidity | 2 (1–8) | 2.7 (1–7)"), unless
            // its label names a physical or laboratory quantity.
            if (integer) return median;
            if (LabelDays.IsMatch(measureWords)) return CountedInWholeUnits(median, "days");
            if (LabelTimeUnit.Match(measureWords) is { Success: true } time) return CountedInWholeUnits(median, TimeUnitName(time.Groups["u"].Value));
            // A count per period ("Episodes per month", "Cataplexies par semaine") is whole over each period when its row prints it so.
            // Not a measure named by its abbreviation alone ("DI", "ESS"): an index may average its items.
            return Regex.IsMatch(measure, @"\p{Ll}{3,}") && !MeasuredQuantityLabel.IsMatch(measureWords) && !NotIntegerScore.IsMatch(Regex.Replace(measureWords, @"\b(?=(?:per|par)\s)" + PerTimeUnit, "", OptI)) && RowPrintsWhole(cells, cell)
                ? CountedInWholeUnits(median, "values", "its row's other cells print the same measure whole, median and limits, and its limits are printed whole")
                : median;
        }
        if ((Says(MeanDescriptor) || cell.Text.Contains('±')) && CellMean.Match(cell.Text) is { Success: true } mm)
        {
            var (mean, sd) = (PrintedNumber.Parse(mm.Groups["m"].Value, french), PrintedNumber.Parse(mm.Groups["s"].Value, french));
            if (mean is null || sd is null) return null;
            bool se = Regex.IsMatch(MeanDescriptor.IsMatch(label) ? label : cell.Descriptor, @"\b(?:SE|SEM|ES|ESM|standard error|erreur standard)\b");
            return new MeanWithSpread(ctx, mean, sd, se, IsBinary(label));
        }
        return null;
    }

    /// <summary>A time a row's label gives its values in, as a unit of its own ("Age, years", "Gestational age, median (IQR), wk", "Durée (mois)", "Years with hearing loss"); a time after a number is a period ("in previous 6 months").</summary>
    static readonly Regex LabelTimeUnit = new(@"(?:[,(]|^)\s*(?<u>years?|yrs?|ans|années|weeks?|wks?|semaines|sem|months?|mo|mois|nights|nuits)\s*(?:[,)]|$)|^\s*(?<u>years|weeks|months|années|semaines|mois|nights|nuits)\s+(?:with|of|since|on|avec|de|d'|sous|depuis)\b", OptI);
    static string TimeUnitName(string printed) => printed.ToLowerInvariant() switch
    {
        "year" or "yr" or "yrs" => "years",
        "week" or "wk" or "wks" => "weeks",
        "sem" => "semaines",
        "month" or "mo" => "months",
        var u => u,
    };
    /// <summary>A row label naming a physical, laboratory or derived quantity, real-valued whatever its cells print: a unit of measure or a ratio ("CRP, mg/L", "eGFR, mL/min/1.73 m²", "BMI", "Weight").</summary>
    static readonly Regex MeasuredQuantityLabel = new(@"(?<![\p{L}])(?:" + MeasureUnitWords + @"|%|BMI|IMC|weight|poids|height|taille|pressure|pression|tension|temperature|température|ratio|rapport|index|indice|level|niveau|concentration|taux|rate|clearance|volume|dose|score)(?![\p{L}])|/", OptI);
    /// <summary>Another cell of the cell's row prints a median and its limits all whole ("Gestational age, wk  9 (8–11)  9.3 (8–11)").</summary>
    /// <remarks>The row's own cells, not its line: a label's numbers ("Flares in the last 12 (of 24) months") are no cell.</remarks>
    static bool RowPrintsWhole(IReadOnlyList<TableCell> cells, TableCell cell) =>
        cells.Any(c => c.Row == cell.Row && c.Start != cell.Start && WholeMedianCell.IsMatch(c.Text));
    static readonly Regex WholeMedianCell = new(@"^\d+\s*[\(\[]\s*\d+" + Sep + @"\d+\s*[\)\]]$", Opt);

    /// <summary>
    /// A column that holds an arm, not a measure: its header is what the paper calls a group ("Radiofrequency (n = 11)"
    /// where the text says "the radiofrequency group", "Placebo" where it says "le groupe placebo"). In a table by visit,
    /// the one measure its caption names is then every cell's ("Table 5. Pain at rest (0–10 NRS), mean ± SD."). An n in
    /// the header is no proof: "BMI (n = 40)" under "Scores by visit" is another measure.
    /// </summary>
    static bool ArmColumn(string flow, TableCell cell)
    {
        var name = Regex.Replace(cell.Header ?? "", @"\s*[\(\[].*$", "").Trim();
        if (name.Length < 3 || !Regex.IsMatch(name, @"^\p{L}[\p{L}\d'’ -]{1,40}$")) return false;
        var n = Regex.Escape(name);
        return Regex.IsMatch(flow, @"\b(?:the|in|le|du|dans)\s+" + n + @"\s+(?:group|arm)\b|\b(?:groupe|bras)\s+(?:de\s+|du\s+|sous\s+)?" + n + @"(?![\p{L}-])", OptI);
    }

    /// <summary>A caption stating what every cell holds: "Tableau 1. Connaissances des répondants selon le sexe, n (%)", "Table 2. … No. (%)".</summary>
    static readonly Regex CaptionCountDescriptor = new(@"\b(?:[nN]|[nN]o\.|numbers?|nombres?|effectifs?)\s*\(\s*(?:%|percentages?|pourcentages?)\s*\)", Opt);

    /// <summary>
    /// Counts with their percentages by the table's caption, when it states that of every cell: not when it allows others
    /// ("unless stated otherwise": a row "BMI  27 (4)" may be a mean and its SD), nor in a row whose label names another
    /// kind or a unit.
    /// </summary>
    static bool CaptionSaysCounts(string caption, TableCell cell)
    {
        var words = Regex.Replace(caption, @"^\s*(?:Table|Tableau)\s+\d+[.:]\s*", "");
        words = words[..(Regex.Match(words, @"\n|\.(?=\s|$)") is { Success: true } stop ? stop.Index : Math.Min(words.Length, 160))];
        return CaptionCountDescriptor.IsMatch(words) && !Regex.IsMatch(words, @"\b(?:unless|except|otherwise|sauf|autrement|sinon)\b", OptI)
               && !MeanDescriptor.IsMatch(cell.RowLabel + " " + cell.Descriptor) && !MedianDescriptor.IsMatch(cell.RowLabel + " " + cell.Descriptor)
               && !LabelUnit.IsMatch(cell.RowLabel) && !Regex.IsMatch(cell.RowLabel, @"\b(?:mean|moyenne|median|médiane|score|SD|ET|IQR|EIQ)\b", OptI);
    }

    static readonly Regex GenericHeaderWord = new(@"^(?:mean|means|moyenne|median|médiane|score|scores|total|totale|change|from|baseline|visit|visite|SD|ET|DS|SE|IQR|the|des|par|and|et)$", OptI);
    static readonly Regex IntervalHeader = new(@"\b(?:CI|IC|CrI|confidence interval|intervalle de confiance)\b", Opt);
    /// <summary>An estimate with its limits in brackets, "2.14 (1.19–3.85)", or from the next column, "2.14   1.19–3.85".</summary>
    static readonly Regex ComparisonHeader = new(@"\b(?:a?OR|a?HR|sHR|RR|IRR|MD|SMD|ETD|β|(?i:ratios?|rapport|risque relatif|differences?|différences?|beta|coefficients?|effects?|effets?))\b", Opt);
    static readonly Regex CellInterval = new(@"^(?<est>" + Num + @")\s*(?:[\(\[]\s*(?<lo>" + Num + @")\s*(?:to|à|–|—|-|;|,)\s*(?<hi>" + Num + @")\s*[\)\]]|\s[\(\[]?\s*(?<lo>" + Num + @")\s*(?:to|à|–|—|-|;|,)\s*(?<hi>" + Num + @")\s*[\)\]]?)$", Opt);

    /// <summary>A row label that is a visit ("Baseline", "Week 24", "M6", "S12", "Inclusion"): the row holds the measure its column or caption names.</summary>
    static bool IsVisitLabel(string label) => VisitPhrase.Match(label.Trim()) is { Success: true } v && v.Index == 0 && v.Length == label.Trim().Length;

    /// <summary>
    /// An interval cell: its level from the column's header ("95% CI") or row label, a ratio when they name one, and the
    /// row's p cell. A test the table's caption, header or footnote names (Fisher's exact, log-rank) need not give the interval's p.
    /// </summary>
    static EstimateWithInterval? TableInterval(PaperText text, TableCell cell, StatisticContext ctx, Match m, string caption, bool french)
    {
        var (est, lo, hi) = (PrintedNumber.Parse(m.Groups["est"].Value, french), PrintedNumber.Parse(m.Groups["lo"].Value, french), PrintedNumber.Parse(m.Groups["hi"].Value, french));
        if (est is null || lo is null || hi is null) return null;
        var named = (cell.Header ?? "") + " | " + cell.RowLabel;
        var level = StatedLevel.Match(named) is { Success: true } l ? double.Parse(l.Groups["lvl"].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : (double?)null;
        var ratio = RatioName.Match(named);
        var name = ratio.Success ? ratio.Value : DifferenceName.Match(named) is { Success: true } d ? d.Value.ToLowerInvariant() : null;
        bool isRatio = ratio.Success;
        // A column of both ("Difference or OR (95% CI)") holds each row's own kind: a ratio when the row names one or
        // compares counts ("n (%)"), a difference when the row compares means or medians or the values are not all
        // positive (no ratio is); else the kind, and so the scale of its p, is not known.
        bool kindUnknown = false;
        if (isRatio && DifferenceName.IsMatch(cell.Header ?? "") && !RatioName.IsMatch(cell.RowLabel))
        {
            var row = cell.RowLabel + " " + cell.Descriptor;
            if (est.Value <= 0 || lo.Value <= 0 || MeanDescriptor.IsMatch(row) || MedianDescriptor.IsMatch(row)) (isRatio, name) = (false, "difference");
            else if (!CountDescriptor.IsMatch(row)) (isRatio, name, kindUnknown) = (false, null, true);
        }
        ReportedP? p = null;
        // The row's p compares the columns: it is the interval's only when the column holds the comparison (a ratio, a
        // difference, a coefficient), never a group's own estimate ("Drug (n = 48), mean (95% CI)").
        bool comparison = ComparisonHeader.IsMatch(cell.Header ?? cell.RowLabel) && cell.ColumnN is null;
        if (cell.RowP is { } rp && comparison && !kindUnknown)
        {
            var pm = Regex.Match(rp.Text, @"^(?:[pP]\s*)?(?<rel>[<>≤≥=])?\s*(?<pv>[\d.,]+)$");
            if (pm.Success && PrintedNumber.Parse(pm.Groups["pv"].Value, french) is { Value: <= 1 } pv)
                p = new ReportedP(pm.Groups["rel"].Success ? pm.Groups["rel"].Value : "=", pv, rp.Start, rp.End);
            else if (Regex.IsMatch(rp.Text, @"^(?:NS|n\.s\.)$"))
                p = new ReportedP(">", PrintedNumber.Parse("0.05", false)!, rp.Start, rp.End);
        }
        // The table's caption, its rows below this one and its footnotes: the short lines after it, up to the first long one (running text).
        var below = text.Flow[cell.End..Math.Min(text.Flow.Length, cell.End + 1500)].Split('\n').TakeWhile(l => l.Length <= 300);
        return new EstimateWithInterval(ctx, name, isRatio, est, level, lo, hi, p, null)
        {
            OtherTestNamed = OtherTestNamedIn(caption + " " + cell.Descriptor + " " + string.Join(" ", below)),
            LevelSource = level is null ? "no level in the column's header" : "the column's header",
        };
    }

    /// <summary>
    /// A group of table rows named as a variable whose levels exclude each other (a patient has one sex, one NYHA class,
    /// one smoking status). Race and ethnicity are not among them: many forms let a patient tick several.
    /// </summary>
    static readonly Regex ExclusiveGroup = new(@"\b(?:sex|gender|sexe|genre|smoking|smokers?|tabac|tabagisme|NYHA|ECOG|stage|stade|severity|sévérité|disease activity|activité|marital|situation familiale|status|statut|BMI|IMC|age groups?|age class|tranches? d'âge|classes? d'âge|education|niveau d'études)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>
    /// Count cells of consecutive table rows in one column that are levels of one exclusive variable — rows under a
    /// label naming such a variable ("Sex, n (%)", "NYHA class"), or rows that are themselves its levels ("Women",
    /// "Men") — against the column's n: no patient is counted in two levels.
    /// </summary>
    static IEnumerable<CategoryCounts> TableCategories(PaperText text, List<(TableCell Cell, Percentage Stat)> counts)
    {
        var runs = new List<List<(TableCell Cell, Percentage Stat)>>();
        foreach (var c in counts.OrderBy(c => c.Cell.Column).ThenBy(c => c.Cell.Row))
        {
            var last = runs.Count > 0 ? runs[^1][^1].Cell : null;
            if (last is not null && last.Column == c.Cell.Column && c.Cell.Row - last.Row == 1 && last.Group == c.Cell.Group && last.ColumnN == c.Cell.ColumnN)
                runs[^1].Add(c);
            else runs.Add(new() { c });
        }
        static string Level(TableCell c) => Regex.Replace(c.RowLabel, @"\s*[,;:]?\s*(?:[nN]\s*\(%\)|\(\s*%\s*\))\s*$", "").Trim().ToLowerInvariant();
        static int KnownVariable(string level) => Array.FindIndex(ExclusiveLevels, v => Regex.IsMatch(level, "^(?:" + v.Levels + ")$", OptI));
        foreach (var whole in runs.Where(r => r.Count >= 2 && r[0].Cell.ColumnN is not null))
        {
            int n = whole[0].Cell.ColumnN!.Value;
            // Under a label naming an exclusive variable, its rows; elsewhere, stretches of rows that are the levels of one known variable.
            var segments = new List<(List<(TableCell Cell, Percentage Stat)> Rows, string Variable, bool LevelsKnown)>();
            if (whole[0].Cell.Group is { } g && ExclusiveGroup.IsMatch(g))
            {
                int v0 = KnownVariable(Level(whole[0].Cell));
                bool known = v0 >= 0 && whole.All(r => KnownVariable(Level(r.Cell)) == v0);
                segments.Add((whole, Regex.Replace(g, @"\s*[,;:]?\s*(?:[nN]\s*\(%\)|\(\s*%\s*\))\s*$", "").Trim(), known));
            }
            else
                for (int i = 0, j; i < whole.Count; i = j)
                {
                    int v = KnownVariable(Level(whole[i].Cell));
                    for (j = i + 1; v >= 0 && j < whole.Count && KnownVariable(Level(whole[j].Cell)) == v; j++) { }
                    if (v >= 0 && j - i >= 2) segments.Add((whole.GetRange(i, j - i), ExclusiveLevels[v].Variable, true));
                }
            foreach (var (segment, variable, levelsKnown) in segments)
            {
                var run = segment;
                // Rows under a group label whose words are not known levels may end with a row of another variable
                // ("Diabetes" under "Sex" with no label of its own): past the total, only the rows up to it are added.
                if (!levelsKnown && run.Sum(r => r.Stat.Count!.Value) > n)
                {
                    int k = run.Count - 1;
                    while (k >= 2 && run.Take(k).Sum(r => r.Stat.Count!.Value) > n) k--;
                    if (run.Take(k).Sum(r => r.Stat.Count!.Value) <= n) run = run.GetRange(0, k);
                }
                var levels = run.Select(r => Level(r.Cell)).ToList();
                if (run.Count < 2 || levels.Distinct().Count() < levels.Count) continue;
                var first = run[0].Cell;
                var categories = run.Select((r, k) => new CategoryCount(r.Stat.Count!.Value, levels[k], r.Cell.Start, r.Cell.End)).ToList();
                var line = text.LineAt(first.Start);
                string quote = string.Join(" + ", run.Select(r => r.Cell.Text));
                var ctx = new StatisticContext(first.Start, first.End, quote, $"{variable}: {string.Join("; ", run.Select(r => $"{r.Cell.RowLabel} {r.Cell.Text}"))} ({first.Header})",
                    variable, true, n, $"the column's n ('{first.Header}')", null) { Page = line.Page, Line = line.Line };
                yield return new CategoryCounts(ctx, variable, categories, n, Array.Empty<(int, string)>()) { TotalSource = $"of the column ('{first.Header}')" };
            }
        }
    }

    /// <summary>A table column headed by a visit: "Baseline", "12 weeks", "M6 (n = 19)", "Pre-treatment", "À l'inclusion".</summary>
    static readonly Regex VisitHeader = new(@"^\s*(?:at\s+|à\s+)?(?:baseline|inclusion|l'inclusion|pre|post|before|after|avant|après|pré|[MJWDVT]\d{1,3}|(?:week|semaine|month|mois|day|jour|visit|visite)\s*\d{1,3}|\d{1,3}\s*(?:weeks?|months?|semaines|mois|days?|jours|years?|ans?))\b", OptI);
    /// <summary>A p cell at the end of a table row: "&lt;0.001", "0.64", "0,002".</summary>
    static readonly Regex TableP = new(@"\G\s+(?<rel>[<>≤≥])?\s*(?<pv>0?[.,]\d+|1(?:[.,]0+)?)(?![\d.,])", Opt);
    static readonly Regex TableCaption = new(@"\b(?:Table|Tableau)\s+\d+[.:]", Opt);

    /// <summary>
    /// A table row with the means ± SD of one measure under two visit columns and a p at its end (a pre/post table): a
    /// within-patient comparison. Its n is the columns' n, else the n the table's caption states ("Table 3. … in the 18
    /// completers"); the caption says the test ("P values from paired t tests", "test t apparié").
    /// </summary>
    static IEnumerable<WithinPatientComparison> TableWithinPatient(PaperText text, List<(TableCell Cell, MeanWithSpread Stat)> means, bool french, int[] sentences)
    {
        var flow = text.Flow;
        bool threeVisits = Regex.IsMatch(flow, @"\b(?:M12|12 months|12 mois|1 an|three visits|trois visites)\b", OptI);
        foreach (var row in means.GroupBy(c => text.LineAt(c.Cell.Start)))
        {
            var pair = row.OrderBy(c => c.Cell.Column).ToList();
            if (pair.Count != 2 || !VisitHeader.IsMatch(pair[0].Cell.Header ?? "") || !VisitHeader.IsMatch(pair[1].Cell.Header ?? "")) continue;
            // The p ends the row's line.
            if (TableP.Match(flow, pair[1].Cell.End) is not { Success: true } pm || !ReferenceEquals(text.LineAt(pm.Index + pm.Length - 1), row.Key)
                || !row.Key.Text.TrimEnd().EndsWith(pm.Groups["pv"].Value, StringComparison.Ordinal)) continue;
            var value = PrintedNumber.Parse(pm.Groups["pv"].Value, french);
            if (value is null) continue;
            var p = new ReportedP(pm.Groups["rel"].Success ? pm.Groups["rel"].Value : "=", value, pm.Groups["pv"].Index, pm.Index + pm.Length);
            var caption = Caption(flow, pair[0].Cell.Start);
            int? n = pair[0].Cell.ColumnN is { } n0 && n0 == pair[1].Cell.ColumnN ? n0 : null;
            string source = n is null ? "" : $"the columns' n ('{pair[0].Cell.Header}')";
            if (n is null && CaptionN(caption) is { } stated) (n, source) = stated;
            var first = pair[0].Stat;
            var ctx = AtLaterVisitCell(first.Context, pair[1].Stat.Context, p, flow) with { N = n, NSource = n is null ? "no n stated for the table's columns or in its caption" : source };
            var test = RankTest.IsMatch(caption) ? "rank" : PairedTest.IsMatch(caption) ? "paired t" : null;
            yield return new WithinPatientComparison(ctx, first, pair[1].Stat, p, threeVisits ? 3 : 2) { NamedTest = test };
        }
    }

    /// <summary>
    /// A table row's within-patient comparison quotes both visit columns and its p, but stands at the later visit's cell:
    /// the earlier cell is a statistic of its own with its own checks (a GRIM on the baseline mean), as in any table.
    /// </summary>
    static StatisticContext AtLaterVisitCell(StatisticContext earlier, StatisticContext later, ReportedP p, string flow) =>
        earlier with { Start = later.Start, End = p.End, Quote = flow[earlier.Start..p.End], Page = later.Page, Line = later.Line };

    /// <summary>The caption of the table a cell is in ("Table 2. …", "Tableau 2. …", up to 800 characters before it), or "".</summary>
    static string Caption(string flow, int cellStart)
    {
        int from = Math.Max(0, cellStart - 800);
        return TableCaption.Matches(flow[from..cellStart]).LastOrDefault() is { } c ? flow[(from + c.Index)..cellStart] : "";
    }

    /// <summary>The n a table's caption states ("Table 3. … in the 18 completers", "Évolution des 16 patients"), with where it was read.</summary>
    static (int? N, string Source)? CaptionN(string caption) =>
        (NEquals.Match(caption) is { Success: true } ne ? (ne.Groups["n"].Value, ne.Value) : NPeople.Match(caption) is { Success: true } np ? (np.Groups["n"].Value, np.Value) : default)
            is ({ } printed, { } words) ? (ParseWhole(printed), $"'{words}' in the table's caption") : null;

    /// <summary>Another column's header naming an adjusted comparison ("Adjusted OR (95% CI)", "Différence ajustée"): it says the comparison is a model's, not the groups' own cells.</summary>
    static readonly Regex AdjustedComparisonColumn = new(@"\b(?:adjusted|ajustée?)\s+(?:a?OR|a?HR|RR|IRR|odds ratios?|hazard ratios?|risk ratios?|rate ratios?|rapports? de cotes|differences?|différences?)\b[^|]*?(?=\s{2,}|\||$)|\b(?:a?OR|a?HR|RR|rapports? de cotes|différences?|differences?)\s+(?:adjusted|ajustée?)\b[^|]*?(?=\s{2,}|\||$)", OptI);
}
