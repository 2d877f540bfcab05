using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

// p-values: their printed forms, the p that goes with a statistic (before or after it, in a clause referring back), and the words around a p that make it another test's, a corrected or one-sided p.
internal static partial class StatisticExtractor
{
    /// <summary>"p = .036", "P&lt;.001", "p-value = 0.03", and in words: "a p-value of 0.03", "p value was 0.03", "p-value of less than 0.001", "une valeur de p de 0,03".</summary>
    static readonly Regex PValue = new(@"(?<![A-Za-z])(?:[pP]\s*(?:-?\s*value\s*)?(?<rel><=|>=|=|<|>|≤|≥)|(?:[pP][- ]?value|valeur (?:de )?p|p-valeur)\s+(?:(?:was|is|of|de|était|égale à|equal to)\s+){1,2}(?<lt>(?:less than|lower than|below|under|inférieure? à)\s+)?)\s*(?<pv>10\s*\^?\s*-\s*\d+(?![.,]?\d)|(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:\s*(?:[×x\*]\s*10\s*\^?\s*-\s*\d+|[eE]-?\d+))?)", Opt);

    static ReportedP? P(Match m, bool french)
    {
        // "p < 10-3", "p < 10^-4": a bare power of ten.
        var printed = Regex.IsMatch(m.Groups["pv"].Value, @"^10\s*\^?\s*-") ? "1×10" + Regex.Replace(m.Groups["pv"].Value[2..], @"[\s^]", "") : m.Groups["pv"].Value;
        var v = PrintedNumber.Parse(printed, french);
        if (v is null || v.Value > 1) return null;
        return new ReportedP(m.Groups["rel"].Success ? m.Groups["rel"].Value : m.Groups["lt"].Success ? "<" : "=", v, m.Index, m.Index + m.Length);
    }

    static readonly Regex CorrectedWords = new(@"\b(?:adjusted|corrected|correction|Bonferroni|Holm|Hochberg|Šidák|Sidak|FDR|false discovery|Benjamini|Tukey|Dunnett|Scheff[eé]|multiplicity|multiple comparisons?|ajustée?s?|corrigée?s?|comparaisons multiples)\b", OptI);
    static readonly Regex OtherTestWords = new(@"\b(?:exact|Fisher|permutation|bootstrap|Monte[- ]Carlo|log-?rank|Mantel|Cochran|Wilcoxon|Mann[- ]Whitney|Kruskal|Friedman|McNemar|likelihood[- ]ratio|LRT|score test|Gehan|Breslow|Peto|Tarone|rapport de vraisemblance|exacte?|signed[- ]rank|rangs signés)\b", OptI);
    static readonly Regex OtherHypothesisWords = new(@"\b(?:interactions?|trend|heterogeneity|non-?inferiority|equivalence|superiority|margin|tendance|hétérogénéité|non-?infériorité|équivalence|supériorité|marge)\b", OptI);
    static readonly Regex OneSidedWords = new(@"\b(?:one-sided|one-tailed|unilateral|unilatérale?)\b", OptI);
    static readonly Regex MarginWords = new(@"\b(?:non-?inferiority|equivalence|margin|non-?infériorité|équivalence|marge)\b", OptI);

    /// <summary>A test the sentence names up to an interval's end whose p need not be the interval's (log-rank, Fisher's exact, a non-inferiority margin), as printed.</summary>
    static string? OtherTestIn(string flow, int[] sentences, int from, int end) => OtherTestNamedIn(flow[SentenceStart(sentences, from)..end]);

    static string? OtherTestNamedIn(string sentence)
    {
        return OtherTestWords.Match(sentence) is { Success: true } m ? $"'{m.Value}'" : MarginWords.Match(sentence) is { Success: true } h ? $"'{h.Value}'"
            : ChiSquareTest.Match(sentence) is { Success: true } c ? $"'{c.Value}' (a Pearson test's p, not the interval's Wald p)" : null;
    }

    /// <summary>A paper's significance level other than 5 %, or a correction for multiple comparisons: its "NS" need not mean p &gt; 0.05.</summary>
    static readonly Regex OtherLevel = new(@"\b(?:Bonferroni|Holm|Hochberg|Šidák|Sidak|false discovery|Benjamini|multiple comparisons|comparaisons multiples)\b|(?:α|alpha|significance level|significance threshold|seuil de significativité|risque alpha|niveau de signification)\s*(?:of|de|was|était|=|:|at|à)?\s*(?:0[.,](?!05\b)\d+|(?!5\s*%)\d+(?:[.,]\d+)?\s*%)", OptI);
    static readonly Regex Sphericity = new(@"\b(?:Greenhouse|Huynh|sphericity|sphéricité)\b", OptI);

