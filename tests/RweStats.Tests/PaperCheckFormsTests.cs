using RweStats.PaperCheck;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Reporting forms the paper check reads, each with a correct control and an impossible value. The p-values quoted in
/// the comments are R's (pt, pf, pchisq, pnorm) on the printed numbers.
/// </summary>
public class PaperCheckFormsTests
{
    static string Verdict(string text, string check) => Finding.VerdictName(Assert.Single(CheckText(text).Findings, f => f.Check == check).Verdict);

    [Theory]
    // 2 * pt(-2.20, 28) = 0.0362; 1 - pf(3.1, 2, 45) = 0.0548; 1 - pchisq(6.1, 2) = 0.0474.
    [InlineData("The groups differed, t28 = 2.20, p = 0.036.", "consistent")]
    [InlineData("The groups differed, t28 = 2.20, p = 0.36.", "inconsistent")]
    [InlineData("The groups differed (t 28 = 2.20, p = 0.036).", "consistent")]
    [InlineData("The effect of arm was F2,45 = 3.1, p = 0.055.", "consistent")]
    [InlineData("The effect of arm was F2,45 = 3.1, p = 0.005.", "inconsistent")]
    [InlineData("The groups differed, t(28)=2.2, p=0.036.", "consistent")]
    [InlineData("The groups differed, t(28)=2.2, p=0.0036.", "inconsistent")]
    [InlineData("Sex was associated with response, χ2(2, N = 80) = 6.1, p = 0.047.", "consistent")]
    [InlineData("Sex was associated with response, χ2(2, N = 80) = 6.1, p = 0.47.", "inconsistent")]
    public void CompressedDegreesOfFreedom(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Theory]
    // 2 * pt(-2.3, 28) = 0.0291 (t from 2.25 to 2.35: 0.026 to 0.032).
    [InlineData("The score fell (p = 0.03 (t = 2.3, df = 28)).", "consistent")]
    [InlineData("The score fell, p = 0.03 (t = 2.3, df = 28).", "consistent")]
    [InlineData("The score fell, p = 0.30 (t = 2.3, df = 28).", "inconsistent")]
    [InlineData("Le score a baissé (p = 0,03 ; t(28) = 2,3).", "consistent")]
    [InlineData("Le score a baissé (p = 0,003 ; t(28) = 2,3).", "inconsistent")]
    public void APPrintedBeforeItsStatistic(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Fact]
    public void APPrintedBeforeItsStatisticIsNotTakenFromTheStatisticBefore()
    {
        // Each bracket's p is its own: 2 * pt(-2.3, 28) = 0.029, 1 - pf(3.1, 2, 45) = 0.055.
        var findings = CheckText("Scores fell (p = 0.03 (t = 2.3, df = 28)) and arms differed (p = 0.055 (F(2, 45) = 3.1)).").Findings;
        Assert.Equal(2, findings.Count(f => f.Check == "p_vs_statistic" && f.Verdict == FindingVerdict.Consistent));
    }

    [Theory]
    // 2 * pnorm(-1.2 / (2.2 / 2 / 1.96)) = 0.0325 (normal); larger with a t of few df.
    [InlineData("The mean difference was −1.2 (95 % CI −2.3 to −0.1; p = 0.04).", "consistent")]
    [InlineData("The mean difference was −1.2 (95 % CI −2.3 to −0.1; p = 0.40).", "inconsistent")]
    // 2 * pnorm(-abs(log(1.8) / ((log(2.9) - log(1.1)) / 2 / 1.96))) = 0.0175; the paper states its level once.
    [InlineData("Odds ratios are given with their 95 % confidence intervals. Smoking raised the risk, OR 1.8 [1.1–2.9], p = 0.02.", "consistent")]
    [InlineData("Odds ratios are given with their 95 % confidence intervals. Smoking raised the risk, OR 1.8 [1.1–2.9], p = 0.40.", "inconsistent")]
    // 2 * pnorm(-abs(log(0.72) / ((log(0.94) - log(0.55)) / 2 / 1.96))) = 0.0163.
    [InlineData("Hazard ratios (95 % CI) were computed. Treatment lowered the risk of flare, HR 0.72 (0.55; 0.94), p = 0.016.", "consistent")]
    [InlineData("Hazard ratios (95 % CI) were computed. Treatment lowered the risk of flare, HR 0.72 (0.75; 0.94), p = 0.016.", "inconsistent")]
    // Limits without a level anywhere in the paper: the p cannot be derived, only the estimate's place inside them.
    [InlineData("Treatment lowered the risk of flare, HR 0.72 (0.55; 0.94), p = 0.40.", "not_checkable")]
    [InlineData("Treatment lowered the risk of flare, HR 0.72 (0.85; 0.94), p = 0.40.", "inconsistent")]
    // A median difference's bracket may hold its quartiles: not read as an interval.
    [InlineData("Odds ratios are given with their 95 % CI. The median difference was 5 (3–7), p = 0.30.", null)]
    // French: "IC95 %", "p<0,001" printed tight.
    [InlineData("La différence était de 1,2 (IC95 % 0,1 à 2,3 ; p = 0,04).", "consistent")]
    [InlineData("La différence était de 1,2 (IC95 % 0,1 à 2,3 ; p = 0,40).", "inconsistent")]
    [InlineData("Le risque était plus élevé (RR 2,1 ; IC95 1,6-2,8 ; p<0,001).", "consistent")]
    [InlineData("Le risque était plus élevé (RR 1,1 ; IC95 0,6-2,0 ; p<0,001).", "inconsistent")]
    public void EstimatesWithIntervals(string text, string? verdict)
    {
        if (verdict is null) Assert.DoesNotContain(CheckText(text).Findings, f => f.Check == "ci_vs_p");
        else Assert.Equal(verdict, Verdict(text, "ci_vs_p"));
    }

    [Theory]
    // 2 * pnorm(-0.12 / 0.05) = 0.0164 (normal; rounding: z from 2.09 to 2.78); a t with 1 df gives at most 0.284.
    [InlineData("Age predicted the score (β = 0.12 (SE 0.05), p = 0.02).", "consistent")]
    [InlineData("Age predicted the score (β = 0.12 (SE 0.05), p = 0.001).", "inconsistent")]
    [InlineData("La différence ajustée était de 1,2 (ES 0,5) ; p = 0,02.", "consistent")]
    [InlineData("La différence ajustée était de 1,2 (ES 0,5) ; p = 0,70.", "inconsistent")]
    public void EstimatesWithStandardErrors(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "se_vs_p"));

    [Theory]
    // 14 integers: 173/14 = 12.357 prints 12.36; no total gives 12.35 (172.9).
    [InlineData("Les 14 patients avaient un score moyen de 12,36 (écart-type 3,10).", "consistent")]
    [InlineData("Les 14 patients avaient un score moyen de 12,35 (écart-type 3,10).", "inconsistent")]
    // "the 35 completers" is the n: 7.10 × 35 = 248.5 (impossible); 249/35 = 7.114 prints 7.11.
    [InlineData("At week 12, the 35 completers averaged 7.11 ± 4.66 on the MMSE score.", "consistent")]
    [InlineData("At week 12, the 35 completers averaged 7.10 ± 4.66 on the MMSE score.", "inconsistent")]
    public void MeansWithTheirNAndSdWords(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // 29/48 = 60.42 %; no denominator gives 61.2 % for 29 (29/47 = 61.70, 29/48 = 60.42).
    [InlineData("Des nausées ont été rapportées par 60,4 % des participants, soit 29 personnes.", "consistent")]
    [InlineData("Des nausées ont été rapportées par 61,2 % des participants, soit 29 personnes.", "inconsistent")]
    // 39/41 = 95.1 %.
    [InlineData("A flare occurred in 39 patients out of 41, i.e. 95%.", "consistent")]
    [InlineData("A flare occurred in 39 patients out of 41, i.e. 93%.", "inconsistent")]
    [InlineData("Une poussée est survenue chez 27 patients sur 60, soit 45 %.", "consistent")]
    [InlineData("Une poussée est survenue chez 27 patients sur 60, soit 47 %.", "inconsistent")]
    // "des 39 patients" is the proportion's n: 4/39 = 0.103, SD 0.307 (DEBIT); SD 0.50 no count gives.
    [InlineData("Une proportion de 0,10 (DS 0,31) des 39 patients étaient fumeurs.", "consistent", "debit")]
    [InlineData("Une proportion de 0,10 (DS 0,50) des 39 patients étaient fumeurs.", "inconsistent", "debit")]
    public void PercentagesWithTheirCounts(string text, string verdict, string check = "percentage") => Assert.Equal(verdict, Verdict(text, check));

    [Theory]
    // The n of one sentence ("the n = 12 patients had …") is not the study's: 6 patients being 29 % needs 21 of them.
    [InlineData("The n = 12 patients had a mean MMSE score of 11.10.\n\nIn the cohort, 29 % had renal involvement (n = 6).", "consistent")]
    [InlineData("Twelve patients were included.\n\nIn the cohort, 29 % had renal involvement (n = 6).", "inconsistent")]
    public void TheStudysNIsStatedAsSuch(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    [InlineData("Of the 20 patients, 8 were in NYHA class II, 9 in class III and 3 in class IV.", "consistent")]
    [InlineData("Of the 20 patients, 8 were in NYHA class II, 9 in class III and 5 in class IV.", "inconsistent")]
    [InlineData("Of the 20 patients, 12 improved, 5 were unchanged and 3 worsened.", "consistent")]
    [InlineData("Of the 20 patients, 12 improved, 6 were unchanged and 4 worsened.", "inconsistent")]
    [InlineData("Parmi les 30 patients, 10 sont décédés et 20 étaient vivants à un an.", "consistent")]
    [InlineData("Parmi les 30 patients, 12 sont décédés et 20 étaient vivants à un an.", "inconsistent")]
    public void CountsOfOtherCategoryVariables(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Fact]
    public void TableColumnsOneSpaceApart()
    {
        // 24/32 = 75 %; no denominator up to 31 gives 17 patients 60 % (17/28 = 60.7, 17/29 = 58.6).
        var text = "Table 1. Baseline characteristics.\n\n" +
                   "Characteristic Active (n = 32) Placebo (n = 31)\n" +
                   "Women, n (%) 24 (75) 17 (60)\n" +
                   "Age, years, mean (SD) 54.2 (11.3) 55.1 (10.8)\n";
        var findings = CheckText(text).Findings;
        var control = Assert.Single(findings, f => f.Quote == "24 (75)");
        Assert.Equal(FindingVerdict.Consistent, control.Verdict);
        Assert.Contains("Active (n = 32)", control.Explanation);
        var bad = Assert.Single(findings, f => f.Quote == "17 (60)");
        Assert.Equal(FindingVerdict.Inconsistent, bad.Verdict);
        Assert.Equal(4, bad.Line);
        // A sentence ending in numbers is not a table row.
        Assert.DoesNotContain(CheckText("Characteristic Active (n = 32) Placebo (n = 31)\n\nThe women were 24 (75) and 17 (60)\n").Findings,
            f => f.Verdict == FindingVerdict.Inconsistent);
    }

    [Theory]
    // Column A (n = 32): 20 + 12 = 32 women and men; column B (n = 31): 14 + 17 = 31, or 14 + 19 = 33 > 31 although
    // 19/31 = 61.3 % is a right percentage of its own.
    [InlineData("  ", "17 (54.8)", "consistent")]
    [InlineData("  ", "19 (61.3)", "inconsistent")]
    [InlineData(" ", "17 (54.8)", "consistent")]
    [InlineData(" ", "19 (61.3)", "inconsistent")]
    public void TableCategoryRowsAgainstTheColumnsN(string gap, string men, string verdict)
    {
        var text = $"Table 1.\n\nCharacteristic{gap}A (n = 32){gap}B (n = 31)\nSex, n (%)\nWomen{gap}20 (62.5){gap}14 (45.2)\nMen{gap}12 (37.5){gap}{men}\n";
        var categories = CheckText(text).Findings.Where(f => f.Check == "category_counts").ToList();
        Assert.Equal(2, categories.Count);
        Assert.Equal(FindingVerdict.Consistent, categories[0].Verdict);
        Assert.Equal(verdict, Finding.VerdictName(categories[1].Verdict));
        Assert.Contains("B (n = 31)", categories[1].Explanation);
        // A row of another variable left under the group's label ("Diabetes" under "Sex") is not one of its levels:
        // 20 + 12 = 32 is the column's n, and the 5 after it are not added.
        var trailing = $"Characteristic{gap}A (n = 32)\nSex, n (%)\nWomen{gap}20 (62.5)\nMen{gap}12 (37.5)\nDiabetes{gap}5 (15.6)\n";
        Assert.Equal(FindingVerdict.Consistent, Assert.Single(CheckText(trailing).Findings, f => f.Check == "category_counts").Verdict);
        // Rows that need not exclude each other (comorbidities) are not added up.
        var comorbid = $"Characteristic{gap}A (n = 32)\nComorbidities, n (%)\nHypertension{gap}20 (62.5)\nDiabetes{gap}14 (43.8)\n";
        Assert.DoesNotContain(CheckText(comorbid).Findings, f => f.Check == "category_counts");
    }

    // A table comparing two groups with an estimate column and a P column. 2 * pnorm(-abs(log(0.56)) / ((log(0.95) - log(0.33)) / 2 / 1.96)) = 0.031.
    const string HazardTable = """
        We included 212 patients.

        Table 1. Outcomes at 12 months.

        Outcome                  ARNI (n = 108)    Usual care (n = 104)    HR (95% CI)         P
        HF admission, n (%)      21 (19.4)         33 (31.7)               0.56 (0.33–0.95)    {0}
        """;

    [Theory]
    [InlineData("0.03", "consistent")]
    [InlineData("0.30", "inconsistent")]
    [InlineData("NS", "inconsistent")]
    public void AnIntervalColumnIsCheckedAgainstTheRowsP(string p, string verdict) =>
        Assert.Equal(verdict, Verdict(string.Format(HazardTable, p), "ci_vs_p"));

    [Fact]
    public void ATableWithAnIntervalColumnStillChecksItsCountColumns()
    {
        var findings = CheckText(string.Format(HazardTable, "0.03")).Findings.Where(f => f.Check == "percentage").ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(FindingVerdict.Consistent, f.Verdict));
    }

    [Theory]
    // A Markdown table of odds ratios with one estimate a row and its p: 2 * pnorm(-log(2.14) / ((log(3.85) - log(1.19)) / 2 / 1.96)) = 0.011.
    [InlineData("0.011", "", "consistent")]
    [InlineData("0.11", "", "inconsistent")]
    // A footnote naming Fisher's exact test: its p need not be the interval's.
    [InlineData("0.11", "P values from Fisher's exact test.", "not_checkable")]
    public void AnOddsRatioTableWithAPValueColumn(string p, string footnote, string verdict) => Assert.Equal(verdict, Verdict($"""
        We enrolled 410 adults living with HIV.

        | Variable | aOR (95% CI) | p-value |
        |---|---|---|
        | Age < 25 years | 2.14 (1.19–3.85) | {p} |

        {footnote}
        """, "ci_vs_p"));

    [Theory]
    // A column headed by the people each row counts is the row's n: 301/612 = 49.18 %; a caption saying "n (%)" says it
    // of every cell: 151/174 = 86.78 %.
    [InlineData("Unit  Respondents  Shift work disorder, No. (%)\nIntensive care  612  301 (49.2)\nSurgery  540  214 (39.6)", "301 (49.2)", "consistent")]
    [InlineData("Unit  Respondents  Shift work disorder, No. (%)\nIntensive care  612  301 (47.2)\nSurgery  540  214 (39.6)", "301 (47.2)", "inconsistent")]
    [InlineData("Service  Répondants  Trouble du travail posté, n (%)\nRéanimation  612  301 (49,2)\nChirurgie  540  214 (39,6)", "301 (49,2)", "consistent")]
    [InlineData("Service  Répondants  Trouble du travail posté, n (%)\nRéanimation  612  301 (47,2)\nChirurgie  540  214 (39,6)", "301 (47,2)", "inconsistent")]
    [InlineData("Table 1. Knowledge of the respondents by sex, n (%)\n\n| Item | Women (n = 174) | Men (n = 141) | p |\n|---|---|---|---|\n| Window of efficacy | 151 (86.8) | 109 (77.3) | 0.03 |", "151 (86.8)", "consistent")]
    [InlineData("Table 1. Knowledge of the respondents by sex, n (%)\n\n| Item | Women (n = 174) | Men (n = 141) | p |\n|---|---|---|---|\n| Window of efficacy | 151 (80.8) | 109 (77.3) | 0.03 |", "151 (80.8)", "inconsistent")]
    [InlineData("Tableau 1. Connaissances des répondants selon le sexe, n (%)\n\n| Item | Femmes (n = 174) | Hommes (n = 141) | p |\n|---|---|---|---|\n| Délai d'efficacité | 151 (86,8) | 109 (77,3) | 0,03 |", "151 (86,8)", "consistent")]
    [InlineData("Tableau 1. Connaissances des répondants selon le sexe, n (%)\n\n| Item | Femmes (n = 174) | Hommes (n = 141) | p |\n|---|---|---|---|\n| Délai d'efficacité | 151 (80,8) | 109 (77,3) | 0,03 |", "151 (80,8)", "inconsistent")]
    [InlineData("Profession  Répondants  EE élevé, n (%)\nInfirmiers  1\u202F012  356 (35,2)\nMédecins  540  214 (39,6)", "356 (35,2)", "consistent")]
    [InlineData("Profession  Répondants  EE élevé, n (%)\nInfirmiers  1\u202F012  356 (30,2)\nMédecins  540  214 (39,6)", "356 (30,2)", "inconsistent")]
    public void CountsSaidByARespondentsColumnOrTheCaption(string table, string cell, string verdict) =>
        Assert.Equal(verdict, Finding.VerdictName(Assert.Single(CheckText("We surveyed 1152 nurses.\n\n" + table + "\n\nMore text follows here in a long sentence of running text that ends the table.").Findings,
            f => f.Check == "percentage" && f.Quote.Contains(cell)).Verdict));

    [Theory]
    // "Unless stated otherwise": a row may hold a mean and its SD, so the caption says nothing of a cell.
    [InlineData("Table 1. Baseline characteristics, n (%) unless stated otherwise\n\n| Characteristic | Drug (n = 108) | Placebo (n = 106) |\n|---|---|---|\n| BMI | 27 (4) | 28 (5) |")]
    public void ACaptionAllowingOtherKindsSaysNothingOfACell(string table) =>
        Assert.DoesNotContain(CheckText(table).Findings, f => f.Check == "percentage");

    [Theory]
    // The groups' bare estimates beside the difference's interval: 2 * pnorm(-3.1 / ((5.0 - 1.2) / 2 / qnorm(0.975))) = 0.0014.
    [InlineData("| End point | Drug (N = 412) | Placebo (N = 206) | Estimated difference (95% CI) | P value |\n|---|---|---|---|---|\n| Systolic pressure, change, mm Hg | −5.2 | −2.1 | −3.1 (−5.0 to −1.2) | 0.001 |", "consistent")]
    [InlineData("| End point | Drug (N = 412) | Placebo (N = 206) | Estimated difference (95% CI) | P value |\n|---|---|---|---|---|\n| Systolic pressure, change, mm Hg | −5.2 | −2.1 | −3.1 (−5.0 to −1.2) | 0.18 |", "inconsistent")]
    [InlineData("| Critère | Médicament (N = 412) | Placebo (N = 206) | Différence estimée (IC à 95 %) | p |\n|---|---|---|---|---|\n| Pression systolique, variation, mm Hg | −5,2 | −2,1 | −3,1 (−5,0 à −1,2) | 0,001 |", "consistent")]
    [InlineData("| Critère | Médicament (N = 412) | Placebo (N = 206) | Différence estimée (IC à 95 %) | p |\n|---|---|---|---|---|\n| Pression systolique, variation, mm Hg | −5,2 | −2,1 | −3,1 (−5,0 à −1,2) | 0,18 |", "inconsistent")]
    public void BareGroupEstimatesBesideTheDifferencesInterval(string table, string verdict) =>
        Assert.Equal(verdict, Verdict("We randomised 618 adults.\n\n" + table + "\n\nMore text follows here in a long sentence of running text that ends the table.", "ci_vs_p"));

    [Theory]
    // A table by visit: each row's n in its own column, the measure named by the caption (an integer-valued scale).
    // -14.15 * 51 = -721.65: -721/51 = -14.137, -722/51 = -14.157; -14.16 is possible.
    [InlineData("−14.16", "consistent")]
    [InlineData("−14.15", "inconsistent")]
    public void ATableByVisitTakesEachRowsN(string change, string verdict)
    {
        var report = CheckText($"""
            Sixty-four patients were included.

            Table 2. MADRS total score by visit (mean ± SD).

            Visit       n     MADRS            Change from baseline
            Baseline    64    29.41 ± 5.12     —
            Week 12     51    15.27 ± 8.66     {change} ± 8.21
            """);
        var grim = report.Findings.Where(f => f.Check == "grim").ToList();
        Assert.Equal(3, grim.Count);
        Assert.Equal(verdict, Finding.VerdictName(grim[^1].Verdict));
        Assert.Contains("n = 51", grim[^1].Explanation);
    }

    [Theory]
    // Rating scales whose totals are sums of whole item scores, named without "score": 24.64 * 38 = 936.32, and 936/38 = 24.63, 937/38 = 24.66.
    [InlineData("In the 38 patients, the mean MMSE was 24.64 (SD 3.05).", "inconsistent")]
    [InlineData("In the 38 patients, the mean MMSE was 24.63 (SD 3.05).", "consistent")]
    [InlineData("In the 38 patients, the mean NIHSS was 24.64 (SD 3.05).", "inconsistent")]
    // 12.64 * 38 = 480.32: 480/38 = 12.632, 481/38 = 12.658.
    [InlineData("In the 38 patients, the mean DLQI was 12.64 (SD 5.05).", "inconsistent")]
    // 8.46 * 38 = 321.48: 321/38 = 8.447, 322/38 = 8.474.
    [InlineData("In the 38 patients, the mean gain was 8.46 (SD 10.2) ETDRS letters.", "inconsistent")]
    // The EDSS moves in half points, the IKDC and the ACQ are rescaled or averaged over items: not whole-number totals.
    [InlineData("In the 38 patients, the mean EDSS was 3.47 (SD 1.05).", "not_checkable")]
    [InlineData("In the 38 patients, the mean IKDC score was 62.47 (SD 10.2).", "not_checkable")]
    // An instrument as a threshold or a band names a subgroup, not the measure of the mean.
    [InlineData("In the 38 patients with an MMSE ≥ 24, the mean BMI was 27.43 (SD 4.1).", "not_checkable")]
    [InlineData("In the 38 patients with an mRS 0–2, the mean BMI was 27.43 (SD 4.1).", "not_checkable")]
    [InlineData("In the 38 patients, the mean ACQ score was 1.47 (SD 0.62).", "not_checkable")]
    public void NamedRatingScalesAreIntegerValued(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // The Lancet's raised decimal point, and a count with its percentage before the denominator: 23/212 = 10.85 %, 4/212 = 1.89 %.
    [InlineData("Hyperkalaemia occurred in 23 (10·8%) of 212 patients.", "consistent")]
    [InlineData("Angio-oedema occurred in 4 (2·4%) of 212 patients.", "inconsistent")]
    [InlineData("Une aide était présente pour 9 (8,3 %) des 96 patients.", "inconsistent")]
    // Two counts, then their percentages 'respectively': 187/212 = 88.2 %, and no denominator gives 87.2 % of 187.
    [InlineData("We included 212 patients. At 12 months, 198 and 187 patients were still treated (93.4% and 88.2%, respectively).", "consistent")]
    [InlineData("We included 212 patients. At 12 months, 198 and 187 patients were still treated (93.4% and 87.2%, respectively).", "inconsistent")]
    // "35 were women (61.4%)": 35/57 = 61.4 %; no denominator gives 62.9 % of 58 (58/92 = 63.04 %, 58/93 = 62.37 %).
    [InlineData("Of the 57 patients, 35 were women (61.4%).", "consistent")]
    [InlineData("Parmi les 96 patients, 58 étaient des femmes (62,9 %).", "inconsistent")]
    public void CountsWithTheirPercentages(string text, string verdict)
    {
        var findings = CheckText(text).Findings.Where(f => f.Check == "percentage").ToList();
        Assert.NotEmpty(findings);
        Assert.Equal(verdict, findings.Any(f => f.Verdict == FindingVerdict.Inconsistent) ? "inconsistent" : Finding.VerdictName(findings[^1].Verdict));
    }

    [Theory]
    // 2 * pt(-2.45, 94) = 0.016; 2 * pt(-1.12, 78.3) = 0.266.
    [InlineData("Le score était plus élevé (t de Student = 2,45 ; ddl = 94 ; p = 0,016).", "consistent")]
    [InlineData("La durée différait (t de Welch = 1,12 ; ddl = 78,3 ; p = 0,03).", "inconsistent")]
    public void AStudentOrWelchTNamedInFrench(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Fact]
    public void AJustifiedLineOfRunningTextIsNoTableRow()
    {
        // Wide gaps of a justified line before "309±99": the sentence's group (52), not the study's 118, is its n; the
        // paired t at ρ = 0 gives p = 0.55 with n = 52, 0.37 with n = 118.
        var report = CheckText("Of 151 patients screened, 118 underwent randomization.\n\nAmong the 55 patients in the exercise group, it rose; among\n"
                               + "the 52 in the usual-care group, it changed from  309±99\nm  to  322±104  m  (P = 0.38).");
        var within = Assert.Single(report.Findings, f => f.Check == "within_patient_p");
        Assert.Equal(FindingVerdict.Consistent, within.Verdict);
        Assert.Contains("n = 52", within.Explanation);
    }

    [Theory]
    // A ratio per unit and a ratio named inside the bracket: 2 * pnorm(-log(1.04) / ((log(1.07) - log(1.01)) / 2 / 1.96)) = 0.008
    // (0.0003 to 0.045 over the rounding); 2 * pnorm(-log(2.40) / ((log(5.24) - log(1.10)) / 2 / 1.96)) = 0.028.
    [InlineData("Nous avons inclus 96 patients. L'épuisement était associé à l'âge (OR = 1,04 par an ; IC à 95 % : 1,01-1,07 ; p = 0,008).", "consistent")]
    [InlineData("Nous avons inclus 96 patients. L'épuisement était associé à l'âge (OR = 1,04 par an ; IC à 95 % : 1,01-1,07 ; p = 0,08).", "inconsistent")]
    [InlineData("Nous avons inclus 96 patients. Le risque d'hospitalisation était de 2,40 (HR ; IC à 95 % : 1,10-5,24 ; p = 0,03).", "consistent")]
    [InlineData("Nous avons inclus 96 patients. Le risque d'hospitalisation était de 2,40 (HR ; IC à 95 % : 1,10-5,24 ; p = 0,0004).", "inconsistent")]
    public void RatiosPerUnitAndNamedInTheirBracket(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    [Fact]
    public void ARatePerYearWithItsIntervalIsNoTestOfZero() =>
        // Its p compares it with something else; the interval of a rate says nothing of that p.
        Assert.DoesNotContain(CheckText("Nous avons inclus 96 patients. Le taux de poussées était de 0,96 par an ; IC à 95 % : 0,89-1,04 ; p = 0,004.").Findings,
            f => f.Check == "ci_vs_p");

    [Theory]
    // The n of a group named with a hyphenated word or as non-responders: 2.47 * 9 = 22.23 (22/9 = 2.44, 23/9 = 2.56); 15.42 = 185/12.
    [InlineData("Thirty-eight patients were treated. The 9 tandem-lesion patients had a mean mRS at 90 days of 2.47 (SD 1.12).", "inconsistent")]
    [InlineData("Thirty-eight patients were treated. The 12 non-responders had a mean NIHSS at admission of 15.42 (SD 4.87).", "consistent")]
    public void AGroupsNWithItsOwnWords(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // An estimate column and its limits in the next one, with a reference row between: 2 * pnorm(-log(1.92) / ((log(3.05) - log(1.21)) / 2 / 1.96)) = 0.0057.
    [InlineData("0.006", "consistent")]
    [InlineData("0.06", "inconsistent")]
    public void AnEstimateColumnWithItsLimitsInTheNext(string p, string verdict)
    {
        var report = CheckText($"""
            We enrolled 410 adults living with HIV.

            Variable                 aOR     95% CI        p
            Female sex               1.00    Ref.          —
            Distance over 10 km      1.92    1.21–3.05     {p}
            """);
        var finding = Assert.Single(report.Findings, f => f.Check == "ci_vs_p");
        Assert.Equal(verdict, Finding.VerdictName(finding.Verdict));
        Assert.Contains("aOR 1.92", finding.Explanation);
    }

    [Fact]
    public void AGroupsOwnIntervalIsNotCheckedAgainstTheRowsP()
    {
        // The P compares the two groups; each mean's interval says nothing of it (a mean 3.4 (2.8–4.0) is far from 0).
        var report = CheckText("""
            We included 60 patients.

            Outcome                  Drug (n = 30), mean (95% CI)    Placebo (n = 30), mean (95% CI)    P
            Pain score at week 12    3.4 (2.8–4.0)                   4.6 (3.9–5.3)                      0.01
            """);
        var intervals = report.Findings.Where(f => f.Check == "ci_vs_p").ToList();
        Assert.Equal(2, intervals.Count);
        Assert.All(intervals, f => Assert.Contains("no p is printed", f.Explanation));
    }

    [Theory]
    // Descriptors in words: 9.43 = 283/30; 9.45 * 30 = 283.5 is no whole total; a median of integers is whole or a half.
    [InlineData("HAD score, mean (standard deviation)  9.43 (3.81)", "grim", "consistent")]
    [InlineData("HAD score, mean (standard deviation)  9.45 (3.81)", "grim", "inconsistent")]
    [InlineData("Pain score, median (interquartile range)  4 (2–6.5)", "quantile", "consistent")]
    [InlineData("Pain score, median (interquartile range)  4.3 (2–6)", "quantile", "inconsistent")]
    public void TableDescriptorsInWords(string row, string check, string verdict) =>
        Assert.Equal(verdict, Verdict($"We included 30 patients.\n\nCharacteristic  Drug (n = 30)\n{row}\n", check));

    [Theory]
    // A proportion named further back than the mean's own words: 34/96 = 0.354 gives SD 0.481, not 0.42; 40/96 gives 0.4955.
    [InlineData("Parmi les 96 patients, la proportion de ceux qui avaient été hospitalisés dans l'année était de 0,35 (ET 0,42).", "inconsistent")]
    [InlineData("Parmi les 96 patients, la proportion de ceux qui vivaient seuls avec l'aidé était de 0,42 (ET 0,50).", "consistent")]
    public void AProportionNamedFurtherBack(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "debit"));

    [Theory]
    // Counted events or joints named after the mean: 1.37 * 23 = 31.51 (31/23 = 1.348, 32/23 = 1.391); a rate per year is no count.
    [InlineData("We included 23 patients. In the year before inclusion, they had had a mean of 1.37 (SD 0.88) flares.", "inconsistent")]
    [InlineData("We included 23 patients. They had a mean of 1.37 (SD 0.88) flares per year.", "not_checkable")]
    [InlineData("Quarante-huit patients ont été inclus. Les 13 patients en échec avaient en moyenne 8,58 (ET 3,10) articulations douloureuses.", "inconsistent")]
    public void CountedEventsAfterTheMean(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // Two numbers that are not counts of people before percentages 'respectively': times, a range.
    [InlineData("We included 212 patients. At 12 and 24 weeks, the response rates were high (45.0% and 40.0%, respectively).")]
    [InlineData("We included 212 patients. Between 2 and 5 lesions were seen in the two arms (45.0% and 30.0%, respectively).")]
    public void TimesAndRangesAreNoCountsOfTheirPercentages(string text) =>
        Assert.DoesNotContain(CheckText(text).Findings, f => f.Verdict == FindingVerdict.Inconsistent);

    [Fact]
    public void ACaptionNamesOnlyTheMeasuresOfItsOwnColumns()
    {
        // "BMI" under a caption naming scores is not a score: 27.44 * 51 = 1399.44 is no whole total (1399/51 = 27.431,
        // 1400/51 = 27.451), nor is 9.44 * 51 = 481.44 for the HAD score, which its own header names.
        var report = CheckText("""
            Sixty-four patients were included.

            Table 2. Scores and BMI by visit (mean ± SD).

            Visit       n     BMI              HAD score
            Baseline    64    27.41 ± 4.12     9.41 ± 3.81
            Week 12     51    27.44 ± 4.20     9.44 ± 3.70
            """);
        Assert.DoesNotContain(report.Findings, f => f.Check == "grim" && f.Quote.StartsWith("27.44") && f.Verdict != FindingVerdict.NotCheckable);
        Assert.Contains(report.Findings, f => f.Check == "grim" && f.Quote.StartsWith("9.44") && f.Verdict == FindingVerdict.Inconsistent);
    }

    [Fact]
    public void InfantsIncludedAreTheStudysN()
    {
        // "We included 41 infants": a median of 3 with Q1 1.53 is possible for no n of integer data from 41 (1.53 needs g * d = .53).
        var finding = Assert.Single(CheckText("We included 41 infants younger than 12 months. After 24 hours, the modified Tal score had a median of 3 (Q1–Q3, 1.53–4).").Findings,
            f => f.Check == "quantile");
        Assert.Contains("n = 41", finding.Explanation);
    }
    [Fact]
    public void AMarkdownRowWithAnEmptyFirstCellIsRead()
    {
        // "|   | ... |": a row whose label cell is empty (a continuation row, a header with no label) is no running text.
        var report = CheckText("""
            Table 2. Scores.

            |                      | Active (n = 20) | Placebo (n = 20) |
            |----------------------|-----------------|------------------|
            | Pain score, mean (SD) | 5.25 (1.12)     | 5.40 (1.31)      |
            |                      | 4.10 (1.05)     | 4.55 (1.20)      |
            """);
        Assert.Contains(report.Findings, f => f.Quote.Contains("5.25", StringComparison.Ordinal));
    }
}