    /// <summary>
    /// What the words printed with a p say of it: those just before it, back to the last number or '=' ("χ2 = 3.2,
    /// Fisher's exact p = 0.04", "Bonferroni-corrected p"), and those after it to the end of its clause ("p = 0.03
    /// (Bonferroni-corrected)", "p = 0.01, log-rank test"). Words before the statistic ("Mann–Whitney U test, z = 2.1,
    /// p = 0.04") are the statistic's own test, not the p's.
    /// </summary>
    static PQualifier? QualifierOf(string flow, ReportedP p)
    {
        int from = Math.Max(0, p.Start - 40);
        var pre = flow[from..p.Start];
        int cut = Math.Max(pre.LastIndexOfAny("0123456789=.".ToCharArray()), pre.LastIndexOf('\n'));
        pre = pre[(cut + 1)..];
        var post = flow[p.End..Math.Min(flow.Length, p.End + 40)];
        int stop = post.IndexOfAny(";.\n".ToCharArray());
        if (stop >= 0) post = post[..stop];
        // The words after a bracket the p closes, or after a clause break, are no longer about it.
        int close = post.IndexOf(')'), open = post.IndexOf('(');
        if (close >= 0 && (open < 0 || close < open)) post = post[..close];
        if (ClauseBreak.Match(post) is { Success: true } clause) post = post[..clause.Index];
        if (Regex.Match(post, @"\d") is { Success: true } digit) post = post[..digit.Index];
        var words = pre + " " + post;
        foreach (var (kind, regex) in new[] { ("corrected", CorrectedWords), ("another test", OtherTestWords), ("another hypothesis", OtherHypothesisWords), ("one-sided", OneSidedWords) })
            if (regex.Match(words) is { Success: true } m) return new PQualifier(kind, m.Value);
        return null;
    }

    static readonly Regex NotSignificant = new(@"(?<=[,;(]\s*)(?:NS|N\.S\.|n\.s\.)(?![\w])", Opt);
    static readonly Regex OpensStatistic = new(@"^\s*[,;:]?\s*[\(\[]?\s*(?:[A-Za-zÀ-ÿ'-]+\s+){0,3}$", Opt);

    static readonly Regex ReferringClause = new(@"^\s*[;,]\s*(?:and\s+|but\s+|et\s+|mais\s+)?(?:this|that|which|it|the (?:difference|effect|association|change|gain|correlation)|ce(?:tte|t)?|ceci|qui|la différence|l'effet|l'association|le gain)\b[^\d;.()]{0,50}$", OptI);

    /// <summary>The p of the clause after a statistic when that clause refers back to it ("; this difference was significant, p &lt; .001"), with no number between.</summary>
    static ReportedP? PInReferringClause(List<ReportedP> pValues, string flow, int from)
    {
        var p = pValues.FirstOrDefault(x => x.Start >= from && x.Start - from <= 70);
        return p is not null && ReferringClause.IsMatch(flow[from..p.Start]) ? p : null;
    }

    /// <summary>The p printed just before a statistic ("p = 0.03 (t = 2.3, df = 28)", "p = 0.03, t(28) = 2.3"), unclaimed, with only a bracket or a few words between.</summary>
    static ReportedP? PBefore(List<ReportedP> pValues, HashSet<ReportedP> used, string flow, int statisticStart)
    {
        var p = pValues.LastOrDefault(x => x.End <= statisticStart && statisticStart - x.End <= 25);
        if (p is null || used.Contains(p)) return null;
        var gap = flow[p.End..statisticStart];
        return !gap.Contains('\n') && OpensStatistic.IsMatch(gap) ? p : null;
    }

    /// <summary>The p-value printed right after a statistic (within a few characters, with no other number in between but a df).</summary>
    /// <param name="overTest">An interval's p may follow the test that gave it: "(95% CI −3.1 to 0.4; t(40) = −1.62, p = 0.11)".</param>
    static ReportedP? PAfter(List<ReportedP> pValues, string flow, int from, int within, bool overTest = false)
    {
        var p = pValues.FirstOrDefault(x => x.Start >= from && x.Start - from <= within);
        if (p is null) return null;
        var gap = flow[from..p.Start];
        if (overTest) gap = Test.Replace(gap, "");
        if (gap.Contains('\n') || Regex.IsMatch(NEquals.Replace(DfInGap.Replace(gap, ""), ""), @"\d")) return null;
        return p;
    }
}
