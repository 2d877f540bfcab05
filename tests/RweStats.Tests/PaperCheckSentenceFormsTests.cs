using RweStats.PaperCheck;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Sentence forms of results sections that spread a statistic over a sentence or several: the df printed after the
/// value, p in words, the n of each group printed after its statistic, within-patient comparisons in a sentence that
/// names the arm, medians known by their IQR, measures shared by coordinated statistics, a ratio named earlier in its
/// sentence, the study n of each section of a paper, classifications counted by grade or stage, and the table and
/// interval forms papers print. Each with a correct control and an impossible value; the p-values in the comments are
/// R's (pt, pf, pchisq, pnorm) on the printed numbers.
/// </summary>
public class PaperCheckSentenceFormsTests
{
    [Theory]
    // 1 - pchisq(6.20, 2) = 0.0450; 1 - pchisq(9.35, 3) = 0.0250; 1 - pf(4.40, 2, 60) = 0.0165; 2 * pt(-2.31, 24) = 0.0298.
    [InlineData("Mortality differed between the centres (χ2 = 6.20 (2 df), P = 0.045).", "consistent")]
    [InlineData("Mortality differed between the centres (χ2 = 6.20 (2 df), P = 0.45).", "inconsistent")]
    [InlineData("Sleep latency differed by season, χ2 = 9.35, 3 df, P = 0.025.", "consistent")]
    [InlineData("Sleep latency differed by season, χ2 = 9.35, 3 df, P = 0.0025.", "inconsistent")]
    [InlineData("Dose had an effect on recall (F = 4.40 (df 2, 60), p = 0.016).", "consistent")]
    [InlineData("Dose had an effect on recall (F = 4.40 (df 2, 60), p = 0.16).", "inconsistent")]
    [InlineData("The age bands differed in uptake (F = 4.40 (2, 60), p = 0.016).", "consistent")]
    [InlineData("The age bands differed in uptake (F = 4.40 (2, 60), p = 0.16).", "inconsistent")]
    [InlineData("Reaction time was shorter after training (t[24] = 2.31, p = 0.030).", "consistent")]
    [InlineData("Reaction time was shorter after training (t[24] = 2.31, p = 0.0030).", "inconsistent")]
    public void DegreesOfFreedomPrintedAfterTheValue(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Theory]
    // r = 0.04 with n = 1104: t = 0.04 * sqrt(1102 / (1 - 0.0016)) = 1.33, p = 0.18, so 0.002 is impossible; n written with a
    // thousands separator between the correlation and its p.
    [InlineData("Le score était corrélé à la CRP (r = 0,04 ; n = 1\u00A0104 ; p = 0,002).", "inconsistent")]
    [InlineData("Le score était corrélé à la CRP (r = 0,04 ; n = 1\u00A0104 ; p = 0,18).", "consistent")]
    [InlineData("The score correlated with CRP (r = 0.04, p = 0.002, n = 1,104).", "inconsistent")]
    // r = -0.25 with n = 118 (df 116): 2 * pt(-|r| sqrt(116) / sqrt(1 - r^2), 116) = 0.0063.
    [InlineData("Fatigue went with shorter sleep (r = −0.25; p = 0.006; n = 118).", "consistent")]
    [InlineData("Fatigue went with shorter sleep (r = −0.25; p < 0.001; n = 118).", "inconsistent")]
    [InlineData("La fatigue était liée au sommeil (r = −0,25 ; p = 0,006 ; n = 118).", "consistent")]
    public void ACorrelationsNPrintedAfterItsP(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Theory]
    // 2 * pt(-2.25, 40) = 0.0300; 2 * pt(-4.10, 40) = 0.0002; 2 * pt(-1.10, 40) = 0.278.
    [InlineData("Recall improved, t(40) = 2.25, with a p-value of 0.03.", "consistent")]
    [InlineData("Recall improved, t(40) = 2.25, with a p-value of 0.003.", "inconsistent")]
    [InlineData("Recall improved, t(40) = 4.10, p-value of less than 0.001.", "consistent")]
    [InlineData("Recall improved, t(40) = 4.10, P<.001.", "consistent")]
    [InlineData("Recall improved, t(40) = 1.10, P<.001.", "inconsistent")]
    [InlineData("Recall improved, t(40) = 4.10, p < 10-3.", "consistent")]
    [InlineData("Recall improved, t(40) = 1.10, p < 10^-3.", "inconsistent")]
    public void PValuesInWords(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Theory]
    // A group defined by a relative clause ("the 21 who …", "les 21 qui …") is the n of the mean in its clause, not the
    // group named first: 1.62 x 21 = 34.02 (34/21 = 1.619), whereas with n = 12 no total gives 1.62; 1.64 x 21 = 34.44
    // (34/21 = 1.619, 35/21 = 1.667).
    [InlineData("The 12 patients with diabetes had 2.25 (SD 1.10) admissions, and the 21 who had no diabetes 1.62 (SD 0.80) admissions.", "consistent")]
    [InlineData("The 12 patients with diabetes had 2.25 (SD 1.10) admissions, and the 21 who had no diabetes 1.64 (SD 0.80) admissions.", "inconsistent")]
    [InlineData("Les 12 patients diabétiques avaient eu 2,25 (ET 1,10) hospitalisations, et les 21 qui n'avaient pas de diabète 1,62 (ET 0,80) hospitalisations.", "consistent")]
    [InlineData("Les 12 patients diabétiques avaient eu 2,25 (ET 1,10) hospitalisations, et les 21 qui n'avaient pas de diabète 1,64 (ET 0,80) hospitalisations.", "inconsistent")]
    public void AGroupNamedByARelativeClauseIsItsClausesN(string text, string verdict) =>
        Assert.Equal(new[] { "consistent", verdict }, Verdicts(text, "grim"));

    [Theory]
    // A p may be printed truncated: OR 1.26 (0.88 to 1.81) gives p from about 0.196 to 0.222, which "p = 0.19" reaches
    // only truncated (consistent); "p = 0.18" neither rounded nor truncated, nor one-sided.
    [InlineData("The odds ratio for readmission was 1.26 (95% CI 0.88 to 1.81; p = 0.19).", "consistent")]
    [InlineData("The odds ratio for readmission was 1.26 (95% CI 0.88 to 1.81; p = 0.18).", "inconsistent")]
    [InlineData("L'odds ratio de réhospitalisation était de 1,26 (IC à 95 % 0,88 à 1,81 ; p = 0,19).", "consistent")]
    [InlineData("L'odds ratio de réhospitalisation était de 1,26 (IC à 95 % 0,88 à 1,81 ; p = 0,18).", "inconsistent")]
    public void APPrintedTruncated(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    [Theory]
    // Falls, inhalations and dressing changes are counts, and so is a count per patient: the median of whole numbers is
    // whole or half-whole under every definition. A count per week is a rate.
    [InlineData("Over the winter, residents had a median of 2.8 falls (IQR 2–4).", "inconsistent")]
    [InlineData("Over the winter, residents had a median of 2.5 falls (IQR 2–4).", "consistent")]
    [InlineData("Wounds needed a median of 3.4 dressing changes (IQR 2–5).", "inconsistent")]
    [InlineData("Nurses made a median of 4.3 home calls per patient (IQR 3–6).", "inconsistent")]
    [InlineData("Nurses made a median of 4.3 home calls per week (IQR 3–6).", "consistent")]
    [InlineData("Pendant l'hiver, les résidents ont eu une médiane de 2,8 chutes (Q1-Q3 : 2-4).", "inconsistent")]
    [InlineData("Les plaies ont nécessité une médiane de 3,4 changements de pansement (Q1-Q3 : 2-5).", "inconsistent")]
    [InlineData("Les infirmières ont passé une médiane de 4,3 appels par patient (Q1-Q3 : 3-6).", "inconsistent")]
    [InlineData("Les infirmières ont passé une médiane de 4,5 appels par patient (Q1-Q3 : 3-6).", "consistent")]
    public void CountsOfEventsAndCountsPerPatient(string text, string verdict) =>
        Assert.Equal(verdict, Verdict(text, "quantile") ?? Verdict(text, "quantile_order"));

    [Theory]
    // A second group named by its relative clause alone, its verb and measure left out, gives the same count as the
    // first: 1.62 x 21 = 34.02 (34/21 = 1.619); 1.64 x 21 = 34.44 (34/21 = 1.619, 35/21 = 1.667). French "scanners" are
    // CT scans, counted: 2.50 x 14 = 35; 2.52 x 14 = 35.28 (35/14 = 2.5, 36/14 = 2.571).
    [InlineData("The 12 patients with diabetes had 2.25 (SD 1.10) admissions, and the 21 who had no diabetes 1.62 (SD 0.80).", "consistent")]
    [InlineData("The 12 patients with diabetes had 2.25 (SD 1.10) admissions, and the 21 who had no diabetes 1.64 (SD 0.80).", "inconsistent")]
    [InlineData("Les 12 patients diabétiques avaient eu 2,25 (ET 1,10) hospitalisations, et les 21 qui n'avaient pas de diabète 1,62 (ET 0,80).", "consistent")]
    [InlineData("Les 12 patients diabétiques avaient eu 2,25 (ET 1,10) hospitalisations, et les 21 qui n'avaient pas de diabète 1,64 (ET 0,80).", "inconsistent")]
    public void AnElidedGroupNamedByItsRelativeClause(string text, string verdict) =>
        Assert.Equal(new[] { "consistent", verdict }, Verdicts(text, "grim"));

    [Theory]
    [InlineData("Les 14 patients opérés ont eu 2,50 (ET 0,91) scanners de contrôle.", "consistent")]
    [InlineData("Les 14 patients opérés ont eu 2,52 (ET 0,91) scanners de contrôle.", "inconsistent")]
    [InlineData("The 14 operated patients had 2.52 (SD 0.91) follow-up CT scans.", "inconsistent")]
    [InlineData("The 14 patients in the nurse-led arm had 2.52 (SD 0.91) contacts with the pharmacist.", "inconsistent")]
    [InlineData("The 14 patients in the nurse-led arm had 2.50 (SD 0.91) contacts with the pharmacist.", "consistent")]
    [InlineData("Les 14 patients ont eu 2,52 (ET 0,91) prises supplémentaires d'antalgique.", "inconsistent")]
    [InlineData("Les 14 patients ont eu 2,50 (ET 0,91) prises supplémentaires d'antalgique.", "consistent")]
    public void ScansContactsAndDosesTakenAreCounted(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Fact]
    public void EachGroupsMeanTakesTheNPrintedAfterIt()
    {
        // 12.35 x 20 = 247; 11.42 x 19 = 216.98, 217/19 = 11.421; with the yoga group's n = 20, 11.42 would be impossible.
        Assert.Equal(new[] { "consistent", "consistent" },
            Verdicts("Anxiety scores were 12.35 ± 3.10 in the yoga group (n = 20) and 11.42 ± 2.95 in the waiting-list group (n = 19).", "grim"));
        // 11.43 x 19 = 217.17: 217/19 = 11.421, 218/19 = 11.474.
        Assert.Equal(new[] { "consistent", "inconsistent" },
            Verdicts("Anxiety scores were 12.35 ± 3.10 in the yoga group (n = 20) and 11.43 ± 2.95 in the waiting-list group (n = 19).", "grim"));
    }

    [Theory]
    // Paired t at rho = 0: 2 * pt(-6.5 / sqrt((8.2^2 + 7.5^2) / 25), 24) = 0.0074, the largest p any correlation gives.
    [InlineData("In the exercise arm (n = 25), resting heart rate went from 78.4 ± 8.2 to 71.9 ± 7.5 beats/min (paired t test, p < 0.001).", "consistent")]
    [InlineData("In the exercise arm (n = 25), resting heart rate went from 78.4 ± 8.2 to 71.9 ± 7.5 beats/min (paired t test, p = 0.40).", "inconsistent")]
    [InlineData("Dans le bras exercice (n = 25), la fréquence cardiaque est passée de 78,4 ± 8,2 à 71,9 ± 7,5 battements/min (p < 0,001).", "consistent")]
    [InlineData("Dans le bras exercice (n = 25), la fréquence cardiaque est passée de 78,4 ± 8,2 à 71,9 ± 7,5 battements/min (p = 0,40).", "inconsistent")]
    // A named paired t: at rho = 1 the SE is |s1 - s2| / sqrt(n), so the SDs 4.0 and 11.8 allow no p below
    // 2 * pt(-0.7 / (7.8 / sqrt(12)), 11) = 0.76 (0.73 with the rounding); at rho = 0, 0.849.
    [InlineData("Grip strength went from 30.2 ± 4.0 kg to 30.9 ± 11.8 kg in the 12 women of the control arm (paired t test, p = 0.80).", "consistent")]
    [InlineData("Grip strength went from 30.2 ± 4.0 kg to 30.9 ± 11.8 kg in the 12 women of the control arm (paired t test, p = 0.002).", "inconsistent")]
    // A rank test's p is not a t's: not checkable from means and SDs.
    [InlineData("Pain fell from 6.2 ± 1.5 to 4.1 ± 1.9 after surgery in the 30 patients (Wilcoxon signed-rank test, p = 0.60).", "not_checkable")]
    public void WithinPatientComparisonsInANamedArm(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "within_patient_p"));

    [Theory]
    // Each group's n printed after its second mean: paired t at rho = 0, 2 * pt(-5.0 / sqrt((6.0^2 + 6.5^2) / 30), 29) = 0.0043,
    // the largest p any correlation gives; 2 * pt(-0.7 / sqrt((6.2^2 + 6.4^2) / 28), 27) = 0.68 for the second group.
    [InlineData("Fatigue scores fell from 31.0 (SD 6.0) to 26.0 (SD 6.5) in the yoga group (n = 30), p < .001, and from 30.5 (SD 6.2) to 29.8 (SD 6.4) in the control group (n = 28), p = .65.", "consistent", "consistent")]
    [InlineData("Fatigue scores fell from 31.0 (SD 6.0) to 26.0 (SD 6.5) in the yoga group (n = 30), p = .40, and from 30.5 (SD 6.2) to 29.8 (SD 6.4) in the control group (n = 28), p = .65.", "inconsistent", "consistent")]
    [InlineData("Le score de fatigue est passé de 31,0 (ET 6,0) à 26,0 (ET 6,5) dans le groupe yoga (n = 30), p < 0,001, et de 30,5 (ET 6,2) à 29,8 (ET 6,4) dans le groupe contrôle (n = 28), p = 0,65.", "consistent", "consistent")]
    [InlineData("Le score de fatigue est passé de 31,0 (ET 6,0) à 26,0 (ET 6,5) dans le groupe yoga (n = 30), p = 0,40, et de 30,5 (ET 6,2) à 29,8 (ET 6,4) dans le groupe contrôle (n = 28), p = 0,65.", "inconsistent", "consistent")]
    public void EachGroupsNAfterItsSecondMean(string text, string first, string second) =>
        Assert.Equal(new[] { first, second }, Verdicts(text, "within_patient_p"));

    [Fact]
    public void TwoArmsMeansAreNotAWithinPatientComparison() =>
        Assert.Null(Verdict("Pain was 5.1 ± 1.2 in the active arm and 6.3 ± 1.4 in the placebo arm at week 4 (p = 0.01).", "within_patient_p"));

    [Theory]
    // A value with its IQR is a median: below its own Q1 no data can give it; in order, it is read (and, for an
    // integer-valued measure with no n, consistent when some sample size gives them).
    [InlineData("At discharge the Barthel index had dropped to 55 (IQR 60–80).", "inconsistent")]
    [InlineData("At discharge the Barthel index had dropped to 65 (IQR 55–80).", null)]
    [InlineData("The length of stay was 9 days in the first cohort and 7 days (IQR 8–12) in the second.", "inconsistent")]
    [InlineData("La durée de séjour était de 7 jours (écart interquartile 8-12).", "inconsistent")]
    public void AMedianKnownByItsInterquartileRange(string text, string? verdict)
    {
        Assert.Equal(verdict, Verdict(text, "quantile_order"));
        if (verdict is null) Assert.Equal("consistent", Verdict(text, "quantile"));
    }

    [Theory]
    // The bound of the scale a median is rated on is no median: the median is the value before it (read, on an
    // integer scale with no n, as consistent when some sample size gives it; above its Q3, as what no data give).
    [InlineData("Pain at the first dressing change was a median of 3.5 on a 0–10 scale (IQR 2–5).", "consistent")]
    [InlineData("Pain at the first dressing change was a median of 6.5 on a 0–10 scale (IQR 2–5).", "inconsistent")]
    [InlineData("Pain was rated at a median of 3.5 on a scale of 0 to 10 (IQR 2–5).", "consistent")]
    [InlineData("La douleur était cotée à une médiane de 3,5 sur une échelle de 0 à 10 (EIQ 2-5).", "consistent")]
    [InlineData("La douleur était cotée à une médiane de 6,5 sur une échelle de 0 à 10 (EIQ 2-5).", "inconsistent")]
    [InlineData("La douleur était cotée à une médiane de 3,5 sur une échelle 0-10 (EIQ 2-5).", "consistent")]
    public void AMedianRatedOnAScale(string text, string verdict) =>
        Assert.Equal(verdict, Verdict(text, "quantile_order") ?? Verdict(text, "quantile"));

    [Fact]
    public void AMeanWithAnIqrIsNotTakenForAMedian() =>
        Assert.Null(Verdict("The mean length of stay was 12.4 days (IQR 8–15).", "quantile_order"));

    [Theory]
    // n = 22 seizure counts: Q1 0.5 is R's type 7 (1 + 21 x 0.25 = 6.25, a gap of 2); a median of whole numbers is whole or half.
    [InlineData("Seizures fell from a median of 4 (IQR 2 to 6) to 2 (0.5 to 3.5) per month in the 22 children.", "consistent")]
    [InlineData("Seizures fell from a median of 4 (IQR 2 to 6) to 2.3 (0.5 to 3.5) per month in the 22 children.", "inconsistent")]
    [InlineData("The NYHA class had a median of 2 (IQR 2–3) at baseline and 1.7 (1–2) at 12 weeks in the 40 patients.", "inconsistent")]
    [InlineData("The NYHA class had a median of 2 (IQR 2–3) at baseline and 1.5 (1–2) at 12 weeks in the 40 patients.", "consistent")]
    public void ASecondMediansBareLimitsAreOfTheKindOfTheFirsts(string text, string verdict) =>
        Assert.Equal(verdict, Verdicts(text, "quantile").Last());

    [Fact]
    public void TheCountNamedAfterASecondMedianIsTheFirstsToo() =>
        // "episodes" after the second median names both as counts: a median of whole numbers is never 2.3.
        Assert.Equal(new[] { "inconsistent", "consistent" },
            Verdicts("Wakings fell from a median of 2.3 (IQR 1 to 3) to 1 (0 to 2) episodes per night in the 30 patients.", "quantile"));

    [Fact]
    public void AStatisticJoinedToAnotherMeasuresWhatItMeasures()
    {
        // 6.40 x 25 = 160; 7.21 x 24 = 173.04 (173/24 = 7.208); 7.23 x 24 = 173.52 (173/24 = 7.208, 174/24 = 7.25).
        Assert.Equal(new[] { "consistent", "consistent" },
            Verdicts("The number of swollen joints averaged 6.40 (SD 2.10) with methotrexate (n = 25) and 7.21 (SD 2.40) with leflunomide (n = 24).", "grim"));
        Assert.Equal(new[] { "consistent", "inconsistent" },
            Verdicts("The number of swollen joints averaged 6.40 (SD 2.10) with methotrexate (n = 25) and 7.23 (SD 2.40) with leflunomide (n = 24).", "grim"));
        Assert.Equal(new[] { "consistent", "not_checkable" },
            Verdicts("The mean was 6.40 (SD 2.10) for the swollen joint count (n = 25) and 71.23 (SD 9.40) for body weight (n = 24).", "grim"));
        // A measure of its own (body weight) inherits nothing: its GRIM is not checkable.
        Assert.Equal(new[] { "consistent", "not_checkable" },
            Verdicts("The number of swollen joints averaged 6.40 (SD 2.10) with methotrexate (n = 25) and the body weight 71.23 (SD 9.40) with leflunomide (n = 24).", "grim"));
    }

    [Fact]
    public void AProportionNamedOnceCoversTheOneJoinedToIt()
    {
        // DEBIT with n = 40: SD of 0.30 is sqrt(0.3 x 0.7 x 40/39) = 0.464; of 0.25, 0.439, never 0.20.
        Assert.Equal(new[] { "consistent", "inconsistent" },
            Verdicts("Chez les 40 patients, la proportion de fumeurs était de 0,30 (ET 0,46) et celle des diabétiques de 0,25 (ET 0,20).", "debit"));
    }

    [Fact]
    public void AMedianAfterASemicolonAndAVisitMeasuresTheSameScore()
    {
        // A modified Rankin score of 20 patients: a median of whole numbers is whole or half, never 2,3.
        var verdicts = Verdicts("Chez les 20 patients, le score de Rankin modifié avait une médiane de 3 (Q1-Q3 : 2-4) ; à six mois, une médiane de 2,3 (Q1-Q3 : 1-4).", "quantile");
        Assert.Equal(new[] { "consistent", "inconsistent" }, verdicts);
    }

    [Theory]
    // 2 * pnorm(-|log(0.70)| / ((log(0.94) - log(0.52)) / 2 / 1.96)) = 0.0182.
    [InlineData("The hazard ratio for death with early surgery was 0.70 (95% CI 0.52 to 0.94), p = 0.018.", "consistent")]
    [InlineData("The hazard ratio for death with early surgery was 0.70 (95% CI 0.52 to 0.94), p = 0.18.", "inconsistent")]
    public void ARatioNamedEarlierInItsSentence(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    [Fact]
    public void ARatioNamedBeforeAnotherStatisticIsNotItsName()
    {
        // The weight change is a difference (negative limits), not the hazard ratio named before: never "a ratio must be positive".
        var findings = CheckText("The hazard ratio was 0.80 (95% CI 0.60 to 1.07); weight changed by −1.2 kg (95% CI −2.3 to −0.1), p = 0.04.").Findings;
        Assert.DoesNotContain(findings, f => f.Verdict == FindingVerdict.Inconsistent);
    }

    [Fact]
    public void ASubgroupsStageDoesNotMakeAMeasureIntegerValued() =>
        // 63.45 x 23 = 1459.35: impossible for whole numbers, but age is not a count; the stage names the subgroup.
        Assert.Equal("not_checkable", Verdict("In the 23 patients with stage III disease, the mean age was 63.45 (SD 8.20).", "grim"));

    [Fact]
    public void ASecondRatioReferredToByCelui()
    {
        // log scale: 1.50 (1.10–2.05) gives p = 0.0107; 0.80 (0.64–1.00) gives p = 0.050.
        Assert.Equal(new[] { "consistent", "inconsistent" },
            Verdicts("Le rapport de cotes de guérison était de 1,50 (IC à 95 % 1,10-2,05), p = 0,011 ; celui de rechute de 0,80 (IC à 95 % 0,64-1,00), p = 0,30.", "ci_vs_p"));
    }

    [Fact]
    public void EachSectionOfAPaperHasItsOwnStudyN()
    {
        // 47 % needs a denominator of 15 at least (7/15 = 46.7 %, 8/17 = 47.1 %): impossible for the first study's 12, not the second's 120.
        var report = CheckText("Trial A\n\nTwelve patients were randomised. All completed the study.\n\nTrial B\n\nOne hundred and twenty patients were randomised to two arms. Hypotension occurred in 47 % of the patients.");
        var finding = Assert.Single(report.Findings, f => f.Check == "percentage");
        Assert.Equal(FindingVerdict.Consistent, finding.Verdict);
        Assert.Contains("120", finding.Explanation);
    }

    [Fact]
    public void AnArmsNIsNotTheStudys()
    {
        // 12 + 11 patients: 47 % needs a denominator of 15 at least (7/15), which an arm of 12 cannot be.
        var report = CheckText("Twelve patients were randomised to the drug and 11 to placebo. Hypotension occurred in 47 % of the patients.");
        Assert.Null(report.StudyN);
        Assert.NotEqual(FindingVerdict.Inconsistent, Assert.Single(report.Findings, f => f.Check == "percentage").Verdict);
    }

    [Fact]
    public void ACountAboveTheNThatAppliesIsNotJudgedAgainstIt() =>
        // The study's 14 cannot be the denominator of 36 patients: 36/60 = 60 %.
        Assert.Equal("consistent", Verdict("Fourteen patients were treated. In the national registry, 36 patients (60 %) were women.", "percentage"));

    [Theory]
    [InlineData("We enrolled 52 adults with asthma: 30 were women and 22 men.", "consistent")]
    [InlineData("We enrolled 52 adults with asthma: 30 were women and 25 men.", "inconsistent")]
    [InlineData("Of the 50 patients, 20 had GOLD stage 2, 18 stage 3 and 12 stage 4.", "consistent")]
    [InlineData("Of the 50 patients, 20 had GOLD stage 2, 18 stage 3 and 15 stage 4.", "inconsistent")]
    [InlineData("Of the 36 patients, 10 had Kellgren-Lawrence grade 1, 14 grade 2 and 12 grade 3.", "consistent")]
    [InlineData("Parmi les 30 patients, 12 étaient en classe 1, 10 en classe 2 et 11 en classe 3.", "inconsistent")]
    // A patient may have adverse events of several grades: never added up.
    [InlineData("Of the 50 patients, 30 had grade 3 adverse events and 25 grade 4 adverse events.", null)]
    // A numbered category or level of one classification: 168 + 201 + 97 = 466 of 453 is impossible; 61 + 34 + 12 + 7 = 114.
    [InlineData("Among the 453 participants with Lung-RADS 4, 168 had category 4A, 201 category 4B and 97 category 4X.", "inconsistent")]
    [InlineData("Among the 466 participants with Lung-RADS 4, 168 had category 4A, 201 category 4B and 97 category 4X.", "consistent")]
    [InlineData("Of the 114 patients assessed at 24 months, 61 were in Rutherford category 0, 34 in category 1, 12 in category 2 and 7 in category 3 or higher.", "consistent")]
    [InlineData("Parmi les 42 patients ayant eu une hypoglycémie, la plus sévère était de niveau 1 chez 31, de niveau 2 chez 9 et de niveau 3 chez 4.", "inconsistent")]
    [InlineData("Parmi les 42 patients ayant eu une hypoglycémie, la plus sévère était de niveau 1 chez 31, de niveau 2 chez 9 et de niveau 3 chez 2.", "consistent")]
    // Levels of events are not added up: a patient may have several.
    [InlineData("Among the 40 patients, 30 adverse events were of level 1, 12 of level 2 and 5 of level 3.", null)]
    // How many times, how many doses: one per patient. 48 + 27 + 21 = 96 of 92 is impossible.
    [InlineData("Of the 92 exercise participants who fell, 48 fell once, 27 twice and 21 three times or more.", "inconsistent")]
    [InlineData("Of the 96 exercise participants who fell, 48 fell once, 27 twice and 21 three times or more.", "consistent")]
    [InlineData("Parmi les 92 participants ayant chuté, 48 sont tombés une fois, 27 deux fois et 21 trois fois ou plus.", "inconsistent")]
    [InlineData("Parmi les 71 enfants du groupe LISA, 49 ont reçu une seule dose de surfactant, 20 deux doses et 2 trois doses.", "consistent")]
    [InlineData("Parmi les 69 enfants du groupe LISA, 49 ont reçu une seule dose de surfactant, 20 deux doses et 2 trois doses.", "inconsistent")]
    [InlineData("Of the 69 infants, 49 received a single dose of surfactant, 20 two doses and 2 three doses.", "inconsistent")]
    // A dosing frequency is a regimen, and regimens need not be exclusive across a sentence's people: not added up.
    [InlineData("Of the 40 patients, 30 took it twice daily and 15 three times daily.", null)]
    // In French the noun comes before its severity: "une perte légère", "une douleur modérée". 298 + 231 + 97 = 626 of 612.
    [InlineData("Parmi les 612 salariés atteints d'une perte auditive, 298 avaient une perte légère, 231 moyenne et 97 sévère.", "inconsistent")]
    [InlineData("Parmi les 626 salariés atteints d'une perte auditive, 298 avaient une perte légère, 231 moyenne et 97 sévère.", "consistent")]
    [InlineData("Of the 612 workers with hearing loss, 298 had a mild loss, 231 moderate and 97 severe.", "inconsistent")]
    public void CountsByGradeStageOrClass(string text, string? verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // How many of something each patient had — none, one, two or more — splits the patients: 41 + 23 + 14 = 78 > 75.
    [InlineData("Of the 75 patients given morphine, 41 required no antiemetic, 23 one dose and 11 two or more.", "consistent")]
    [InlineData("Of the 75 patients given morphine, 41 required no antiemetic, 23 one dose and 14 two or more.", "inconsistent")]
    [InlineData("Of the 85 controls, 58 had no fall, 20 one fall and 9 two or more.", "inconsistent")]
    [InlineData("Parmi les 78 patients évalués, 73 sont restés sans poussée, 4 ont eu une poussée et 1 deux poussées.", "consistent")]
    [InlineData("Parmi les 78 patients évalués, 73 sont restés sans poussée, 4 ont eu une poussée et 3 deux poussées.", "inconsistent")]
    // Without a level of one, no distribution of a count is named: left alone.
    [InlineData("Of the 75 patients given morphine, 41 required no antiemetic and 43 two doses.", null)]
    public void HowManyEachPatientHad(string text, string? verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // Controls are people: "the 9 controls with two or more falls" is the n of the mean after it, not the 88 of the
    // clause before. 22/9 = 2.444, 23/9 = 2.556: 2.47 is impossible with n = 9 (217/88 gives it).
    [InlineData("Of the 88 completers given the supplement, 6 fell twice or more, and the 9 controls with two or more falls had 2.44 (SD 0.71) falls.", "consistent")]
    [InlineData("Of the 88 completers given the supplement, 6 fell twice or more, and the 9 controls with two or more falls had 2.47 (SD 0.71) falls.", "inconsistent")]
    [InlineData("Parmi les 88 patients supplémentés, 6 sont tombés deux fois ou plus, et les 9 témoins tombés deux fois ou plus avaient fait 2,47 (ET 0,71) chutes.", "inconsistent")]
    public void ControlsArePeople(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // Two groups' counts in one sentence, each of its own total: after a ";" or when the levels come back.
    [InlineData("Of the 76 patients given methadone, 49 required no antiemetic, 19 one dose and 8 two or more; of the 75 given morphine, 41 required no antiemetic, 23 one dose and 14 two or more.", "consistent", "inconsistent")]
    [InlineData("At 12 weeks, hyperemia was absent in 58, mild in 27 and moderate in 7 of the 92 patients given preservative-free drops, and absent in 41, mild in 33 and moderate in 19 of the 90 given preserved drops.", "consistent", "inconsistent")]
    [InlineData("À 12 semaines, l'hyperhémie était absente chez 58, légère chez 27 et modérée chez 7 des 92 patients ; elle était absente chez 41, légère chez 33 et modérée chez 19 des 90 patients sous collyre conservé.", "consistent", "inconsistent")]
    public void TwoGroupsCountsInOneSentence(string text, string first, string second) => Assert.Equal(new[] { first, second }, Verdicts(text, "category_counts"));

    [Theory]
    // Events counted by their type against the events they are: an event is of one type. 24 + 9 + 7 = 40 > 38.
    [InlineData("Les 38 événements du groupe oxygène étaient 24 réadmissions pour exacerbation, 7 pour insuffisance cardiaque et 7 décès.", "consistent")]
    [InlineData("Les 38 événements du groupe oxygène étaient 24 réadmissions pour exacerbation, 9 pour insuffisance cardiaque et 7 décès.", "inconsistent")]
    [InlineData("The 19 early complications comprised 6 fistulas, 8 haemorrhages, 3 strictures and 2 occlusions.", "consistent")]
    [InlineData("The 19 early complications comprised 6 fistulas, 8 haemorrhages, 5 strictures and 2 occlusions.", "inconsistent")]
    [InlineData("Of the 37 recurrences in the cryoballoon group, 21 were atrial fibrillation, 12 atypical flutter and 7 atrial tachycardia.", "inconsistent")]
    [InlineData("Sur les 42 récidives, 27 étaient une FA, 11 un flutter atypique et 4 une tachycardie atriale.", "consistent")]
    // A count of something else after the first (a verb of its own) is no type.
    [InlineData("Of the 37 recurrences, 21 were atrial fibrillation and 25 occurred in the first month.", null)]
    public void EventsCountedByType(string text, string? verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // The set the first count is of, named with it ("96 of the 190 … participants had no …"), is the levels' total.
    [InlineData("Counting each participant once by the most severe event, 96 of the 193 varenicline participants had no adverse event, 63 a mild event and 34 a moderate event.", "consistent")]
    [InlineData("Counting each participant once by the most severe event, 96 of the 190 varenicline participants had no adverse event, 63 a mild event and 34 a moderate event.", "inconsistent")]
    [InlineData("En comptant chaque patient une fois selon la plus grave, 93 parmi les 190 patients avaient une forme légère, 63 une forme modérée et 34 une forme sévère.", "consistent")]
    [InlineData("En comptant chaque patient une fois selon la plus grave, 96 parmi les 190 patients avaient une forme légère, 63 une forme modérée et 34 une forme sévère.", "inconsistent")]
    public void TheSetTheFirstCountIsOf(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // NYHA class and counted episodes are integer-valued: a median of 2.3 is impossible for whole numbers.
    [InlineData("The NYHA class had a median of 2 (IQR 2–3) in the 40 patients.", "consistent")]
    [InlineData("The NYHA class had a median of 2.3 (IQR 2–3) in the 40 patients.", "inconsistent")]
    [InlineData("Patients had a median of 2.3 (IQR 1–4) exacerbations in the 40 patients.", "inconsistent")]
    public void ClassesAndEventCountsAreIntegerValued(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile").First());

    [Theory]
    // 2 * pnorm(-0.85 / ((2.10 + 0.40) / 2 / 1.96)) = 0.183 (normal; larger with a t).
    [InlineData("The mean difference was 0.85, 95% CI −0.40 to 2.10, p = 0.18.", "consistent")]
    [InlineData("The mean difference was 0.85, 95% CI −0.40 to 2.10, p = 0.018.", "inconsistent")]
    // 2 * pnorm(-log(2.02) / ((log(3.40) - log(1.20)) / 2 / 1.96)) = 0.0081.
    [InlineData("Smokers were at higher risk (OR 2.02 (95% CI, 1.20–3.40), p = 0.008).", "consistent")]
    [InlineData("Smokers were at higher risk (OR 2.02 (95% CI, 1.20–3.40), p = 0.08).", "inconsistent")]
    // 2 * pnorm(-|log(0.72)| / ((log(0.94) - log(0.55)) / 2 / 1.96)) = 0.0163.
    [InlineData("Treatment lowered the risk of flare (HR = 0.72; 95 % CI: 0.55–0.94; p = 0.016).", "consistent")]
    [InlineData("Treatment lowered the risk of flare (HR = 0.72; 95 % CI: 0.55–0.94; p = 0.16).", "inconsistent")]
    // 2 * pnorm(-log(1.8) / ((log(2.9) - log(1.1)) / 2 / 1.96)) = 0.0175, the paper stating its 95 % level once.
    [InlineData("Estimates are given with 95 % CIs. Smoking raised the risk, OR 1.8 [1.1; 2.9], p = 0.02.", "consistent")]
    [InlineData("Estimates are given with 95 % CIs. Smoking raised the risk, OR 1.8 [1.1; 2.9], p = 0.20.", "inconsistent")]
    [InlineData("L'effet standardisé était d = 0,45 (IC95% 0,10-0,80), p = 0,012.", "consistent")]
    [InlineData("L'effet standardisé était d = 0,45 (IC95% 0,10-0,80), p = 0,12.", "inconsistent")]
    public void IntervalFormsPapersPrint(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    [Theory]
    // 1 - pchisq(8.1, 2) = 0.0174; 1 - pf(3.2, 2, 57) = 0.048.
    [InlineData("Response differed across the three sites, χ²(2, N = 120) = 8.1, p = .017.", "consistent")]
    [InlineData("Response differed across the three sites, χ²(2, N = 120) = 8.1, p = .17.", "inconsistent")]
    [InlineData("Groups differed, F(2, 57) = 3.2, P = .048.", "consistent")]
    // Kruskal–Wallis H through its χ² approximation: 1 - pchisq(7.1, 2) = 0.0287.
    [InlineData("Pain differed across the three wards (Kruskal–Wallis H(2) = 7.1, p = .029).", "consistent")]
    [InlineData("Pain differed across the three wards (Kruskal–Wallis H(2) = 7.1, p = .0029).", "inconsistent")]
    [InlineData("The Mann–Whitney test showed lower pain with the block (U = 210, z = −2.10, p = 0.036).", "consistent")]
    [InlineData("The Mann–Whitney test showed lower pain with the block (U = 210, z = −2.10, p = 0.36).", "inconsistent")]
    public void TestStatisticFormsPapersPrint(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Theory]
    // A table's "n/N (%)" cell: 12/30 = 40.0 %, 15/31 = 48.4 %.
    [InlineData("48.4", "consistent")]
    [InlineData("45.2", "inconsistent")]
    public void CountOfDenominatorTableCells(string printed, string verdict)
    {
        var text = "Table 1. Baseline.\n\nCharacteristic      Surgery (n = 30)     Physiotherapy (n = 31)\nWomen, n/N (%)      12/30 (40.0)         15/31 (" + printed + ")\n";
        Assert.Equal(new[] { "consistent", verdict }, Verdicts(text, "percentage"));
    }

    [Theory]
    // French forms: the median with its "écart interquartile", its "étendue", the "médiane [EIQ]" of running text.
    [InlineData("Le score de douleur avait une médiane de 4 (écart interquartile 2-6) chez les 30 patients.", "consistent")]
    [InlineData("Le score de douleur avait une médiane de 4,3 (écart interquartile 2-6) chez les 30 patients.", "inconsistent")]
    [InlineData("Le score de douleur avait une médiane de 4 (étendue 0-9) chez les 30 patients.", "consistent")]
    [InlineData("Le score de douleur avait une médiane de 4 (étendue 0,5-9) chez les 30 patients.", "inconsistent")]
    [InlineData("Le score de douleur avait une médiane de 4 [EIQ 2–6] chez les 30 patients.", "consistent")]
    public void FrenchMedianForms(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile").First());

    [Theory]
    // The header forms in running text, with words between the header and the value.
    [InlineData("The median [IQR] Oswestry score was 22 [14–30] in the 36 patients.", "quantile", "consistent")]
    [InlineData("The median [IQR] Oswestry score was 22.3 [14–30] in the 36 patients.", "quantile", "inconsistent")]
    [InlineData("The median (IQR) Oswestry score was 22 (14–30) in the 36 patients.", "quantile", "consistent")]
    // 9.35 x 20 = 187; 9.33 x 20 = 186.6 (186/20 = 9.30, 187/20 = 9.35).
    [InlineData("The mean (SD) HADS-A score was 9.35 (3.10) in the 20 patients.", "grim", "consistent")]
    [InlineData("The mean (SD) HADS-A score was 9.33 (3.10) in the 20 patients.", "grim", "inconsistent")]
    [InlineData("The pain score had a median of 6 (interquartile range [IQR], 7–9) in the 40 patients.", "quantile_order", "inconsistent")]
    // 1 - pchisq(4.50, 1) = 0.0339, with a lower-case n in the bracket.
    [InlineData("Sex was associated with relapse, χ2 (1, n = 90) = 4.50, p = .034.", "p_vs_statistic", "consistent")]
    [InlineData("Sex was associated with relapse, χ2 (1, n = 90) = 4.50, p = .34.", "p_vs_statistic", "inconsistent")]
    // The p opening the interval's bracket: 2 * pnorm(-2.1 / ((4.0 - 0.2) / 2 / 1.96)) = 0.0304 (normal).
    [InlineData("The difference was 2.1 points (p = 0.03; 95% CI 0.2 to 4.0).", "ci_vs_p", "consistent")]
    [InlineData("The difference was 2.1 points (p = 0.30; 95% CI 0.2 to 4.0).", "ci_vs_p", "inconsistent")]
    public void HeaderFormsAndPsInsideTheBracket(string text, string check, string verdict) => Assert.Equal(verdict, Verdicts(text, check).First());

    [Fact]
    public void AUnitsDigitIsNotAMean()
    {
        var finding = Assert.Single(CheckText("Mean age was 54.3 years (SD 11.2) and the mean BMI 27.4 kg/m2 (SD 4.1).").Findings, f => f.Check == "grim" && f.Quote.Contains("kg"));
        Assert.StartsWith("27.4", finding.Quote);
    }

    [Theory]
    // A difference in days is an estimate: 2 * pnorm(-1.8 / ((3.1 - 0.5) / 2 / 1.96)) = 0.0067.
    [InlineData("Stays were shorter by −1.8 days (95% CI −3.1 to −0.5; p = 0.007).", "consistent")]
    [InlineData("Stays were shorter by −1.8 days (95% CI −3.1 to −0.5; p = 0.07).", "inconsistent")]
    public void AnEstimateInDays(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    [Fact]
    public void ATimeBeforeAnIntervalIsNotItsEstimate() =>
        Assert.DoesNotContain(CheckText("The change at 12 weeks (95% CI 1.2 to 3.4) was 2.3 points.").Findings, f => f.Verdict == FindingVerdict.Inconsistent);

    [Theory]
    // 212/2120 = 10.0 %; 12.0 % would need a denominator of 1767.
    [InlineData("Pendant le suivi, 212 des 2 120 patients (10,0 %) ont été hospitalisés.", "consistent")]
    [InlineData("Pendant le suivi, 212 des 2 120 patients (12,0 %) ont été hospitalisés.", "inconsistent")]
    public void ACountWithASpaceBetweenItsThousands(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // A column of 1 512 patients, not of 1: a Q3 of 4.5 is given by R type 7 for many n; a median above its Q3 by none.
    [InlineData("4 [3-4,5]", "quantile", "consistent")]
    [InlineData("6 [3-4,5]", "quantile_order", "inconsistent")]
    public void AColumnsNWithASpaceBetweenItsThousands(string cell, string check, string verdict)
    {
        var text = "Tableau 4. Patients selon le statut vaccinal.\n\nCaractéristique                          Vaccinés (n = 1 512)    Non vaccinés (n = 96)\n" +
                   $"Score de fragilité, médiane [Q1-Q3]      {cell}                 3 [2-4]\n";
        var findings = CheckText(text).Findings;
        var finding = Assert.Single(findings, f => f.Check == check && f.Quote.StartsWith(cell[..1], StringComparison.Ordinal));
        Assert.True(verdict == Finding.VerdictName(finding.Verdict), string.Join(" | ", findings.Select(f => $"{f.Check} {Finding.VerdictName(f.Verdict)} {f.Quote}: {f.Explanation}")));
    }

    [Theory]
    // 7/61 = 11.48 % prints 11.5 %; 11.4 % no denominator gives (7/61 = 11.48 %, 7/62 = 11.29 %). The 40 patients of
    // the later section are another study's: 61 above them says nothing.
    [InlineData("7 patients (11.5%)", "consistent")]
    [InlineData("7 patients (11.4%)", "inconsistent")]
    public void TheStudyNOfALaterSectionIsAnotherStudys(string statement, string verdict)
    {
        var text = "Results\n\nHip fractures in a regional registry: one-year outcomes\n\n" +
                   $"At one year, {statement} had been readmitted for a second fracture.\n\n" +
                   "Home exercise after knee replacement\n\nForty patients were randomised to home exercise or usual care.\n";
        Assert.Equal(verdict, Verdicts(text, "percentage").First());
    }

    [Theory]
    // The 120 nurses the bracket describes are the total, not the n = 60 of one ward (the wards, a list of their own
    // from the 120 nurses, come first: 60 + 60 = 120).
    [InlineData("We surveyed 120 nurses (90 women and 30 men) on ward A (n = 60) and ward B (n = 60).", "consistent", "consistent")]
    [InlineData("We surveyed 120 nurses (98 women and 30 men) on ward A (n = 60) and ward B (n = 60).", "consistent", "inconsistent")]
    public void TheCountABracketOfCategoriesDescribes(string text, params string[] verdicts) => Assert.Equal(verdicts, Verdicts(text, "category_counts"));

    [Theory]
    // n = 84 from "Participants were 84": 51/84 = .607, SD sqrt(.607 x .393 x 84/83) = .4914; an SD of .45 no k/84 gives.
    [InlineData("Participants were 84 first-year students. The proportion of women was .61 (SD = .49).", "consistent")]
    [InlineData("Participants were 84 first-year students. The proportion of women was .61 (SD = .45).", "inconsistent")]
    public void ParticipantsWereN(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "debit"));

    [Theory]
    // No n: sqrt(.185 x .815) = .388 is the least SD any sample gives a proportion printed .19; .39 some n gives.
    [InlineData("In the registry as a whole, the proportion of current smokers was 0.19 (SD 0.39).", "consistent")]
    [InlineData("In the registry as a whole, the proportion of current smokers was 0.19 (SD 0.28).", "inconsistent")]
    public void AProportionsSdWithNoN(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "debit"));

    [Theory]
    // "NS" for p: 2 * pt(-1.20, 50) = 0.236 is not significant; 2 * pt(-3.10, 50) = 0.0032 is.
    [InlineData("Grip strength did not change with the splint (t(50) = 1.20, NS).", "consistent")]
    [InlineData("Grip strength did not change with the splint (t(50) = 3.10, NS).", "inconsistent")]
    [InlineData("La force de préhension n'a pas varié (t(50) = 3,10 ; NS).", "inconsistent")]
    public void NotSignificantPrintedForP(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Theory]
    // The comma after SD: 58/80 = .725, SD sqrt(.725 x .275 x 80/79) = .4493; .39 no k/80 gives.
    [InlineData("Of the 80 athletes enrolled, the proportion of right-handers was 0.73 (SD, 0.45).", "consistent")]
    [InlineData("Of the 80 athletes enrolled, the proportion of right-handers was 0.73 (SD, 0.39).", "inconsistent")]
    public void AnSdLabelFollowedByAComma(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "debit"));

    [Theory]
    // A second 0/1 variable of the sentence: 0.30 gives SD sqrt(0.30 x 0.70) = 0.458 (0.46 with n/(n - 1) for n of 100 or
    // more); no n makes SD 0.25 of a proportion of 0.30 (0.295 to 0.305: at least 0.456).
    [InlineData("Use of a walking aid, coded 1 for yes and 0 for no, was 0.42 (SD 0.50), and use of a hearing aid was 0.30 (SD 0.46).", "consistent", "consistent")]
    [InlineData("Use of a walking aid, coded 1 for yes and 0 for no, was 0.42 (SD 0.50), and use of a hearing aid was 0.30 (SD 0.25).", "consistent", "inconsistent")]
    [InlineData("Adherence, coded 1 beyond 3 sessions a week and 0 otherwise, was 0.42 (SD 0.50) in the yoga group and 0.30 (SD 0.46) in the control group.", "consistent", "consistent")]
    [InlineData("Adherence, coded 1 beyond 3 sessions a week and 0 otherwise, was 0.42 (SD 0.50) in the yoga group and 0.30 (SD 0.25) in the control group.", "consistent", "inconsistent")]
    [InlineData("Le port d'une orthèse, codé 1 pour oui et 0 pour non, valait 0,42 (ET 0,50) dans le groupe A, et la prise d'un antalgique au coucher 0,30 (ET 0,46) dans le groupe B.", "consistent", "consistent")]
    [InlineData("Le port d'une orthèse, codé 1 pour oui et 0 pour non, valait 0,42 (ET 0,50) dans le groupe A, et la prise d'un antalgique au coucher 0,30 (ET 0,25) dans le groupe B.", "consistent", "inconsistent")]
    [InlineData("Use of a walking aid, coded 1 for yes and 0 for no, was 0.42 (SD 0.50) in the yoga group and 0.40 (SD 0.49) in the control group; use of a hearing aid was 0.30 (SD 0.25) in the yoga group.", "consistent", "inconsistent")]
    public void AnotherZeroOneVariableOfTheSentence(string text, string first, string last) =>
        Assert.Equal(new[] { first, last }, new[] { Verdicts(text, "debit").First(), Verdicts(text, "debit").Last() });

    [Theory]
    [InlineData("Use of a walking aid, coded 1 for yes and 0 for no, was 0.42 (SD 0.50), and the pain score was 0.30 (SD 0.25).")]
    [InlineData("Le port d'une orthèse, codé 1 pour oui et 0 pour non, valait 0,42 (ET 0,50), et le taux de CRP était de 0,30 (ET 0,25).")]
    public void AScoreOrLevelAfterAZeroOneVariableIsNotOne(string text) => Assert.Single(Verdicts(text, "debit"));

    [Theory]
    // A threshold of the variable's definition or a number out of another is no third code: SD sqrt(0.69 x 0.31) = 0.462.
    [InlineData("L'observance, codée 1 si le traitement était pris au moins 5 jours sur 7, était de 0,69 (ET 0,47).", "consistent")]
    [InlineData("L'observance, codée 1 si le traitement était pris au moins 5 jours sur 7, était de 0,69 (ET 0,30).", "inconsistent")]
    [InlineData("La proportion de patients déclarant au moins 3 séances par semaine était de 0,69 (ET 0,47).", "consistent")]
    [InlineData("La proportion de patients déclarant au moins 3 séances par semaine était de 0,69 (ET 0,30).", "inconsistent")]
    [InlineData("Long-term use, coded 1 beyond 90 days and 0 otherwise, was 0.69 (SD 0.47).", "consistent")]
    [InlineData("Long-term use, coded 1 beyond 90 days and 0 otherwise, was 0.69 (SD 0.30).", "inconsistent")]
    [InlineData("The proportion of patients reporting at least 3 sessions a week was 0.69 (SD 0.30).", "inconsistent")]
    public void ACodingWithAThresholdIsZeroOne(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "debit"));

    [Theory]
    // The 15 readers of the first clause, not the n = 31 of the next: 8.47 x 15 = 127.05 (127/15 = 8.467); 8.43 x 15 =
    // 126.45 (126/15 = 8.40, 127/15 = 8.467), which with n = 31 would be possible (261/31 = 8.419, 262/31 = 8.452).
    [InlineData("The 15 participants who finished the course had a mean quiz score of 8.47 (SD = 1.20), and those who dropped out (n = 31) a mean of 6.10 (SD = 2.00).", "consistent")]
    [InlineData("The 15 participants who finished the course had a mean quiz score of 8.43 (SD = 1.20), and those who dropped out (n = 31) a mean of 6.10 (SD = 2.00).", "inconsistent")]
    public void AnNAfterAClauseBreakIsTheNextClauses(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").First());

    [Theory]
    // A count named as the subject: the median of whole numbers is whole or half-whole under every definition, so 3.25 is impossible.
    [InlineData("In the 40 patients, the number of falls on the ward during the long winter months of the study had a median of 3.5 (range, 0-9).", "consistent")]
    [InlineData("In the 40 patients, the number of falls on the ward during the long winter months of the study had a median of 3.25 (range, 0-9).", "inconsistent")]
    public void ACountNamedAsTheSentencesSubject(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile").First());

    [Theory]
    // 2 * pnorm(-12.0 / ((21.8 - 2.2) / 2 / qnorm(0.975))) = 0.0164.
    [InlineData("Return to work was more frequent with coaching (risk difference, 12.0 percentage points; 95% confidence interval [CI], 2.2 to 21.8; P = 0.02).", "consistent")]
    [InlineData("Return to work was more frequent with coaching (risk difference, 12.0 percentage points; 95% confidence interval [CI], 2.2 to 21.8; P = 0.20).", "inconsistent")]
    public void AnIntervalInPercentagePoints(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    [Theory]
    // Wald: 2 * pnorm(-12.0 / ((24.2 + 0.2) / 2 / qnorm(0.975))) = 0.054 (0.053 to 0.055 with the limits' rounding); a
    // chi-square test's pooled SE with N = 200: z = 1.928 / sqrt(1 + 1.928^2 / 200) = 1.910, 2 * pnorm(-1.910) = 0.056.
    [InlineData("We randomised 200 patients. Remission was more frequent with the drug (difference, 12.0 percentage points; 95% CI, −0.2 to 24.2; P = .06).", "consistent")]
    [InlineData("We randomised 200 patients. Remission was more frequent with the drug (difference, 12.0 percentage points; 95% CI, −0.2 to 24.2; P = .20).", "inconsistent")]
    [InlineData("Nous avons randomisé 200 patients. La rémission était plus fréquente sous traitement (différence : 12,0 points de pourcentage ; IC à 95 % : −0,2 à 24,2 ; p = 0,06).", "consistent")]
    [InlineData("Nous avons randomisé 200 patients. La rémission était plus fréquente sous traitement (différence : 12,0 points de pourcentage ; IC à 95 % : −0,2 à 24,2 ; p = 0,20).", "inconsistent")]
    public void ADifferenceOfPercentagesMayHaveAChiSquaresP(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    [Theory]
    // "6.0 points lower" with limits −9.0 to −3.0 is −6.0: 2 * pnorm(-6.0 / ((9.0 - 3.0) / 2 / qnorm(0.975))) = 0.00009.
    [InlineData("The pain score was 6.0 points lower after surgery (95% CI −9.0 to −3.0), p < 0.001.", "consistent")]
    [InlineData("The pain score was 6.0 points lower after surgery (95% CI −9.0 to −3.0), p = 0.20.", "inconsistent")]
    [InlineData("Le score de douleur était de 6,0 points de moins après la chirurgie (IC à 95 % : −9,0 à −3,0 ; p < 0,001).", "consistent")]
    [InlineData("Le score de douleur était de 6,0 points de moins après la chirurgie (IC à 95 % : −9,0 à −3,0 ; p = 0,20).", "inconsistent")]
    [InlineData("The pain score was 6.0 points higher after surgery (95% CI −9.0 to −3.0), p < 0.001.", "inconsistent")]
    public void ADifferenceSaidLowerIsNegative(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    [Theory]
    // Ratios on the log scale: 2 * pnorm(-abs(log(0.60)) / ((log(0.95) - log(0.38)) / 2 / qnorm(0.975))) = 0.029 (the
    // linear midpoint 0.665 is not 0.60, so read as a difference the interval is not Wald's and the p not checkable).
    [InlineData("The odds of readmission adjusted for age and frailty were 0.60 (95% CI 0.38–0.95; P = 0.03).", "consistent")]
    [InlineData("The odds of readmission adjusted for age and frailty were 0.60 (95% CI 0.38–0.95; P = 0.30).", "inconsistent")]
    [InlineData("The hazard ratio for death from a Cox model was 0.80 (95% CI, 0.66 to 0.97; P = .02), and for hospitalisation 0.60 (95% CI, 0.38 to 0.95; P = .03).", "consistent")]
    [InlineData("The hazard ratio for death from a Cox model was 0.80 (95% CI, 0.66 to 0.97; P = .02), and for hospitalisation 0.60 (95% CI, 0.38 to 0.95; P = .30).", "inconsistent")]
    [InlineData("Le rapport des risques instantanés de décès issu du modèle de Cox était de 0,80 (IC à 95 % : 0,66 à 0,97 ; p = 0,02), et pour les hospitalisations de 0,60 (IC à 95 % : 0,38 à 0,95 ; p = 0,03).", "consistent")]
    [InlineData("Le rapport des risques instantanés de décès issu du modèle de Cox était de 0,80 (IC à 95 % : 0,66 à 0,97 ; p = 0,02), et pour les hospitalisations de 0,60 (IC à 95 % : 0,38 à 0,95 ; p = 0,30).", "inconsistent")]
    public void ARatioNamedAsOddsOrForASecondOutcome(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "ci_vs_p").Last());

    [Theory]
    // 2 * pnorm(-0.6 / ((1.8 + 0.6) / 2 / qnorm(0.975))) = 0.33.
    [InlineData("The change in FEV1 differed by 0.6 points between the groups (95% CI, −0.6 to 1.8; P = .33).", "consistent")]
    [InlineData("The change in FEV1 differed by 0.6 points between the groups (95% CI, −0.6 to 1.8; P = .03).", "inconsistent")]
    [InlineData("La variation du VEMS différait de 0,6 point entre les groupes (IC à 95 % : −0,6 à 1,8 ; p = 0,33).", "consistent")]
    [InlineData("La variation du VEMS différait de 0,6 point entre les groupes (IC à 95 % : −0,6 à 1,8 ; p = 0,03).", "inconsistent")]
    public void ADifferenceBetweenTheGroups(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    [Theory]
    // z = 0.90 / 0.30 = 3.0: p from 2 * pnorm(-0.95 / 0.25) = 0.00014 (normal) to 2 * pt(-0.85 / 0.35, 1) = 0.25 (t, 1 df);
    // 0.40 is outside whatever the df.
    [InlineData("The number of admissions per year fell by 0.90 (SE 0.30; P = .003) after the programme.", "consistent")]
    [InlineData("The number of admissions per year fell by 0.90 (SE 0.30; P = .40) after the programme.", "inconsistent")]
    [InlineData("Systolic pressure decreased with the drug (estimated difference, 0.90 mm Hg [SE 0.30]; P = .003).", "consistent")]
    [InlineData("Systolic pressure decreased with the drug (estimated difference, 0.90 mm Hg [SE 0.30]; P = .40).", "inconsistent")]
    [InlineData("Le nombre d'hospitalisations diminuait de 0,90 par an (erreur standard 0,30 ; p = 0,003).", "consistent")]
    [InlineData("Le nombre d'hospitalisations diminuait de 0,90 par an (erreur standard 0,30 ; p = 0,40).", "inconsistent")]
    public void AnAmountOfChangeWithItsSeAndP(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "se_vs_p"));

    [Theory]
    // A mean's SE with a p: the p compares it with something else, not the mean with zero.
    [InlineData("The mean score of 0.90 (SE 0.30; P = .40) in the drug group was lower.")]
    [InlineData("The score fell by 0.90 (SE 0.30; P = .40 vs placebo).")]
    public void AMeansSeOrAComparisonsPIsNotAnEstimatesTest(string text) => Assert.Null(Verdict(text, "se_vs_p"));

    [Theory]
    // 14/37 = 37.84 %: a count of a denominator named in up to eight words.
    [InlineData("Ulcers were on the heels in 14 of the 37 residents with an ulcer in the intervention homes (37.8%).", "consistent")]
    [InlineData("Ulcers were on the heels in 14 of the 37 residents with an ulcer in the intervention homes (47.8%).", "inconsistent")]
    [InlineData("Les escarres siégeaient au talon chez 14 des 37 résidents porteurs d'une escarre dans les établissements pilotes (37,8 %).", "consistent")]
    [InlineData("Les escarres siégeaient au talon chez 14 des 37 résidents porteurs d'une escarre dans les établissements pilotes (47,8 %).", "inconsistent")]
    public void ACountOfADenominatorNamedInManyWords(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // No n applies (a subgroup whose n the text does not give): quartiles of integers in order, which some n gives, are
    // consistent; a median of integers is whole or a half whatever the n, so 4.25 is impossible.
    [InlineData("The number of falls had a median of 4 (IQR 2–7) in the frail residents.", "consistent")]
    [InlineData("The number of falls had a median of 4.25 (IQR 2–7) in the frail residents.", "inconsistent")]
    [InlineData("Le nombre de chutes avait une médiane de 4 (EIQ 2-7) chez les résidents fragiles.", "consistent")]
    [InlineData("Le nombre de chutes avait une médiane de 4,25 (EIQ 2-7) chez les résidents fragiles.", "inconsistent")]
    public void QuartilesOfIntegersWithNoN(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "quantile"));

    [Theory]
    // r = 0.30 with n = 50: t = 0.30 * sqrt(48 / (1 - 0.09)) = 2.18, 2 * pt(-2.18, 48) = 0.034.
    [InlineData("Age correlated with the dose, r = 0.30, p = 0.03 (n = 50).", "consistent")]
    [InlineData("Age correlated with the dose, r = 0.30, p = 0.30 (n = 50).", "inconsistent")]
    [InlineData("L'âge était corrélé à la dose, r = 0,30 ; p = 0,03 (n = 50).", "consistent")]
    [InlineData("L'âge était corrélé à la dose, r = 0,30 ; p = 0,30 (n = 50).", "inconsistent")]
    public void ACorrelationsNInABracketAfterItsP(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Theory]
    // A median named after its value, in a sentence with a mean before it or with up to six words before its bracket; a
    // median below its first quartile is given by no data.
    [InlineData("Les patients avaient un âge moyen de 61,4 ans (DS 11,2) et étaient diabétiques depuis 9 ans en médiane (Q1-Q3 : 5-15).", "consistent")]
    [InlineData("Les patients avaient un âge moyen de 61,4 ans (DS 11,2) et étaient diabétiques depuis 4 ans en médiane (Q1-Q3 : 5-15).", "inconsistent")]
    [InlineData("Patients had a mean age of 61.4 years (SD 11.2) and had had diabetes for 9 years in median (IQR 5–15).", "consistent")]
    [InlineData("Patients had a mean age of 61.4 years (SD 11.2) and had had diabetes for 4 years in median (IQR 5–15).", "inconsistent")]
    [InlineData("L'accouchement a eu lieu 4 jours en médiane après la randomisation dans le groupe révélé (Q1-Q3 : 6-35).", "inconsistent")]
    [InlineData("Delivery took place 4 days in median after randomisation in the revealed group (IQR 6–35).", "inconsistent")]
    public void AMedianNamedAfterItsValue(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "quantile_order"));

    [Fact]
    // The first median's quartiles are no word between the word median and the second value.
    public void AMediansQuartilesAreNotSkippedToReachTheNext() =>
        Assert.Equal(new[] { "inconsistent", "consistent" }, Verdicts("La durée d'hospitalisation était de 2 jours en médiane (Q1-Q3 : 3-5) après HoLEP et de 3 jours (Q1-Q3 : 3-4) après RTUP.", "quantile_order"));

    [Theory]
    // The interval's p after its t: 2 * pnorm(-1.5 / ((2.7 - 0.3) / 2 / qnorm(0.975))) = 0.0143 (2 * pt(-2.50, 58) = 0.0153).
    [InlineData("Sleep was longer by 1.5 hours (95% CI 0.3 to 2.7; t(58) = 2.50, p = 0.015).", "consistent")]
    [InlineData("Sleep was longer by 1.5 hours (95% CI 0.3 to 2.7; t(58) = 2.50, p = 0.15).", "inconsistent")]
    public void AnIntervalsPAfterItsTest(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    // What unseen papers print that changes which test, which n or which kind of number applies: each sentence checked
    // once as printed (no verdict, or not checkable) and once without the words that change it (inconsistent).

    [Theory]
    // 2 * pt(-2.25, 40) = 0.030: a Bonferroni-corrected p of 0.09 is not the t's. 1 - pchisq(3.20, 1) = 0.074: Fisher's exact p is another test's.
    [InlineData("Recall improved after training, t(40) = 2.25, Bonferroni-corrected p = 0.09.", "not_checkable")]
    [InlineData("Recall improved after training, t(40) = 2.25, p = 0.09.", "inconsistent")]
    [InlineData("Recall improved after training, t(40) = 2.25, p = 0.09 (Holm-adjusted).", "not_checkable")]
    [InlineData("Relapse was more frequent in men, χ2(1) = 3.20, Fisher's exact p = 0.04.", "not_checkable")]
    [InlineData("Relapse was more frequent in men, χ2(1) = 3.20, p = 0.04.", "inconsistent")]
    [InlineData("La rechute était plus fréquente chez les hommes, χ2(1) = 3,20 ; p = 0,04 (test exact de Fisher).", "not_checkable")]
    public void APCorrectedOrFromAnotherTestIsNotTheStatistics(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Theory]
    // Wald p of HR 0.75 (0.60 to 0.94): 2 * pnorm(-|log(0.75)| / ((log(0.94) - log(0.60)) / 2 / 1.96)) = 0.012; printed limits allow 0.008 to 0.017; half of it one-sided; a log-rank p of 0.001 is another test's.
    [InlineData("Survival was longer with the drug (HR 0.75, 95% CI 0.60 to 0.94; log-rank p = 0.001).", "not_checkable")]
    [InlineData("Survival was longer with the drug (HR 0.75, 95% CI 0.60 to 0.94; p = 0.001).", "inconsistent")]
    // 2 * pnorm(-1.2 / (3.6 / 2 / 1.96)) = 0.19: a p against a non-inferiority margin is not the interval's p against 0.
    [InlineData("The difference was −1.2 points (95% CI −3.0 to 0.6; p < 0.001 for non-inferiority).", "not_checkable")]
    [InlineData("Non-inferiority was shown: the difference was −1.2 points (95% CI −3.0 to 0.6; p < 0.001).", "not_checkable")]
    [InlineData("The difference was −1.2 points (95% CI −3.0 to 0.6; p < 0.001).", "inconsistent")]
    [InlineData("The effect did not differ by sex (HR 0.80, 95% CI 0.64 to 1.00; p = 0.30 for interaction).", "not_checkable")]
    // A chi-square test's p beside an odds ratio's Wald interval: 2 * pnorm(-log(2.1) / ((log(4.0) - log(1.1)) / 2 / 1.96)) = 0.024.
    [InlineData("Relapse was more frequent in smokers (chi-square test; OR 2.10, 95% CI 1.10 to 4.00; p = 0.018).", "not_checkable")]
    // A chi-square with its own value and p is another statistic of the sentence: the interval (including 0) keeps its check.
    [InlineData("Return to sport differed (χ2 = 1.95, df = 1, p = 0.16), a risk difference of 21.7% (95% CI −8.0 to 51.4; p = 0.002).", "inconsistent")]
    // pnorm(-1.5 / (3.2 / 2 / 1.96)) = 0.033 one-sided (0.066 two-sided).
    [InlineData("The gain was 1.50 points (95% CI −0.10 to 3.10; one-sided p = 0.033).", "consistent")]
    [InlineData("The gain was 1.50 points (95% CI −0.10 to 3.10; p = 0.0033).", "inconsistent")]
    public void AnIntervalsPFromAnotherTestOrHypothesis(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    [Theory]
    // 1 - pf(3.10, 3, 57) = 0.034; at the lower bound of Greenhouse-Geisser's epsilon (1/3), 1 - pf(3.10, 1, 19) = 0.094.
    [InlineData("Where sphericity was violated, the Greenhouse-Geisser correction was applied. Recall changed over the four sessions, F(3, 57) = 3.10, p = 0.051.", "consistent")]
    [InlineData("Recall changed over the four sessions, F(3, 57) = 3.10, p = 0.051.", "inconsistent")]
    [InlineData("Where sphericity was violated, the Greenhouse-Geisser correction was applied. Recall changed over the four sessions, F(3, 57) = 3.10, p = 0.20.", "inconsistent")]
    public void AnFsDfCorrectedForSphericity(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Theory]
    // 12.33 x 20 = 246.6: no whole total; but a model's adjusted mean, a mean item score or a cell count need not be a total over n.
    [InlineData("The mean HAM-D score was 12.33 (SD 3.10) in the 20 patients.", "inconsistent")]
    [InlineData("The adjusted mean HAM-D score was 12.33 (SE 0.80) in the 20 patients.", "not_checkable")]
    [InlineData("The least-squares mean HAM-D score was 12.33 (SE 0.80) in the 20 patients.", "not_checkable")]
    [InlineData("La moyenne ajustée du score HAM-D était de 12,33 (ES 0,80) chez les 20 patients.", "not_checkable")]
    [InlineData("The mean item score of the anxiety scale was 3.47 (SD 0.62) in the 20 patients.", "not_checkable")]
    [InlineData("The mean lymphocyte count was 1.53 (SD 0.40) in the 20 patients.", "not_checkable")]
    [InlineData("The mean DAS28 score was 4.33 (SD 1.10) in the 20 patients.", "not_checkable")]
    public void MeansThatNeedNotBeATotalOverN(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // 6.25 x 14 = 87.5: impossible for the 14 patients, but the mean of a subgroup is of fewer.
    [InlineData("Fourteen patients were treated. The mean SLEDAI score was 6.25 (SD 2.10).", "inconsistent")]
    [InlineData("Fourteen patients were treated. In women, the mean SLEDAI score was 6.25 (SD 2.10).", "not_checkable")]
    [InlineData("Fourteen patients were treated. The mean SLEDAI score was 6.25 (SD 2.10) in the placebo group.", "not_checkable")]
    [InlineData("Quatorze patients ont été traités. Chez les répondeurs, le score SLEDAI moyen était de 6,25 (ET 2,10).", "not_checkable")]
    public void TheStudysNIsNotASubgroups(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // 47.2 % is k/N for no N up to 14, but the sentence speaks of 250 people; 12/40 lesions = 30 % though 40 > 14.
    [InlineData("Fourteen patients were treated. A survey of 250 people found that 47.2% of respondents knew the drug.", "not_checkable")]
    [InlineData("Fourteen patients were treated. The survey found that 47.2% of respondents knew the drug.", "inconsistent")]
    [InlineData("Fourteen patients were treated. Of the 40 lesions, 12 (30%) regressed.", "consistent")]
    // 582/1287 = 45.22 %: "n = 1,287" is one thousand two hundred and eighty-seven.
    [InlineData("In the registry (n = 1,287), 45.22% of patients were women.", "consistent")]
    public void TheStudysNIsNotAnotherPopulations(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // 30 + 12 + 4 = 46 of 40 patients: adverse events, of which a patient may have several; patients, of whom none is in two levels.
    [InlineData("Forty patients were treated. Adverse events were mild in 30, moderate in 12 and severe in 4.", null)]
    [InlineData("Forty patients were treated. Disease activity was mild in 30, moderate in 12 and severe in 4.", "inconsistent")]
    // 160 + 140 = 300: the people screened, more than the 120 included.
    [InlineData("We enrolled 120 patients. Of 300 people screened, 160 were women and 140 men.", "consistent")]
    public void CategoriesOfEventsAndOfOtherPopulations(string text, string? verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // 9 + 13 = 22 in one arm: the "18 patients" that closes the other arm's list of counts is a count, not a total.
    [InlineData("Recovery was mild in 9 and none in 13 patients of the combined arm, and in 9, 11, 10 and 18 patients of the oral arm, respectively.", "not_checkable")]
    [InlineData("La récupération a été légère chez 9 et nulle chez 13 patients du groupe combiné, et respectivement chez 9, 11, 10 et 18 patients du groupe oral.", "not_checkable")]
    // A total stated alone still checks them: 22 of 18.
    [InlineData("Of the 18 patients, recovery was mild in 9 and none in 13.", "inconsistent")]
    [InlineData("Parmi les 18 patients, la récupération a été légère chez 9 et nulle chez 13.", "inconsistent")]
    public void TheLastOfAListOfCountsIsNoTotal(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // A registry's or a survey's population as the study's n, thousands with a comma or a narrow space: 3,412/4,873 =
    // 70.0 %, and 68.2 % needs a denominator of 5,000 or more; 4,018/14,862 = 27.0 %, 25.9 % needs 15,484 or more;
    // 603/2,318 = 26.0 %, 24.1 % needs 2,497 or more.
    [InlineData("Results. The registry held 4,873 patients. Echocardiography was performed in 3,412 patients (70.0%).", "consistent")]
    [InlineData("Results. The registry held 4,873 patients. Echocardiography was performed in 3,412 patients (68.2%).", "inconsistent")]
    [InlineData("Résultats. Le registre comptait 4\u202f873 patients. Une échographie a été réalisée chez 3\u202f412 patients (68,2 %).", "inconsistent")]
    [InlineData("Of 14,862 students who returned a complete questionnaire, 4,018 students (25.9%) had discussed vaping at home.", "inconsistent")]
    [InlineData("Of 14,862 students who returned a complete questionnaire, 4,018 students (27.0%) had discussed vaping at home.", "consistent")]
    [InlineData("Au total, 2\u202f318 soignants ont répondu (taux de participation 41,6 %). Un AP faible concernait 603 répondants (24,1 %).", "inconsistent")]
    [InlineData("Au total, 2\u202f318 soignants ont répondu (taux de participation 41,6 %). Un AP faible concernait 603 répondants (26,0 %).", "consistent")]
    // Thousands read whole in an inclusion: 582/1,287 = 45.2 % (not 582 of 287).
    [InlineData("In the registry, 1,287 patients were included. Of them, 582 patients (45.2%) were women.", "consistent")]
    [InlineData("Dans le registre, 1 287 patients ont été inclus. Parmi eux, 582 patients (45,2 %) étaient des femmes.", "consistent")]
    // Responders to a treatment are a count, not the study's n: 20/60 = 33.3 % is possible.
    [InlineData("Thirty-five patients responded to treatment. Nausea occurred in 20 patients (33.3%).", "consistent")]
    // A year closing a period is no n: 22/60 = 36.7 %, which no denominator up to 2,022 forbids.
    [InlineData("All adults reported from 2015 through 2022 were included. Nausea occurred in 22 patients (36.7%).", "consistent")]
    [InlineData("Tous les adultes déclarés de 2015 à 2022 ont été inclus. Des nausées sont survenues chez 22 patients (36,7 %).", "consistent")]
    public void ARegistrysOrASurveysPopulation(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // The arm named after a time point ("at week 24", "à J2", "à 15 minutes") is the statistic's: n = 142, where 4.1 ± 1.8 to 3.2 ± 1.6
    // gives p < 0.0001 at any correlation (0.62 is impossible); n = 52, 6.12 → 1.94 with p < .001 is consistent.
    [InlineData("Women were randomized to carbetocin (n = 142) or oxytocin (n = 140). Pain fell from 4.1 ± 1.8 on day 1 to 3.2 ± 1.6 on day 2 with carbetocin (p = 0.62).", "inconsistent")]
    [InlineData("Patients were randomized to tocilizumab (n = 52) or placebo (n = 51). Pain fell from 6.12 ± 1.88 at baseline to 1.94 ± 1.71 at week 24 with tocilizumab (P < .001).", "consistent")]
    [InlineData("Les patientes ont été randomisées entre carbétocine (n = 142) et ocytocine (n = 140). La douleur est passée de 4,1 ± 1,8 à J1 à 3,2 ± 1,6 à J2 dans le groupe carbétocine (p = 0,62).", "inconsistent")]
    [InlineData("Les patients ont été randomisés entre méthoxyflurane (n = 156) et morphine (n = 152). L'EN est passée de 7,4 ± 1,3 à 4,6 ± 2,0 à 15 minutes sous méthoxyflurane (p < 0,001).", "consistent")]
    // Arms allocated by what each received: "recevaient … (n = 156) ou … (n = 152)", "were given … (n = 156) or … (n = 152)".
    [InlineData("Adults were given methoxyflurane (n = 156) or intravenous paracetamol with morphine (n = 152). Pain fell from 7.4 ± 1.3 to 7.1 ± 2.0 at 15 minutes with methoxyflurane (p = 0.91).", "inconsistent")]
    [InlineData("Les adultes recevaient du méthoxyflurane (n = 156) ou du paracétamol associé à la morphine (n = 152). L'EN est passée de 7,4 ± 1,3 à 7,1 ± 2,0 à 15 minutes sous méthoxyflurane (p = 0,91).", "inconsistent")]
    [InlineData("Les adultes recevaient du méthoxyflurane (n = 156) ou du paracétamol associé à la morphine (n = 152). L'EN est passée de 7,4 ± 1,3 à 4,6 ± 2,0 à 15 minutes sous méthoxyflurane (p < 0,001).", "consistent")]
    // An arm named by a word before its bracket ("or supervised aerobic exercise (n = 31)" … "in the aerobic group"), and
    // a bracket describing the measure passed ("In the antibiotic group, pain (0 to 10, whole points) fell from …"):
    // 48.6 ± 10.2 to 38.9 ± 9.7 with n = 72 gives p < 0.0001 at any correlation from 0 to 1.
    [InlineData("Adults were randomly assigned to Yang-style tai chi (n = 33) or supervised aerobic exercise (n = 31). In the aerobic group it decreased from 12.1 (SD = 3.3) to 10.3 (SD = 3.6), p = .002.", "consistent")]
    [InlineData("Adults were randomly assigned to Yang-style tai chi (n = 33) or supervised aerobic exercise (n = 31). In the aerobic group it decreased from 48.6 (SD = 10.2) to 38.9 (SD = 9.7), p = .74.", "inconsistent")]
    [InlineData("Les adultes ont été randomisés entre tai-chi (n = 33) et exercice aérobie supervisé (n = 31). Dans le groupe aérobie, il est passé de 48,6 (ET 10,2) à 38,9 (ET 9,7), p = 0,74.", "inconsistent")]
    [InlineData("Children were randomized to oral antibiotics (n = 76) or appendectomy (n = 72). In the appendectomy group, the score (0 to 100, whole points) fell from 48.6 ± 10.2 at admission to 38.9 ± 9.7 at discharge (p=0.74).", "inconsistent")]
    [InlineData("Les enfants ont été randomisés entre antibiotiques (n = 76) et appendicectomie (n = 72). Dans le groupe appendicectomie, le score (de 0 à 100, en points entiers) est passé de 48,6 ± 10,2 à l'admission à 38,9 ± 9,7 à la sortie (p = 0,74).", "inconsistent")]
    public void TheArmNamedAfterATimePoint(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "within_patient_p"));

    [Theory]
    // The arm named before a p in brackets is the clause before's: 6.12 is 422/69 with placebo's n, no total over 71.
    [InlineData("Children received dexamethasone (n = 71) or placebo (n = 69). The score (0 to 10, whole points) fell from 4.87 ± 2.63 to 3.21 ± 2.18 with dexamethasone (p < 0.001) and from 6.12 ± 2.91 to 5.74 ± 2.66 with placebo (p = 0.81).")]
    [InlineData("Les enfants ont reçu de la dexaméthasone (n = 71) ou un placebo (n = 69). Le score (de 0 à 10, en points entiers) est passé de 4,87 ± 2,63 à 3,21 ± 2,18 sous dexaméthasone (p < 0,001) et de 6,12 ± 2,91 à 5,74 ± 2,66 sous placebo (p = 0,81).")]
    public void TheArmBeforeABracketedPIsTheClauseBefores(string text) => Assert.DoesNotContain("inconsistent", Verdicts(text, "grim"));

    [Theory]
    // Three studies under their own headings, the first with no n read: the second's n (38) is not the third's, where
    // 0.28 (SD 0.45) is possible with a large n and impossible with 38.
    [InlineData("Trial of drug A\n\nBetween 2016 and 2023, 23 patients started drug A.\n\nCohort of drug B\n\nThe cohort held 38 patients.\n\nRegistry of colorectal cancer\n\nRight-sided tumours, coded 1 or 0, averaged 0.28 (SD 0.45).")]
    [InlineData("Essai du médicament A\n\nEntre 2016 et 2023, 23 patients ont débuté le médicament A.\n\nCohorte du médicament B\n\nLa cohorte comptait 38 patients.\n\nRegistre des cancers colorectaux\n\nLa tumeur droite, codée 1 ou 0, avait une moyenne de 0,28 (ET 0,45).")]
    public void AStudysNUnderALaterHeadingIsItsSectionsOnly(string text) => Assert.NotEqual("inconsistent", Verdict(text, "debit"));

    [Fact]
    public void AYearClosingAPeriodIsNoStudyN()
    {
        Assert.DoesNotContain("2022", CheckText("All adults reported from 2015 through 2022 were included. Nausea occurred in 22 patients (36.7%).").StudyNSource ?? "");
        Assert.DoesNotContain("2022", CheckText("Tous les adultes déclarés de 2015 à 2022 ont été inclus. Des nausées sont survenues chez 22 patients (36,7 %).").StudyNSource ?? "");
    }

    [Theory]
    // Read as SDs, 20.1 ± 1.2 to 15.2 ± 1.3 in 25 patients gives p below 1e-12 at any correlation from 0 to 1: a p of 0.04 is impossible; read as SEMs (the paper says so), it is not checkable from means and SDs.
    [InlineData("Values are mean ± SEM. The HAM-D score fell from 20.1 ± 1.2 at baseline to 15.2 ± 1.3 at 8 weeks in the 25 patients (p = 0.04).", "not_checkable")]
    [InlineData("Values are mean ± SD. The HAM-D score fell from 20.1 ± 1.2 at baseline to 15.2 ± 1.3 at 8 weeks in the 25 patients (p = 0.04).", "inconsistent")]
    [InlineData("Les résultats sont exprimés en moyenne ± ESM. Le score HAM-D est passé de 20,1 ± 1,2 à l'inclusion à 15,2 ± 1,3 à 8 semaines chez les 25 patients (p = 0,04).", "not_checkable")]
    // 2 * pt(-4.9 / sqrt((4.2^2 + 4.3^2) / 30), 29) = 0.0001 at ρ = 0: a p of 0.04 compares the arm with placebo, not the two visits.
    [InlineData("In the drug arm (n = 30), the score fell from 20.1 ± 4.2 to 15.2 ± 4.3 at 8 weeks (p = 0.04 vs placebo).", null)]
    [InlineData("In the drug arm (n = 30), the score fell from 20.1 ± 4.2 to 15.2 ± 4.3 at 8 weeks (p = 0.04).", "inconsistent")]
    public void WithinPatientPsOfSemsAndOfGroupComparisons(string text, string? verdict) => Assert.Equal(verdict, Verdict(text, "within_patient_p"));

    [Theory]
    // (0.65 x 0.35 x 40/39)^0.5 = 0.48: a proportion of smokers cannot have an SD of 0.12; a proportion of time can.
    [InlineData("The proportion of smokers was 0.65 (SD 0.12) in the 40 patients.", "inconsistent")]
    [InlineData("The proportion of time in range was 0.65 (SD 0.12) in the 40 patients.", null)]
    public void AProportionOfTimeIsNotBinary(string text, string? verdict) => Assert.Equal(verdict, Verdict(text, "debit"));

    [Theory]
    // Every quantile definition puts a median of integers on a whole number or a half, whatever the n; a minimum is one of the values.
    [InlineData("In the surgical group, the median number of nights in hospital was 2.75 (range 0–9).", "inconsistent")]
    [InlineData("In the surgical group, the median number of nights in hospital was 2.5 (range 0–9).", "consistent")]
    [InlineData("In the surgical group, the median number of nights in hospital was 2 (range 0.5–9).", "inconsistent")]
    public void QuartilesNoSampleSizeGives(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile").First());

    [Theory]
    // 12.35 x 20 = 247 but 12.35 x 22 = 271.7 (271/22 = 12.32, 272/22 = 12.36): with two groups' n before it, the mean's is not known.
    [InlineData("In the drug (n = 20) and placebo (n = 22) groups, the mean HAM-D scores were 12.35 (SD 3.10) and 11.41 (SD 2.90), respectively.", "not_checkable")]
    [InlineData("In the drug group (n = 22), the mean HAM-D score was 12.35 (SD 3.10).", "inconsistent")]
    // A table set as running text, as a PDF extraction may give it: the header's two n before the cell.
    [InlineData("Characteristic Remission (n = 38) No remission (n = 10) Women, n (%) 25 (66) 7 (70) Pain score, mean (SD) 5.21 (2.06) 5.40 (2.32)", "not_checkable")]
    public void SeveralNBeforeAStatistic(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").First());

    [Theory]
    // 2 * pt(-1.12, 94) = 0.265: a p in the next clause that refers back to the statistic is its p.
    [InlineData("Gains were larger with training, t(94) = 1.12; this difference was significant, p < .001.", "inconsistent")]
    [InlineData("Gains were larger with training, t(94) = 1.12; this difference was not significant, p = .27.", "consistent")]
    // 1 - pchisq(5.02, 1) = 0.0250: a chi-square for trend.
    [InlineData("Adherence fell across the age bands (χ2 for trend = 5.02, 1 df; P = .025).", "consistent")]
    [InlineData("Adherence fell across the age bands (χ2 for trend = 5.02, 1 df; P = .0025).", "inconsistent")]
    // 1 - pchisq(7.41, 1) = 0.0065: a log-rank chi-square named after its symbol, NS is impossible; 0.92 gives 0.34.
    [InlineData("L'indice de masse corporelle n'était pas associé à la survie (χ² du log-rank = 7,41 ; 1 ddl ; NS).", "inconsistent")]
    [InlineData("Le sexe n'était pas associé à la survie (χ² du log-rank = 0,92 ; 1 ddl ; NS).", "consistent")]
    [InlineData("Survival did not differ by sex (χ2 of the log-rank test = 0.92, 1 df; P = 0.34).", "consistent")]
    // r = -0.09 with the n = 24 of the correlation before it (df 22): 2 * pt(-0.09 * sqrt(22) / sqrt(1 - 0.09^2), 22) = 0.676.
    [InlineData("La baisse était corrélée au score CADSS (r = 0,48 ; p = 0,017 ; n = 24), mais pas à l'âge (r = −0,09 ; p = 0,03).", "inconsistent")]
    [InlineData("La baisse était corrélée au score CADSS (r = 0,48 ; p = 0,017 ; n = 24), mais pas à l'âge (r = −0,09 ; p = 0,68).", "consistent")]
    public void APOrADfFromTheNextClauseOrThePreviousCorrelation(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "p_vs_statistic").Last());

    [Theory]
    // Grade 3/4 is no count out of a denominator, nor a threshold "≥ 7" a count.
    [InlineData("Grade 3/4 neutropenia (12%) occurred in five patients.")]
    [InlineData("A pain score ≥ 7 (28%) was more common with usual care.")]
    [InlineData("At M6 (45%), most patients were in remission.")]
    public void GradesThresholdsAndVisitsAreNotCounts(string text) =>
        Assert.DoesNotContain(CheckText(text).Findings, f => f.Check == "percentage" && f.Verdict == FindingVerdict.Inconsistent);

    [Theory]
    // The interval of a difference whose estimate is not printed is not the second value's; the n of a group named
    // between a percentage and its bracket is its denominator (18/40 = 45 %), not its count.
    [InlineData("Disability fell from 45% to 30% (95% CI 8 to 22) with exercise.")]
    [InlineData("Response was 45% in the drug group (n = 40) and 30% in placebo.")]
    // 2 * pt(-2.15, 30) = 0.040: "NS" in a paper that corrects for multiple comparisons need not be p > 0.05.
    [InlineData("P-values were corrected with the Bonferroni method. Errors fell (t(30) = 2.15, NS).")]
    public void NumbersThatAreNotTheStatisticsOwn(string text) =>
        Assert.DoesNotContain(CheckText(text).Findings, f => f.Verdict == FindingVerdict.Inconsistent);

    [Theory]
    [InlineData("Errors fell (t(30) = 2.15, NS).", "inconsistent")]
    // Words after the bracket the p closes are not about it.
    [InlineData("Recall improved, t(30) = 2.10 (p = 0.44), but not after the Bonferroni correction.", "inconsistent")]
    public void NsAndWordsAfterTheP(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Theory]
    // A pre/post table with a p column, its n in the caption: 6.1 ± 1.7 to 4.0 ± 2.0 in 18 patients gives at most
    // 2 * pt(-2.0 / sqrt((1.75^2 + 2.05^2) / 18), 17) = 0.0027 (ρ = 0, the smallest difference and largest SDs): 0.64 is impossible.
    [InlineData("Table 2. Outcomes in the 18 completers (mean ± SD; paired t tests).\n\nOutcome        Baseline      12 weeks      P value\nPain score     6.1 ± 1.7     4.0 ± 2.0     0.64\n", "inconsistent")]
    [InlineData("Table 2. Outcomes in the 18 completers (mean ± SD; paired t tests).\n\nOutcome        Baseline      12 weeks      P value\nPain score     6.1 ± 1.7     4.0 ± 2.0     <0.001\n", "consistent")]
    [InlineData("Tableau 2. Évolution (moyenne ± ET ; test t apparié).\n\nParamètre      M0 (n = 19)   M6 (n = 19)   p\nScore UPDRS    47,2 ± 5,3    50,9 ± 4,1    0,52\n", "inconsistent")]
    // Two arms, not two visits: no within-patient comparison.
    [InlineData("Table 2. Outcomes at 12 weeks.\n\nOutcome        Exercise (n = 18)   Usual care (n = 18)   P value\nPain score     6.1 ± 1.7           4.0 ± 2.0             0.64\n", null)]
    public void PrePostTablesWithAPColumn(string text, string? verdict) => Assert.Equal(verdict, Verdict(text, "within_patient_p"));

    [Theory]
    // A score's mean in a table whose caption states the n: 6.13 × 18 = 110.3, and 110/18 = 6.11, 111/18 = 6.17, so no
    // 18 integer scores give 6.13 (GRIM); 6.11 is possible.
    [InlineData("Table 2. Outcomes in the 18 completers (mean ± SD).\n\nOutcome        Baseline      12 weeks\nPain score     6.13 ± 1.70   4.00 ± 2.00\n", "inconsistent")]
    [InlineData("Table 2. Outcomes in the 18 completers (mean ± SD).\n\nOutcome        Baseline      12 weeks\nPain score     6.11 ± 1.70   4.00 ± 2.00\n", "consistent")]
    [InlineData("Tableau 2. Évolution des 18 patients (moyenne ± ET).\n\nParamètre      M0            M6\nScore ADL      6,13 ± 1,70   4,00 ± 2,00\n", "inconsistent")]
    public void ATableCellsNFromItsCaption(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").First());

    [Fact]
    public void APrePostRowsComparisonStandsAtItsLaterCell()
    {
        // The row's comparison quotes both cells and the p, but the baseline cell keeps its own place for its own checks.
        const string text = "Table 2. Outcomes in the 18 completers (mean ± SD; paired t tests).\n\nOutcome        Baseline      12 weeks      P value\nPain score     6.1 ± 1.7     4.0 ± 2.0     0.64\n";
        var report = CheckText(text);
        var within = report.Findings.Single(f => f.Check == "within_patient_p");
        Assert.Equal("4.0 ± 2.0", report.Findings.Single(f => f.Start == within.Start && f.Check == "grim").Quote);
        Assert.StartsWith("6.1 ± 1.7", within.Quote);
    }

    [Fact]
    public void TwoMeasuresFollowedInOneSentence()
    {
        // 21.6 ± 6.2 to 14.9 ± 6.8 in 24 patients: at ρ = 0, 2 * pt(-6.6 / sqrt((6.25^2 + 6.85^2) / 24), 23) = 0.0014, so 0.38 is
        // impossible; the first comparison's p < 0.001 is possible. The paired t test named in the first clause is not the second's.
        const string text = "Les 24 patients ont été inclus. Le score MADRS est passé de 32,4 ± 5,1 à J0 à 18,7 ± 8,9 à J28 (test t apparié, p < 0,001) et le score HAM-A de 21,6 ± 6,2 à 14,9 ± 6,8 (modèle mixte, p = 0,38).";
        Assert.Equal(new[] { "consistent", "inconsistent" }, Verdicts(text, "within_patient_p"));
        Assert.DoesNotContain("paired t test", CheckText(text).Findings.Where(f => f.Check == "within_patient_p").Last().Explanation);
    }

    [Fact]
    public void APaperThatPairsWithARankTest() =>
        // The methods name the Wilcoxon signed-rank test and no paired t test: its within-patient p is not a t's.
        Assert.Equal("not_checkable", Verdict("Paired comparisons used the Wilcoxon signed-rank test. In the 25 patients, the score fell from 20.1 ± 4.2 at baseline to 15.2 ± 4.3 at 8 weeks (p = 0.04).", "within_patient_p"));

    [Theory]
    // 2950 + 1274 + 641 = 4865 of 4812 participants: no one is both a never and a former smoker.
    [InlineData("Of the 4812 participants, 2950 had never smoked, 1274 were former smokers and 641 were current smokers.", "inconsistent")]
    [InlineData("Of the 4812 participants, 2950 had never smoked, 1274 were former smokers and 588 were current smokers.", "consistent")]
    [InlineData("Parmi les 120 patients, 60 n'avaient jamais fumé, 40 avaient arrêté de fumer et 30 étaient fumeurs actifs.", "inconsistent")]
    public void NeverSmokedAsAStatus(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // 309 ± 99 to 322 ± 104 in the 52: at ρ = 0, 2 * pt(-13 / sqrt((99^2 + 104^2) / 52), 51) = 0.52, so p = 0.38 is possible
    // and p = 0.60 is not. 20,0 ± 3,0 to 19,0 ± 3,0 in the 31: at most 2 * pt(-1 / sqrt(18 / 31), 30) = 0.20.
    [InlineData("Among the 55 patients in the exercise group, the distance increased from 318 ± 94 m to 371 ± 101 m (P < 0.001); among the 52 in the usual-care group, it changed from 309 ± 99 m to 322 ± 104 m (P = 0.38).", "consistent", 52)]
    [InlineData("Among the 55 patients in the exercise group, the distance increased from 318 ± 94 m to 371 ± 101 m (P < 0.001); among the 52 in the usual-care group, it changed from 309 ± 99 m to 322 ± 104 m (P = 0.60).", "inconsistent", 52)]
    [InlineData("Chez les 31 du groupe témoin, le score est passé de 20,0 ± 3,0 à 19,0 ± 3,0 (p = 0,90).", "inconsistent", 31)]
    public void AGroupsNWithNoPeopleWord(string text, string verdict, int n)
    {
        var last = CheckText(text).Findings.Last(f => f.Check == "within_patient_p");
        Assert.Equal((verdict, n), (Finding.VerdictName(last.Verdict), last.N));
    }


    [Theory]
    // 96/247 = 38.87 %; 18/72 = 25.0 %.
    [InlineData("Of 1,124 physicians invited, 318 answered. Among these 247 prescribers, 96 (38.9%) chose ulipristal first.", "consistent")]
    [InlineData("Of 1,124 physicians invited, 318 answered. Among these 247 prescribers, 96 (36.9%) chose ulipristal first.", "inconsistent")]
    [InlineData("Parmi ces 247 prescripteurs, 96 (38,9 %) prescrivaient l'ulipristal en première intention.", "consistent")]
    public void ASetJustNamedIsTheDenominator(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // 52/146 = 35.6 %: the 131 counted after it are the denominator of the next count (94/131 = 71.8 %), not its own.
    [InlineData("One hundred and forty-six children were included. Control was reached in 52 children (35.6%) at baseline and in 94 of the 131 children (71.8%) at one year.", "consistent")]
    [InlineData("One hundred and forty-six children were included. Control was reached in 52 children (39.6%) at baseline and in 94 of the 131 children (71.8%) at one year.", "inconsistent")]
    public void AGroupCountedForTheNextStatisticIsNotItsN(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "percentage")[0]);

    [Fact]
    // 17/109 = 15.6 %: a share of the fallers, whose n is not stated; against the study's 60 it would be impossible.
    public void APercentageOfANamedGroupIsNotOfTheStudy() =>
        Assert.Equal(("consistent", (int?)null), VerdictAndN("Sixty residents were included. A fracture occurred in 17 residents (15.6% of the fallers).", "percentage"));

    static (string, int?) VerdictAndN(string text, string check) =>
        CheckText(text).Findings.Where(f => f.Check == check).Select(f => (Finding.VerdictName(f.Verdict), f.N)).Last();

    [Theory]
    // A second study under its own heading counting admissions: the first study's 90 no longer applies (40/312 = 12.8 %).
    [InlineData("Asthma control in children\n\nNinety patients were included in the cohort.\n\nRelapses after urinary sepsis\n\nThree hundred and twelve admissions were analysed over five years. A relapse occurred in 40 patients (12.8%).", "consistent", null)]
    // A second study whose people were referred: its own n (18/72 = 25.0 %; 18/0.23 = 78 > 72).
    [InlineData("Asthma control in children\n\nNinety patients were included in the cohort.\n\nPain in oncology\n\nSeventy-two patients were referred to the pain clinic. A strong opioid was given to 18 patients (25.0%).", "consistent", 72)]
    [InlineData("Asthma control in children\n\nNinety patients were included in the cohort.\n\nPain in oncology\n\nSeventy-two patients were referred to the pain clinic. A strong opioid was given to 18 patients (23.0%).", "inconsistent", 72)]
    public void ASectionStatingItsOwnPopulation(string text, string verdict, int? n) => Assert.Equal((verdict, n), VerdictAndN(text, "percentage"));

    [Theory]
    // A text without headings (as a PDF gives it): the n stated further on is not surely this study's (498/4707 = 10.6 %).
    [InlineData("A primary event occurred in 498 patients (10.6%). Of 655 adults screened, 618 underwent randomization.", "consistent", null)]
    // Past another population, the last inclusion stated applies (37/412 = 9.0 %; against the first study's 14 it would
    // be impossible; 37/0.080 = 462 > 412).
    [InlineData("Fourteen patients were treated. The later period included 412 patients. Pressure injuries occurred in 37 patients (9.0%).", "consistent", 412)]
    [InlineData("Fourteen patients were treated. The later period included 412 patients. Pressure injuries occurred in 37 patients (8.0%).", "inconsistent", 412)]
    public void AStudysNStatedElsewhereInAPlainText(string text, string verdict, int? n) => Assert.Equal((verdict, n), VerdictAndN(text, "percentage"));

    [Theory]
    // A χ² without its df: 1 - pchisq(5.93, 1) = 0.0149 (the smallest p any df gives); 1 - pchisq(2.71, 2) = 0.258.
    [InlineData("Relapse was more frequent with a urinary catheter (χ² = 5.93; p = 0.015).", "consistent")]
    [InlineData("Relapse was more frequent with a urinary catheter (χ² = 5.93; p = 0.002).", "inconsistent")]
    [InlineData("La rechute était plus fréquente en cas de sonde (χ² = 5,93 ; p = 0,015).", "consistent")]
    [InlineData("Uptake did not differ across the regions (χ² = 2.71, p = 0.26).", "consistent")]
    public void AChiSquareWithoutItsDf(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Theory]
    // A variable coded 0/1: its SD is √(p(1 − p) n/(n − 1)) = 0.488 for 0.62 and 0.495 for 0.41 with n = 90 (DEBIT).
    [InlineData("Ninety students were included. Gender was coded 1 for women and 0 otherwise (M = 0.62, SD = 0.49).", "consistent")]
    [InlineData("Ninety students were included. A prior biology course was coded 1 for yes (M = 0.41, SD = 0.39).", "inconsistent")]
    // Coded 1, 2, 3: an ordinal variable, not a 0/1 one.
    [InlineData("Ninety students were included. Severity was coded 1 for mild, 2 for moderate and 3 for severe (M = 1.62, SD = 0.49).", null)]
    // Coded 1 or 0, the 1 first or with its meaning in brackets, or "s'il …": a 0/1 variable too (0.488 for 0.62 with n = 90).
    [InlineData("Ninety students were included. A repeat course, coded 1 or 0, averaged 0.62 (SD 0.49).", "consistent")]
    [InlineData("Ninety students were included. A repeat course, coded 1 or 0, averaged 0.62 (SD 0.29).", "inconsistent")]
    [InlineData("Ninety students were included. Remission, coded 1 (yes) or 0 (no), was 0.62 (SD 0.29).", "inconsistent")]
    [InlineData("Les 90 patients ont été inclus. La sortie directe, codée 1 (oui) ou 0 (non), était de 0,62 (ET 0,49).", "consistent")]
    [InlineData("Les 90 patients ont été inclus. La sortie directe, codée 1 (oui) ou 0 (non), était de 0,62 (ET 0,29).", "inconsistent")]
    [InlineData("Les 90 patients ont été inclus. Un appareillage, codé 1 s'il était proposé à 6 mois et 0 sinon, était de 0,62 (ET 0,29).", "inconsistent")]
    [InlineData("Les 90 patients ont été inclus. Le travail de nuit, codé 1 ou 0, avait une moyenne de 0,62 (ET 0,49).", "consistent")]
    [InlineData("Ninety students were included. Severity, coded 0 (none), 1 (mild) or 2 (severe), averaged 0.62 (SD 0.29).", null)]
    public void AVariableCodedZeroOne(string text, string? verdict) => Assert.Equal(verdict, Verdict(text, "debit"));

    [Theory]
    // A 0/1 variable whose n its sentence does not state: the study's or the arm's n bounds it, no more (recorded at a
    // visit, or for some patients only). 0.71 (SD 0.46) is impossible with n = 115 (82/115 gives 0.454) but 41/58 gives
    // 0.459; 0.69 (SD 0.47) is impossible with n = 60 but 29/42 gives 0.468. An SD of 0.55 needs n ≤ 5 (2/5 gives 0.548):
    // no n from half the group to the whole group gives it.
    [InlineData("In all, 115 patients were randomised. Adherence, coded 1 for at least 4 hours a night and 0 otherwise, was 0.71 (SD 0.46).", "consistent")]
    [InlineData("In all, 115 patients were randomised. Adherence, coded 1 for at least 4 hours a night and 0 otherwise, was 0.40 (SD 0.55).", "inconsistent")]
    [InlineData("Au total, 115 patients ont été randomisés. L'observance, codée 1 pour au moins 4 heures par nuit et 0 sinon, était de 0,71 (ET 0,46).", "consistent")]
    [InlineData("Au total, 115 patients ont été randomisés. L'observance, codée 1 pour au moins 4 heures par nuit et 0 sinon, était de 0,40 (ET 0,55).", "inconsistent")]
    [InlineData("We randomised 120 men: 60 to HoLEP and 60 to TURP. Retrograde ejaculation, coded 1 if present and 0 otherwise, was 0.69 (SD 0.47) after HoLEP.", "consistent")]
    [InlineData("We randomised 120 men: 60 to HoLEP and 60 to TURP. Retrograde ejaculation, coded 1 if present and 0 otherwise, was 0.54 (SD 0.55) after HoLEP.", "inconsistent")]
    [InlineData("Parmi les 60 patients opérés par HoLEP, 44 sont restés sans complication. L'éjaculation rétrograde, codée 1 si présente et 0 sinon, était de 0,69 (ET 0,47) après HoLEP.", "consistent")]
    [InlineData("Parmi les 60 patients opérés par HoLEP, 44 sont restés sans complication. L'éjaculation rétrograde, codée 1 si présente et 0 sinon, était de 0,54 (ET 0,55) après HoLEP.", "inconsistent")]
    public void AZeroOneVariableWhoseNTheSentenceDoesNotState(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "debit"));

    [Theory]
    // A mean of whole things counted by its unit: 397/46 = 8.630, 396/46 = 8.609, so 8.62 is impossible with n = 46.
    [InlineData("Forty-six patients were included. They took 8.63 ± 2.91 medications a day.", "consistent")]
    [InlineData("Forty-six patients were included. They took 8.62 ± 2.91 medications a day.", "inconsistent")]
    [InlineData("Quarante-six patients ont été inclus. Ils prenaient en moyenne 8,62 ± 2,91 médicaments.", "inconsistent")]
    [InlineData("Forty-six patients were included. Visual acuity was 48.63 letters (SD 12.40).", "consistent")]
    public void AMeanOfACountByItsUnit(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // Things dispensed, tried or measured a whole number of times, the unit after the SD: 145/14 = 10.357, 146/14 =
    // 10.429, so 10.40 is impossible with n = 14 and 10.43 possible; 33/14 = 2.357 (2,36), 2,37 impossible.
    [InlineData("The 14 patients with a urinary catheter had 10.43 (SD 2.07) glucose measurements.", "consistent")]
    [InlineData("The 14 patients with a urinary catheter had 10.40 (SD 2.07) glucose measurements.", "inconsistent")]
    [InlineData("The 14 smokers bought 10.40 (SD 2.07) boxes of gum.", "inconsistent")]
    [InlineData("Les 14 patients porteurs d'une sonde avaient eu 2,36 (ET 1,12) tentatives de retrait de sonde.", "consistent")]
    [InlineData("Les 14 patients porteurs d'une sonde avaient eu 2,37 (ET 1,12) tentatives de retrait de sonde.", "inconsistent")]
    [InlineData("Les 14 patients avaient 2,37 (ET 1,13) escarres à l'entrée.", "inconsistent")]
    public void AMeanOfThingsDispensedOrTriedByItsUnit(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // A second group of people's value with its verb and measure left out measures what the first did: 331/29 = 11.414,
    // so 11.41 is possible and 11.43 is not (332/29 = 11.448); 82/26 = 3.154, 3,17 impossible.
    [InlineData("The 19 infants who were admitted had 9.63 (SD 2.07) glucose measurements in all, the 29 admitted placebo infants 11.41 (SD 3.02).", "consistent")]
    [InlineData("The 19 infants who were admitted had 9.63 (SD 2.07) glucose measurements in all, the 29 admitted placebo infants 11.43 (SD 3.02).", "inconsistent")]
    [InlineData("Les 11 patients sous scopolamine ont reçu 2,36 (ET 0,92) doses de secours, et les 26 patients sous placebo 3,15 (ET 1,71).", "consistent")]
    [InlineData("Les 11 patients sous scopolamine ont reçu 2,36 (ET 0,92) doses de secours, et les 26 patients sous placebo 3,17 (ET 1,71).", "inconsistent")]
    // A group with its own verb and measure, or with no people named (its n unknown), inherits nothing.
    [InlineData("The 19 infants had 9.63 (SD 2.07) glucose measurements, and the 40 patients had a BMI of 27.31 (SD 4.12).", "not_checkable")]
    [InlineData("Les 11 patients sous scopolamine ont reçu 2,36 (ET 0,92) doses de secours, et les 26 sous placebo 3,17 (ET 1,71).", "not_checkable")]
    public void ASecondGroupsValueWithItsMeasureLeftOut(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim")[^1]);

    [Theory]
    // A nonbinary level counts with the sexes: 56 + 33 + 1 = 90; 58 + 33 + 1 = 92 is more than the 90.
    [InlineData("Participants were 90 undergraduates (56 women, 33 men, 1 nonbinary; mean age 20.4 years).", "consistent")]
    [InlineData("Participants were 90 undergraduates (58 women, 33 men, 1 non-binary; mean age 20.4 years).", "inconsistent")]
    public void ANonbinaryLevelOfSex(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // 18/22 = 81.82 %: the count is the first number; 22 is its denominator, never a count of its own (22/26 = 84.6 %,
    // 22/27 = 81.5 %: read as a count it would be given by no denominator).
    [InlineData("Overall, 18 runners of 22 (81.8%) improved their time.", "consistent")]
    [InlineData("Au total, 18 coureurs sur 22 (81,8 %) ont amélioré leur temps.", "consistent")]
    [InlineData("Au total, 18 coureurs sur 22 (80,8 %) ont amélioré leur temps.", "inconsistent")]
    [InlineData("Overall, 18 runners of 22 (80.8%) improved their time.", "inconsistent")]
    public void ACountNamedInANounOfItsOwnThenItsDenominator(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    /// <summary>
    /// A header that names its label column and a row with one cell more (a p a PDF set without its column's header):
    /// the cells are the header's columns from the left. 20/70 = 28.57 % under the second arm; under the first
    /// (n = 64) it would need a denominator of 70. 28.9 % is given by no denominator up to 70 (20/69 = 28.99 %).
    /// </summary>
    [Theory]
    [InlineData("28.6", "consistent")]
    [InlineData("28.9", "inconsistent")]
    public void ARowWithMoreCellsThanItsLabelledHeaderReadsFromTheLeft(string pct, string verdict)
    {
        var text = $"Table 2. Outcomes\n\nOutcome\tDrug (n = 64)\tPlacebo (n = 70)\tOR (95% CI)\nDeath, n (%)\t12 (18.8)\t20 ({pct})\t0.58 (0.26–1.29)\t.18\n";
        var finding = Assert.Single(CheckText(text).Findings, f => f.Check == "percentage" && f.Quote.StartsWith("20 ("));
        Assert.Equal(verdict, Finding.VerdictName(finding.Verdict));
        Assert.Equal(70, finding.N);
    }

    /// <summary>
    /// The space a PDF leaves between paragraphs is read as a blank line (as a text file has it), so a heading as wide
    /// as the running text is still a heading: the section under it, with no n of its own in a paper reporting several
    /// studies, takes no other section's. 33 of 204 = 16.2 % is impossible only against the first study's 160; 3 (16.2 %)
    /// is impossible for any denominator (3/18 = 16.7 %, 3/19 = 15.8 %).
    /// </summary>
    [Theory]
    [InlineData("33", "consistent")]
    [InlineData("3", "inconsistent")]
    public void APdfsSpaceBetweenParagraphsIsABlankLine(string injured, string verdict)
    {
        var lines = new[]
        {
            "Opioid-free anaesthesia and nausea after surgery: a randomized trial", "",
            "We randomized 160 adults scheduled for surgery; nausea was less frequent after the", "opioid-free technique, and pain scores were similar in the two arms at every visit", "after surgery.", "",
            "A Nordic hamstring programme in amateur football clubs: a cluster randomised trial", "",
            $"Twenty-four clubs took part. In the control clubs, {injured} (16.2%) had a hamstring injury", "over the season.", "",
            "Sleep apnoea in a regional cohort", "",
            "We enrolled 186 patients starting treatment; their sleepiness fell over six months", "and their blood pressure changed little.",
        };
        var path = Path.Combine(Directory.CreateTempSubdirectory("rwestats-pdf-").FullName, "paper.pdf");
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        double y = 760;
        foreach (var line in lines)
        {
            if (line.Length > 0) page.AddText(line, 10, new UglyToad.PdfPig.Core.PdfPoint(60, y), font);
            y -= line.Length > 0 ? 13 : 9; // paragraphs 22 points apart, lines 13
        }
        File.WriteAllBytes(path, builder.Build());
        var text = PaperText.Load(path);
        Assert.Equal(lines, text.Lines.Select(l => l.Text).ToArray());
        // A blank line is no printed line: the lines of the page keep their numbers.
        Assert.Equal(Enumerable.Range(1, lines.Count(l => l.Length > 0)), text.Lines.Where(l => l.Text.Length > 0).Select(l => l.Line));
        var finding = Assert.Single(PaperChecker.Check(text, CheckOptions.Default).Findings, f => f.Check == "percentage");
        Assert.Equal(verdict, Finding.VerdictName(finding.Verdict));
    }

    [Theory]
    // A measure the paper states as scored in whole points is integer-valued where it is named again without the word
    // "score": 11.64 × 21 = 244.44 is no whole total, 11.62 = 244/21 is.
    [InlineData("The Restless Legs Rating Scale (RLRS, 0–40 points) was completed at each visit.\n\nThe 21 women had a baseline RLRS of 11.64 (SD 4.12).", "inconsistent")]
    [InlineData("The Restless Legs Rating Scale (RLRS, 0–40 points) was completed at each visit.\n\nThe 21 women had a baseline RLRS of 11.62 (SD 4.12).", "consistent")]
    // 22.41 × 13 = 291.33; 22.38 = 291/13.
    [InlineData("Le score ISI va de 0 à 28 points.\n\nLes 13 patients apnéiques avaient un ISI initial moyen de 22,41 (ET 4,71).", "inconsistent")]
    [InlineData("Le score ISI va de 0 à 28 points.\n\nLes 13 patients apnéiques avaient un ISI initial moyen de 22,38 (ET 4,71).", "consistent")]
    // A measure rated on a numeric rating scale: 3.50 × 14 = 49 is whole, 3.55 × 14 = 49.7 is not.
    [InlineData("Itch was rated on a 0–10 numeric rating scale.\n\nThe 14 children over 10 years had a mean itch at night of 3.55 (SD 1.37).", "inconsistent")]
    [InlineData("Itch was rated on a 0–10 numeric rating scale.\n\nThe 14 children over 10 years had a mean itch at night of 3.50 (SD 1.37).", "consistent")]
    // A score that counts: "l'indice CAO compte les dents": 1.86 × 17 = 31.62, 1.88 = 32/17.
    [InlineData("L'indice CAO compte les dents cariées, absentes ou obturées.\n\nLes 17 enfants appareillés avaient un indice CAO moyen de 1,86 (ET 1,41).", "inconsistent")]
    [InlineData("L'indice CAO compte les dents cariées, absentes ou obturées.\n\nLes 17 enfants appareillés avaient un indice CAO moyen de 1,88 (ET 1,41).", "consistent")]
    public void AMeasureThePaperStatesAsScoredInWholePoints(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // Not so when the range is not in points, the scale a visual analogue one, or the name an index with decimals:
    // nothing says the values are whole.
    [InlineData("The Restless Legs Rating Scale (RLRS) was completed at each visit.\n\nThe 21 women had a baseline RLRS of 11.64 (SD 4.12).")]
    [InlineData("Itch was rated on a 100-mm visual analogue scale.\n\nThe 14 children over 10 years had a mean itch at night of 3.55 (SD 1.37).")]
    [InlineData("The DAS28 (0–10 points) was recorded.\n\nThe 21 women had a baseline DAS28 of 4.64 (SD 1.12).")]
    public void NoPaperStatementOfWholePointsNoGrim(string text) => Assert.NotEqual("inconsistent", Verdict(text, "grim"));

    [Theory]
    // n in the bracket of the statistic's own p: 10.2 ± 3.1 to 9.5 ± 3.0 with n = 80: paired t p ≥ 0.15 (ρ = 0), so
    // p < .001 needs a positive correlation (consistent) but p = .95 is above what any correlation gives
    // (2 * pt(-0.7 / sqrt((3.15^2 + 3.05^2) / 80), 79) = 0.12 at most, with rounding).
    [InlineData("The itch score fell from 10.2 ± 3.1 to 9.5 ± 3.0 with the cream (P < .001; n = 80) and from 10.4 ± 3.2 to 10.1 ± 3.3 with the vehicle (P = .04; n = 76).", "consistent")]
    [InlineData("The itch score fell from 10.2 ± 3.1 to 7.5 ± 3.0 with the cream (P = .95; n = 80) and from 10.4 ± 3.2 to 10.1 ± 3.3 with the vehicle (P = .04; n = 76).", "inconsistent")]
    // n stated in the statistic's own clause, the other group's in the next: 19.5 ± 4.4 to 14.3 ± 5.1 with n = 44 gives
    // p < 0.001 for any correlation ≥ 0; p = 0.89 is impossible.
    [InlineData("Dans le groupe atelier (n = 44), le score est passé de 19,5 ± 4,4 à 14,3 ± 5,1 (p < 0,001) ; dans le groupe témoin (n = 45), de 19,1 ± 4,7 à 18,0 ± 5,1 (p = 0,04).", "consistent")]
    [InlineData("Dans le groupe atelier (n = 44), le score est passé de 19,5 ± 4,4 à 14,3 ± 5,1 (p = 0,89) ; dans le groupe témoin (n = 45), de 19,1 ± 4,7 à 18,0 ± 5,1 (p = 0,04).", "inconsistent")]
    public void AGroupsNInItsOwnBracketOrClause(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "within_patient_p")[0]);

    [Fact]
    public void TwoGroupsNamedInOneClauseLeaveTheNUncertain() =>
        // The two n are in the clause of the first statistic: neither is certainly its own.
        Assert.Equal("not_checkable", Verdicts("In the drug (n = 44) and control (n = 45) groups, the score fell from 19.5 ± 4.4 to 14.3 ± 5.1 (p = 0.89) and from 19.1 ± 4.7 to 18.0 ± 5.1 (p = 0.04).", "within_patient_p")[0]);

    [Theory]
    // A rank test named in another study's section says nothing of this one's p: 48.3 ± 5.6 to 52.9 ± 5.8 with n = 22
    // needs p ≤ 0.01 at ρ = 0; p = 0.62 is impossible, unless this study's own section names a rank test.
    [InlineData("", "inconsistent")]
    [InlineData(" Changes were tested with the Wilcoxon signed-rank test.", "not_checkable")]
    public void ARankTestNamedInAnotherStudysSection(string ownMethods, string verdict)
    {
        var text = "Psoriasis cohort\n\nWe included 128 patients. The DLQI fell (Wilcoxon test, z = −2.64, p = 0.008).\n\n" +
                   $"Interval training in runners\n\nWe randomized 48 runners.{ownMethods}\n\nIn the interval group (n = 22), VO2max rose from 48.3 ± 5.6 to 52.9 ± 5.8 mL/kg/min (p = 0.62).";
        Assert.Equal(verdict, Verdict(text, "within_patient_p"));
    }

    [Theory]
    // A variable coded 0 or 1 is binary (DEBIT): 0.81 with n = 60 gives SD 0.39 or 0.40 (k = 49: 0.3943), never 0.45.
    [InlineData("In the 60 patients, epidural analgesia, coded 0 or 1, had a mean of 0.82 (SD 0.39).", "consistent")]
    [InlineData("In the 60 patients, epidural analgesia, coded 0 or 1, had a mean of 0.82 (SD 0.45).", "inconsistent")]
    [InlineData("Chez les 60 patients, la variable péridurale (0 = non, 1 = oui) avait une moyenne de 0,82 (ET 0,45).", "inconsistent")]
    [InlineData("Chez les 60 patients, la péridurale, codée 0 ou 1, avait une moyenne de 0,82 (ET 0,39).", "consistent")]
    public void AVariableCodedZeroOrOne(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "debit"));

    [Theory]
    // An "Adjusted OR" column says the ratio is a model's, not that the groups' own cells are: a score's quartiles in
    // the same row are still those of whole points. Q1 of 30 integers at 2.24 is given by no definition; 2.25 by R's type 7.
    [InlineData("2.25", "consistent")]
    [InlineData("2.24", "inconsistent")]
    public void AnAdjustedRatioColumnLeavesTheGroupsCellsAsPrinted(string q1, string verdict)
    {
        var text = $"Table 2. Outcomes\n\n| Outcome | Drug (n = 30) | Placebo (n = 30) | Adjusted OR (95% CI) | P |\n|---|---|---|---|---|\n" +
                   $"| Pain score, median (IQR) | 4 ({q1}–6) | 5 (3–7) | — | — |\n";
        Assert.Equal(verdict, Verdicts(text, "quantile")[0]);
    }

    [Theory]
    // A named median with bare limits: quartiles, a range and a confidence interval all hold the median, so one outside
    // them is impossible whatever they are; within them it is only checked as a median (of integers: whole or half).
    [InlineData("The median length of stay was 9 days (5–16) among survivors.", "quantile_order", "consistent")]
    [InlineData("La durée médiane de séjour était de 9 jours [5-16] chez les survivants.", "quantile_order", "consistent")]
    [InlineData("The median length of stay was 6 days (7–12) among the patients who died.", "quantile_order", "inconsistent")]
    [InlineData("La durée médiane de séjour était de 6 jours [7-12] chez les patients décédés.", "quantile_order", "inconsistent")]
    // A median of SOFA scores (sums of whole organ scores) is whole or a half for any n: 7.2 is not; 7.5 of 251 values is
    // given by R's type 4 (np = 125.5).
    [InlineData("Chez les 251 patients vivants à J3, le SOFA médian était de 7,2 [5-10].", "quantile", "inconsistent")]
    [InlineData("Chez les 251 patients vivants à J3, le SOFA médian était de 7,5 [5-10].", "quantile", "consistent")]
    public void AMedianWithBareLimits(string text, string check, string? verdict) => Assert.Equal(verdict, Verdict(text, check));

    [Theory]
    // Sum scores named without the word "score": 148/11 = 13.4545 prints 13.45, while 13.42 × 11 = 147.62 is no whole
    // total; 269/12 = 22.4167 prints 22.42, never 22.41.
    [InlineData("The 11 patients on ECMO had a mean SOFA on day 1 of 13.45 (SD 1.46).", "consistent")]
    [InlineData("The 11 patients on ECMO had a mean SOFA on day 1 of 13.42 (SD 1.46).", "inconsistent")]
    [InlineData("Les 12 patients avaient un IPSS initial moyen de 22,41 (ET 4,71).", "inconsistent")]
    [InlineData("Les 12 patients avaient un IPSS initial moyen de 22,42 (ET 4,71).", "consistent")]
    public void SumScoresNamedWithoutTheWordScore(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // A count of people of a group named between it and its percentage: 14/40 = 35.0 %; 35.2 % is given by no
    // denominator (14/39 = 35.9 %, 14/40 = 35.0 %).
    [InlineData("Au total, 14 patients du groupe atelier (35,0 %) ont abandonné.", "consistent")]
    [InlineData("Au total, 14 patients du groupe atelier (35,2 %) ont abandonné.", "inconsistent")]
    [InlineData("Overall, 14 patients of the exercise group (35.0%) withdrew.", "consistent")]
    [InlineData("Overall, 14 patients in the exercise arm (35.2%) withdrew.", "inconsistent")]
    public void ACountOfAGroupNamedBeforeItsPercentage(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // A group named after a clause break is the next clause's: "in the 25 patients" is the n of 15.04 (376/25), not of
    // 13.85 "with placebo" (13.85 × 25 = 346.25, no whole total, yet placebo's n is another). 15.05 × 25 = 376.25 is
    // given by no whole total.
    [InlineData("Baseline pain scores were 14.20 ± 3.10 with the drug and 13.85 ± 3.40 with placebo, and 15.04 (SD 2.90) in the 25 patients with diabetes.", "consistent")]
    [InlineData("Baseline pain scores were 14.20 ± 3.10 with the drug and 13.85 ± 3.40 with placebo, and 15.05 (SD 2.90) in the 25 patients with diabetes.", "inconsistent")]
    [InlineData("Les scores de douleur initiaux étaient de 14,20 ± 3,10 sous traitement et 13,85 ± 3,40 sous placebo, et de 15,04 (ET 2,90) chez les 25 patients diabétiques.", "consistent")]
    [InlineData("Les scores de douleur initiaux étaient de 14,20 ± 3,10 sous traitement et 13,85 ± 3,40 sous placebo, et de 15,05 (ET 2,90) chez les 25 patients diabétiques.", "inconsistent")]
    public void AGroupNamedAfterAClauseBreakIsThatClausesN(string text, string verdict)
    {
        var grim = Verdicts(text, "grim");
        Assert.Equal(verdict, grim[^1]);
        Assert.DoesNotContain("inconsistent", grim.Take(grim.Count - 1));
    }

    [Theory]
    // A 0/1 variable coded by a threshold: the threshold is no code ("2 mmol/L"). With p = 0.78 and n = 41 the SD is
    // sqrt(0.78 × 0.22 × 41/40) = 0.419 (32/41 = 0.7805): 0.42, never 0.32.
    [InlineData("Ketosis, coded 1 if β-hydroxybutyrate reached 2 mmol/L, had a mean of 0.78 (SD 0.42) in the 41 children.", "consistent")]
    [InlineData("Ketosis, coded 1 if β-hydroxybutyrate reached 2 mmol/L, had a mean of 0.78 (SD 0.32) in the 41 children.", "inconsistent")]
    [InlineData("La cétose, codée 1 si la β-hydroxybutyratémie atteignait 2 mmol/L, avait une moyenne de 0,78 (ET 0,42) chez les 41 enfants.", "consistent")]
    [InlineData("La cétose, codée 1 si la β-hydroxybutyratémie atteignait 2 mmol/L, avait une moyenne de 0,78 (ET 0,32) chez les 41 enfants.", "inconsistent")]
    // A proportion named before a time point: 0.58 of 120 (70/120 = 0.5833), SD sqrt(0.58 × 0.42 × 120/119) = 0.496.
    [InlineData("Among the 120 patients, the proportion who had returned to work by 12 months was 0.58 (SD 0.50).", "consistent")]
    [InlineData("Among the 120 patients, the proportion who had returned to work by 12 months was 0.58 (SD 0.31).", "inconsistent")]
    [InlineData("Parmi les 120 patients, la proportion de ceux qui avaient repris le travail à 24 mois était de 0,58 (ET 0,31).", "inconsistent")]
    public void ABinaryVariableNamedBeforeAThresholdOrATimePoint(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "debit"));

    [Theory]
    // A duration stated as counted in whole units: the median of 40 whole numbers is whole or a half, so 6.3 weeks is
    // impossible and 6.5 possible; without the statement, its quartiles printed whole say the weeks were counted whole.
    [InlineData("Counted in whole weeks, the median time to healing among the 40 patients was 6.5 weeks (IQR 4–8).", "consistent")]
    [InlineData("Counted in whole weeks, the median time to healing among the 40 patients was 6.3 weeks (IQR 4–8).", "inconsistent")]
    [InlineData("Comptée en semaines révolues, la durée médiane de cicatrisation chez les 40 patients était de 6,3 semaines (EIQ 4-8).", "inconsistent")]
    [InlineData("The median time to healing among the 40 patients was 6.3 weeks (IQR 4–8).", "inconsistent")]
    [InlineData("La durée médiane de cicatrisation chez les 40 patients était de 6,3 semaines (EIQ 4-8).", "inconsistent")]
    public void ADurationCountedInWholeUnits(string text, string? verdict) => QuantileOrOrderOnly(text, verdict);

    /// <summary>The integer check's verdict; when it does not apply (a real-valued measure), the quartiles' order is checked and holds.</summary>
    static void QuantileOrOrderOnly(string text, string? verdict)
    {
        Assert.Equal(verdict, Verdict(text, "quantile"));
        if (verdict is null) Assert.Equal("consistent", Verdict(text, "quantile_order"));
    }

    [Theory]
    // Seizures counted over a period are whole: 37/11 = 3.3636 prints 3.36, while 3.31 × 11 = 36.41 is no whole total.
    // A rate per month is not a whole number.
    [InlineData("The 11 patients had a mean of 3.36 seizures (SD 1.49) in the year before treatment.", "consistent")]
    [InlineData("The 11 patients had a mean of 3.31 seizures (SD 1.49) in the year before treatment.", "inconsistent")]
    [InlineData("Les 11 patients avaient en moyenne 3,31 crises (ET 1,49) l'année précédant le traitement.", "inconsistent")]
    [InlineData("Les 11 patients avaient en moyenne 3,31 crises par mois (ET 1,49).", null)]
    [InlineData("The 11 patients had a mean of 3.31 seizures per month (SD 1.49).", null)]
    [InlineData("The 11 patients had 3.31 seizures a month on average (SD 1.49).", null)]
    public void ACountOfSeizuresPrintedAsItsUnit(string text, string? verdict)
    {
        var grim = Verdict(text, "grim");
        if (verdict is null) Assert.NotEqual("inconsistent", grim);
        else Assert.Equal(verdict, grim);
    }

    [Theory]
    // The study's n as the sum of two arms' n in the allocation (122 + 120 = 242): 4 adverse events at 1.2 % need a
    // denominator of 320–347, more than the study has; 4/242 = 1.65 % prints 1.7 %.
    [InlineData("Children were randomly assigned to dupilumab (n = 122) or placebo (n = 120). Skin infections were reported in 4 (1.7%).", "consistent")]
    [InlineData("Children were randomly assigned to dupilumab (n = 122) or placebo (n = 120). Skin infections were reported in 4 (1.2%).", "inconsistent")]
    [InlineData("Les enfants ont été randomisés dans le groupe dupilumab (n = 122) ou placebo (n = 120). Des infections cutanées sont survenues chez 4 (1,2 %).", "inconsistent")]
    // A third arm: the two first arms are not the study.
    [InlineData("Patients were randomly assigned to 10 mg (n = 122) or 20 mg (n = 120) or placebo (n = 121). Infections were reported in 4 (1.2%).", "consistent")]
    public void TheStudysNAsTheSumOfItsTwoArms(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Fact]
    // Two papers, each under its title (the second's of 153 characters, wrapped over three lines): the first's arms are
    // not the second's population, so 14 of an unstated n at 4.4 % is no error (14/318 = 4.4 %).
    public void AnotherPapersArmsDoNotApplyUnderALongTitle()
    {
        var text = "Oral supplements after discharge in older adults: a randomised trial\n\nParticipants were randomised to a supplement (n = 103) or to usual care (n = 101).\n\n"
                   + "Treatment outcomes of a four-month rifapentine and moxifloxacin regimen for drug-susceptible\npulmonary tuberculosis under programme conditions in three\ndistrict programmes\n\n"
                   + "Between 2022 and 2024, 318 patients started the regimen. Hepatotoxicity was recorded in 14 patients (4.4%).\n";
        Assert.NotEqual("inconsistent", Verdict(text, "percentage"));
    }

    [Theory]
    // The whole sample as APA style prints it, "Participants (N = 146; …)": 23 at 13.1 % needs a denominator of 175–176,
    // more than 146; 23/146 = 15.75 % prints 15.8 %. A lower-case n is a group's, not the study's.
    [InlineData("Participants (N = 146; 81 women, 65 men) were adults with tinnitus. Anxiety caseness was found in 23 participants (15.8%).", "consistent")]
    [InlineData("Participants (N = 146; 81 women, 65 men) were adults with tinnitus. Anxiety caseness was found in 23 participants (13.1%).", "inconsistent")]
    [InlineData("Sujets (N = 146 ; 81 femmes, 65 hommes) : adultes acouphéniques. Une anxiété était présente chez 23 sujets (13,1 %).", "inconsistent")]
    [InlineData("Participants (n = 146) in the first arm were adults with tinnitus. Anxiety caseness was found in 23 participants (13.1%).", "consistent")]
    public void TheWholeSamplePrintedAsCapitalN(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // "and in the placebo arm (n = 38)" opens the next group's clause: its n is 38 (and the drug arm's 40), so its
    // within-patient p is checked: paired t with df 37 gives at most p = 0.61 for 6.05 ± 1.95 to 5.80 ± 2.10 (ρ = 0;
    // 2 * pt(-0.25 / sqrt((1.95^2 + 2.10^2) / 38), 37)), so .64 is too large for any correlation from 0 to 1.
    [InlineData("The pain score improved in the drug arm (n = 40) from 6.10 ± 1.90 to 4.20 ± 2.00 (P < .001) and in the placebo arm (n = 38) from 6.05 ± 1.95 to 5.80 ± 2.10 (P = .60).", "consistent")]
    [InlineData("The pain score improved in the drug arm (n = 40) from 6.10 ± 1.90 to 4.20 ± 2.00 (P < .001) and in the placebo arm (n = 38) from 6.05 ± 1.95 to 5.80 ± 2.10 (P = .64).", "inconsistent")]
    [InlineData("Le score de douleur est passé dans le bras traitement (n = 40) de 6,10 ± 1,90 à 4,20 ± 2,00 (p < 0,001) et dans le bras placebo (n = 38) de 6,05 ± 1,95 à 5,80 ± 2,10 (p = 0,64).", "inconsistent")]
    public void AConjunctionOpeningAnotherGroupEndsTheClause(string text, string verdict)
    {
        var within = CheckText(text).Findings.Where(f => f.Check == "within_patient_p").OrderBy(f => f.Start).ToList();
        Assert.Equal(2, within.Count);
        Assert.Equal(new int?[] { 40, 38 }, within.Select(f => f.N));
        Assert.Equal(verdict, Finding.VerdictName(within[1].Verdict));
    }

    [Theory]
    // A PDF keeps no blank line at a page break: after a paragraph's full stop, a title at the top of the next page is
    // a heading, so the previous paper's arms (103 + 101) do not bound its percentages (14 at 4.4 % needs 315–321);
    // the same paper continued on the next page keeps its n.
    [InlineData(true, "consistent")]
    [InlineData(false, "inconsistent")]
    public void ATitleAtTheTopOfAPdfPageIsAHeading(bool title, string verdict)
    {
        var lines = new List<PaperLine>
        {
            new(1, 1, "Oral supplements after discharge in older adults: a randomised trial"), new(1, 1, ""),
            new(1, 2, "Participants were randomised to a supplement (n = 103) or to usual care (n = 101)."),
        };
        if (title)
            lines.AddRange([new(2, 1, "Treatment outcomes of a four-month regimen for pulmonary tuberculosis under"), new(2, 2, "programme conditions"), new(2, 2, "")]);
        lines.Add(new(2, 3, "Hepatotoxicity was recorded in 14 patients (4.4%)."));
        var report = PaperChecker.Check(new PaperText("paper.pdf", lines, true), CheckOptions.Default);
        Assert.Equal(verdict, report.Findings.Where(f => f.Check == "percentage").Select(f => Finding.VerdictName(f.Verdict)).Single());
    }

    [Theory]
    // A count named by the unit after its value: a median of whole numbers is whole or a half for any n, so 3.6
    // visits is impossible and 3.5 possible with an even n (24); with n = 25 a mean of 2.46 is 61.5 / 25 (impossible), 2.44 is 61 / 25.
    [InlineData("The 24 patients who stopped early had made a median of 3.5 visits before stopping.", "quantile", "consistent")]
    [InlineData("The 24 patients who stopped early had made a median of 3.6 visits before stopping.", "quantile", "inconsistent")]
    [InlineData("Les 23 patients sortis d'étude avaient eu une médiane de 2 consultations.", "quantile", "consistent")]
    [InlineData("Les 23 patients sortis d'étude avaient eu une médiane de 2,3 consultations.", "quantile", "inconsistent")]
    [InlineData("The 25 patients of the rehabilitation arm attended 2.44 sessions (SD 0.9) a month.", "grim", "consistent")]
    [InlineData("Les 25 patients du groupe rééducation ont suivi en moyenne 2,46 séances (ET 0,9).", "grim", "inconsistent")]
    public void ACountNamedByItsUnit(string text, string check, string verdict) => Assert.Equal(verdict, Verdict(text, check));

    [Theory]
    // A lone median of a measure not known to be whole is left out: 2.8 days of ventilation can be any real value.
    [InlineData("The 11 reintubated infants were ventilated for a median of 2.8 days.")]
    [InlineData("The visits lasted a median of 4.5 minutes.")]
    public void ALoneMedianOfARealMeasureIsNotChecked(string text) => Assert.Null(Verdict(text, "quantile"));

    [Theory]
    // A count of a denominator with the group named between them and its percentage: 14 / 57 = 24.6 %, 22 / 64 = 34.4 %.
    [InlineData("Otorrhoea recurred in 14 of 57 children in the early-surgery group (24.6%).", "consistent")]
    [InlineData("Otorrhoea recurred in 14 of 57 children in the early-surgery group (26.4%).", "inconsistent")]
    [InlineData("Une récidive est survenue chez 22 sur 64 enfants du groupe chirurgie précoce (34,4 %).", "consistent")]
    [InlineData("Une récidive est survenue chez 22 sur 64 enfants du groupe chirurgie précoce (36,4 %).", "inconsistent")]
    public void ACountOfADenominatorWithTheGroupNamedBeforeItsPercentage(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Fact]
    // "versus" opens another group: the percentage after it is not the first count's.
    public void APercentageAfterVersusIsNotTheFirstCountsOne() =>
        Assert.DoesNotContain("inconsistent", Verdicts("Otorrhoea recurred in 14 of 57 children versus controls (31.0%).", "percentage"));

    [Theory]
    // A count whose people are qualified or described by what they did: 17 / 103 = 16.5 % (no denominator gives 16.6 %:
    // 17/102 = 16.67 %, 17/103 = 16.50 %); 97 / 120 = 80.8 % (83.2 % needs 116.6); 12 / 40 = 30.0 % (30.4 % lies
    // between 12/40 and 12/39 = 30.77 %).
    [InlineData("We included 103 patients. Hypothyroidism developed in 17 patients on lithium (16.5%).", "consistent")]
    [InlineData("We included 103 patients. Hypothyroidism developed in 17 patients on lithium (16.6%).", "inconsistent")]
    [InlineData("Of the 120 women invited, 97 attended screening (80.8%).", "consistent")]
    [InlineData("Of the 120 women invited, 97 attended screening (83.2%).", "inconsistent")]
    [InlineData("Parmi les 40 patients inclus, 12 sont décédés (30,0 %).", "consistent")]
    [InlineData("Parmi les 40 patients inclus, 12 sont décédés (30,4 %).", "inconsistent")]
    [InlineData("Une prise de poids a concerné 22 patients sous valproate sur 81 (27,2 %).", "consistent")]
    [InlineData("Une prise de poids a concerné 22 patients sous valproate sur 81 (29,2 %).", "inconsistent")]
    public void ACountOfPeopleQualifiedOrDescribedByAVerb(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Fact]
    // "n = 41 sur 81" is a count with its denominator, not the sample the sentence's other percentages are of:
    // 17 / 103 = 16.5 % stays possible.
    public void AnNWithItsOwnDenominatorIsACount() =>
        Assert.Equal(new[] { "consistent", "inconsistent" }, Verdicts("Une hypothyroïdie est apparue chez 17 patients sous lithium (16,5 %) et une alopécie n = 41 sur 81 (49,4 %).", "percentage"));

    [Theory]
    // Levels that exclude each other, against the total of the sentence: 52 + 48 = 100 boys and girls; 58 + 4 + 2 = 64
    // of the 64 randomised.
    [InlineData("Les 100 enfants (52 garçons et 48 filles) avaient été opérés.", "consistent")]
    [InlineData("Les 100 enfants (56 garçons et 48 filles) avaient été opérés.", "inconsistent")]
    [InlineData("Of the 64 patients randomised (n = 64), 58 completed the study, 4 withdrew and 2 were lost to follow-up.", "consistent")]
    [InlineData("Of the 64 patients randomised (n = 64), 58 completed the study, 6 withdrew and 2 were lost to follow-up.", "inconsistent")]
    public void LevelsThatExcludeEachOther(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Fact]
    // Completing two questionnaires is not two levels of one variable: 58 + 50 may exceed 64.
    public void CompletingAQuestionnaireIsNotADisposition() =>
        Assert.Null(Verdict("Of the 64 patients (n = 64), 58 completed the baseline questionnaire and 50 completed the final one.", "category_counts"));

    [Theory]
    // "Of 412 patients," names the denominator of the count after it: 318 / 412 = 77.2 %; 76.8 % needs 414.
    [InlineData("Of 412 patients, 318 were men (77.2%).", "consistent")]
    [InlineData("Of 412 patients, 318 were men (76.8%).", "inconsistent")]
    [InlineData("Sur 412 patients, 318 étaient des hommes (77,2 %).", "consistent")]
    [InlineData("Sur 412 patients, 318 étaient des hommes (76,8 %).", "inconsistent")]
    public void ASetNamedWithoutAnArticleIsTheDenominator(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // A count named as the subject ("le nombre moyen de", "courses of") or by its unit ("courses"): with n = 25 a mean
    // of 1.36 is 34 / 25, 1.38 is 34.5 / 25 (impossible).
    [InlineData("Chez les 25 patients inclus, le nombre moyen d'hospitalisations pour insuffisance cardiaque était de 1,36 (ET 1,10).", "consistent")]
    [InlineData("Chez les 25 patients inclus, le nombre moyen d'hospitalisations pour insuffisance cardiaque était de 1,38 (ET 1,10).", "inconsistent")]
    [InlineData("In the 25 children followed, courses of antibiotics during follow-up averaged 1.36 (SD 1.10).", "consistent")]
    [InlineData("In the 25 children followed, courses of antibiotics during follow-up averaged 1.38 (SD 1.10).", "inconsistent")]
    [InlineData("Among the 25 children with a speech delay, the mean was 1.38 (SD 1.10) courses.", "inconsistent")]
    public void ACountNamedAsTheSubject(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Fact]
    // "the course of" one thing is no count: a weight over the course of the study may be any real value.
    public void TheCourseOfAStudyIsNoCount() =>
        Assert.Equal("not_checkable", Verdict("In the 25 patients, weight over the course of the study averaged 71.38 (SD 8.10) kg.", "grim"));

    [Theory]
    // A 0/1 variable coded "0 = non, 1 = oui": its SD follows from its mean, sqrt(p(1 - p) n / (n - 1)); with n = 80,
    // p = 0.64 gives 0.483, so an SD of 0.30 is impossible.
    [InlineData("Chez les 80 patients, l'auto-surveillance, codée 0 = non, 1 = oui, avait une moyenne de 0,64 (ET 0,48).", "consistent")]
    [InlineData("Chez les 80 patients, l'auto-surveillance, codée 0 = non, 1 = oui, avait une moyenne de 0,64 (ET 0,30).", "inconsistent")]
    [InlineData("In the 80 patients, self-monitoring, coded 0 = no, 1 = yes, had a mean of 0.64 (SD 0.48).", "consistent")]
    [InlineData("In the 80 patients, self-monitoring, coded 0 = no, 1 = yes, had a mean of 0.64 (SD 0.30).", "inconsistent")]
    public void ACodingWrittenWithEqualsSignsIsBinary(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "debit"));

    [Theory]
    // "en médiane" between a median and its quartiles: a median below its first quartile is given by no data; a median
    // of counts is whole or a half whatever the n.
    [InlineData("Le délai avant la consultation était de 12 jours en médiane (Q1-Q3 : 14-30).", "quantile_order", "inconsistent")]
    [InlineData("Le nombre de clichés par œil était de 2,5 en médiane (Q1-Q3 : 2-3).", "quantile", "consistent")]
    [InlineData("Le nombre de clichés par œil était de 2,3 en médiane (Q1-Q3 : 2-3).", "quantile", "inconsistent")]
    public void AMedianSaidAfterItsValue(string text, string check, string verdict) => Assert.Equal(verdict, Verdict(text, check));

    [Theory]
    // "and that for stroke 0.50 (…)": the ratio named before, so its p comes from the log scale: SE = (ln 0.83 −
    // ln 0.30) / 3.92 = 0.260, z = ln 0.50 / 0.260 = −2.67, 2 * pnorm(-2.67) = 0.0076.
    [InlineData("The hazard ratio for death was 0.72 (95% CI 0.41–1.27; P = .26), and that for stroke 0.50 (95% CI 0.30–0.83; P = .008).", "consistent")]
    [InlineData("The hazard ratio for death was 0.72 (95% CI 0.41–1.27; P = .26), and that for stroke 0.50 (95% CI 0.30–0.83; P = .08).", "inconsistent")]
    public void ARatioReferredToByThatFor(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "ci_vs_p").Last());

    [Theory]
    // A count with only its group named before its percentage: 12 / 40 = 30.0 %; 30.4 % lies between 12/40 and
    // 12/39 = 30.77 %, so no denominator gives it.
    [InlineData("Screening was done by 12 in the reminder group (30.0%).", "consistent")]
    [InlineData("Screening was done by 12 in the reminder group (30.4%).", "inconsistent")]
    [InlineData("Le dépistage a été fait par 12 dans le groupe rappel (30,0 %).", "consistent")]
    [InlineData("Le dépistage a été fait par 12 dans le groupe rappel (30,4 %).", "inconsistent")]
    public void ACountWithItsGroupNamedBeforeItsPercentage(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // A count of people written in words before its percentage: 7 / 200 = 3.5 %; 3.2 % needs a denominator of 216 or
    // more, above the 200 patients. 14 / 200 = 7.0 %; 6.0 % needs 229 or more.
    [InlineData("In the 200 patients, seven patients (3.5%) had a fever.", "consistent")]
    [InlineData("In the 200 patients, seven patients (3.2%) had a fever.", "inconsistent")]
    [InlineData("Chez les 200 patientes, quatorze patientes (7,0 %) avaient de la fièvre.", "consistent")]
    [InlineData("Chez les 200 patientes, quatorze patientes (6,0 %) avaient de la fièvre.", "inconsistent")]
    public void ACountInWordsBeforeItsPercentage(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // People named by what they are (athletes, workers, soignants, trekkers): "among the 25 athletes" is the n, so a
    // mean count of 1.38 (34.5 / 25) is impossible and 1.36 (34 / 25) possible.
    [InlineData("Among the 25 athletes, the mean number of falls was 1.36 (SD 1.10).", "consistent")]
    [InlineData("Among the 25 athletes, the mean number of falls was 1.38 (SD 1.10).", "inconsistent")]
    [InlineData("Chez les 25 soignants, le nombre moyen de chutes était de 1,36 (ET 1,10).", "consistent")]
    [InlineData("Chez les 25 soignants, le nombre moyen de chutes était de 1,38 (ET 1,10).", "inconsistent")]
    public void PeopleNamedByWhatTheyAre(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // An arm's n stated under its name where the arms are allocated, then the arm named in the statistic's clause:
    // with n = 46, 1.37 is 63 / 46 and 1.38 no total (63 / 46 = 1.370, 64 / 46 = 1.391); with n = 44, 1.36 is 60 / 44
    // and 1.38 no total. The 90 patients of the whole study would give 1.38 (124 / 90).
    [InlineData("Of 90 patients, 46 were assigned to surgery and 44 to casting. The mean number of falls was 1.37 (SD 1.10) after surgery.", "consistent")]
    [InlineData("Of 90 patients, 46 were assigned to surgery and 44 to casting. The mean number of falls was 1.38 (SD 1.10) after surgery.", "inconsistent")]
    [InlineData("Sur 90 patients, 46 ont été affectés à la chirurgie et 44 au plâtre. Le nombre moyen de chutes était de 1,37 (ET 1,10) après la chirurgie.", "consistent")]
    [InlineData("Sur 90 patients, 46 ont été affectés à la chirurgie et 44 au plâtre. Le nombre moyen de chutes était de 1,38 (ET 1,10) après la chirurgie.", "inconsistent")]
    [InlineData("Patients were randomly assigned to surgery (n = 46) or casting (n = 44). The mean number of falls was 1.36 (SD 1.10) with casting.", "consistent")]
    [InlineData("Patients were randomly assigned to surgery (n = 46) or casting (n = 44). The mean number of falls was 1.38 (SD 1.10) with casting.", "inconsistent")]
    [InlineData("Les patients ont été répartis entre chirurgie (n = 46) et plâtre (n = 44). Le nombre moyen de chutes était de 1,36 (ET 1,10) avec le plâtre.", "consistent")]
    [InlineData("Les patients ont été répartis entre chirurgie (n = 46) et plâtre (n = 44). Le nombre moyen de chutes était de 1,38 (ET 1,10) avec le plâtre.", "inconsistent")]
    public void AnArmNamedInTheStatisticsClauseGivesItsN(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // A percentage of an arm named in two or three words ("du groupe titration rapide", "given the FGF21 analogue"):
    // 19/154 = 12.34 %; 10.3 % needs a denominator of 183–185, more than the arm has. 7/118 = 5.93 %; 4.9 % needs 139–146.
    [InlineData("Méthodes : Les patients ont été répartis entre une titration rapide (n = 154) et une titration habituelle (n = 152).\n\nUne hyperkaliémie est survenue chez 19 patients du groupe titration rapide (12,3 %).", "consistent")]
    [InlineData("Méthodes : Les patients ont été répartis entre une titration rapide (n = 154) et une titration habituelle (n = 152).\n\nUne hyperkaliémie est survenue chez 19 patients du groupe titration rapide (10,3 %).", "inconsistent")]
    [InlineData("Methods: Patients were randomly assigned to the FGF21 analogue (n = 118) or placebo (n = 104).\n\nDiarrhoea occurred in 7 patients given the FGF21 analogue (5.9%).", "consistent")]
    [InlineData("Methods: Patients were randomly assigned to the FGF21 analogue (n = 118) or placebo (n = 104).\n\nDiarrhoea occurred in 7 patients given the FGF21 analogue (4.9%).", "inconsistent")]
    [InlineData("Methods: Patients were randomly assigned to the FGF21 analogue (n = 118) or placebo (n = 104).\n\nDiarrhoea occurred in 7 patients in the FGF21 analogue group (4.9%).", "inconsistent")]
    public void APercentageOfAnArmNamedInSeveralWords(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // An arm named by a number and its unit, its n in a table's header or at allocation, the statistic naming it after
    // the word group: 11/81 = 13.6 %; 12.6 % needs a denominator of 87, more than the arm has.
    [InlineData("| Caractéristique | 6 semaines (n = 82) | 4 semaines (n = 81) |\n|---|---|---|\n| Âge, ans | 41,2 | 40,7 |\n\nDes céphalées ont été rapportées par 11 patients du groupe 4 semaines (13,6 %).", "consistent")]
    [InlineData("| Caractéristique | 6 semaines (n = 82) | 4 semaines (n = 81) |\n|---|---|---|\n| Âge, ans | 41,2 | 40,7 |\n\nDes céphalées ont été rapportées par 11 patients du groupe 4 semaines (12,6 %).", "inconsistent")]
    [InlineData("| Characteristic | 6 weeks (n = 82) | 4 weeks (n = 81) |\n|---|---|---|\n| Age, years | 41.2 | 40.7 |\n\nHeadache was reported by 11 patients in the 4-week group (13.6%).", "consistent")]
    [InlineData("| Characteristic | 6 weeks (n = 82) | 4 weeks (n = 81) |\n|---|---|---|\n| Age, years | 41.2 | 40.7 |\n\nHeadache was reported by 11 patients in the 4-week group (12.6%).", "inconsistent")]
    [InlineData("Patients were randomly assigned to 6 weeks (n = 82) or 4 weeks (n = 81) of treatment.\n\nHeadache was reported by 11 patients in the 4-week group (12.6%).", "inconsistent")]
    // "After 4 weeks" is a time, not the arm: the study's n (163) applies, and 11/87 is below it.
    [InlineData("Patients were randomly assigned to 6 weeks (n = 82) or 4 weeks (n = 81) of treatment.\n\nAfter 4 weeks, headache was reported by 11 patients (12.6%).", "consistent")]
    public void AnArmNamedByANumberAndItsUnit(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // Arms allocated after "underwent randomization (9.2%):" (a decimal point is no sentence's end), named with digits
    // ("FGF21", "GLP1"): 7/112 = 6.25 %; 5.9 % needs a denominator of 118–119, more than the arm has.
    [InlineData("Of 2,416 patients screened, 222 underwent randomization (9.2%): 112 to the FGF21 analogue and 110 to placebo.\n\nHypoglycemia occurred in 7 patients given the FGF21 analogue (6.3%).", "consistent")]
    [InlineData("Of 2,416 patients screened, 222 underwent randomization (9.2%): 112 to the FGF21 analogue and 110 to placebo.\n\nHypoglycemia occurred in 7 patients given the FGF21 analogue (5.9%).", "inconsistent")]
    [InlineData("Sur 2 416 patients sélectionnés, 222 ont été randomisés (9,2 %) : 112 à l'analogue GLP1 et 110 au placebo.\n\nUne hypoglycémie est survenue chez 7 patients sous GLP1 (5,9 %).", "inconsistent")]
    [InlineData("Sur 2 416 patients sélectionnés, 222 ont été randomisés (9,2 %) : 112 à l'analogue GLP1 et 110 au placebo.\n\nUne hypoglycémie est survenue chez 7 patients sous GLP1 (6,3 %).", "consistent")]
    public void ArmsAllocatedAfterAPercentageNamedWithDigits(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "percentage")[^1]);

    [Theory]
    // A visit's code after the statistic ("at H24", "à H24") is no other number: the arm named after it gives its n
    // (142); a fall from 7.2 ± 1.6 to 4.1 ± 1.9 in 142 infants cannot have p = 0.47.
    [InlineData("Methods: 281 infants were randomized to high-flow nasal cannula (HFNC; n = 142) or standard oxygen by nasal prongs (n = 139).\n\nThe Wang score fell from 7.2 ± 1.6 to 4.1 ± 1.9 at H24 in the HFNC group (P < .001).", "consistent")]
    [InlineData("Methods: 281 infants were randomized to high-flow nasal cannula (HFNC; n = 142) or standard oxygen by nasal prongs (n = 139).\n\nThe Wang score fell from 7.2 ± 1.6 to 4.1 ± 1.9 at H24 in the HFNC group (P = .47).", "inconsistent")]
    [InlineData("Méthodes : 281 nourrissons ont été randomisés entre oxygénothérapie nasale à haut débit (OHD ; n = 142) et oxygénothérapie standard aux lunettes (n = 139).\n\nLe score de Wang est passé de 7,2 ± 1,6 à 4,1 ± 1,9 à H24 dans le groupe OHD (p < 0,001).", "consistent")]
    [InlineData("Méthodes : 281 nourrissons ont été randomisés entre oxygénothérapie nasale à haut débit (OHD ; n = 142) et oxygénothérapie standard aux lunettes (n = 139).\n\nLe score de Wang est passé de 7,2 ± 1,6 à 4,1 ± 1,9 à H24 dans le groupe OHD (p = 0,47).", "inconsistent")]
    public void AnArmNamedAfterAVisitsCode(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "within_patient_p"));

    [Theory]
    // An estimate with its unit and what it compares before its interval: 0.9 (0.4 to 1.4) gives z = 0.9/0.255 = 3.5,
    // p ≈ 0.0004; −0.3 (−1.1 to 0.5) gives z = 0.73, p ≈ 0.46; 1,2 (−0,4 à 2,8) gives z = 1.47, p ≈ 0.14.
    [InlineData("The SPPB improved by 0.9 points more with the supplement (95% CI 0.4 to 1.4; P < .001).", "consistent")]
    [InlineData("The SPPB improved by 0.9 points more with the supplement (95% CI 0.4 to 1.4; P = .31).", "inconsistent")]
    [InlineData("Systolic pressure differed by −0.3 mm Hg (95% CI, −1.1 to 0.5; P = .45).", "consistent")]
    [InlineData("Systolic pressure differed by −0.3 mm Hg (95% CI, −1.1 to 0.5; P = .045).", "inconsistent")]
    [InlineData("La durée était plus courte de 1,2 jour après le programme (IC à 95 % : -0,4 à 2,8 ; p = 0,14).", "consistent")]
    [InlineData("La durée était plus courte de 1,2 jour après le programme (IC à 95 % : -0,4 à 2,8 ; p = 0,014).", "inconsistent")]
    // And the time point it is at: −1.3 (−3.0 to 0.4) gives z = 1.50, p ≈ 0.13.
    [InlineData("Soit une différence de −1,3 point à 12 mois (IC à 95 % : −3,0 à 0,4 ; p = 0,13).", "consistent")]
    [InlineData("A difference of −1.3 points at 12 months (95% CI, −3.0 to 0.4; P = .013).", "inconsistent")]
    // A count before the words is no estimate.
    [InlineData("Events occurred in 34 patients with diabetes (95% CI, 20 to 50; P = .04).", null)]
    public void AnEstimateWithItsUnitAndWhatItCompares(string text, string? verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    [Fact]
    // A clause naming both arms, or a word two arms share, gives neither arm's n.
    public void AClauseNamingBothArmsTakesNoArmsN() =>
        Assert.NotEqual("inconsistent", Verdict("Patients were randomly assigned to surgery (n = 46) or casting (n = 44). The mean number of falls was 1.38 (SD 1.10) with surgery or casting.", "grim"));

    [Theory]
    // A count of people qualified by their arm ("after surgery", "taking acetazolamide") before its percentage: 11 / 46
    // = 23.9 %; no denominator gives 25.9 % (11 / 42 = 26.19 %, 11 / 43 = 25.58 %).
    [InlineData("Fever occurred in 11 patients after surgery (23.9%).", "consistent")]
    [InlineData("Fever occurred in 11 patients after surgery (25.9%).", "inconsistent")]
    [InlineData("Paresthesia was reported by 11 trekkers taking acetazolamide (25.9%).", "inconsistent")]
    [InlineData("La fièvre est survenue chez 11 patients après la chirurgie (23,9 %).", "consistent")]
    [InlineData("La fièvre est survenue chez 11 patients après la chirurgie (25,9 %).", "inconsistent")]
    public void ACountQualifiedByItsArmBeforeItsPercentage(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // "Forty-two patients took part" states the study's n: a mean count of 2.19 is 92 / 42; 2.20 no total (92 / 42 =
    // 2.190, 93 / 42 = 2.214).
    [InlineData("Forty-two patients took part. The mean number of sessions missed was 2.19 (SD 0.81).", "consistent")]
    [InlineData("Forty-two patients took part. The mean number of sessions missed was 2.20 (SD 0.81).", "inconsistent")]
    [InlineData("Quarante-deux patients ont participé. Le nombre moyen de séances manquées était de 2,19 (ET 0,81).", "consistent")]
    [InlineData("Quarante-deux patients ont participé. Le nombre moyen de séances manquées était de 2,20 (ET 0,81).", "inconsistent")]
    public void TookPartStatesTheStudysN(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // A number in words hyphenated at its own hyphen at a line end ("Forty-" / "two") is one count: 42 patients, so a
    // mean count of 2.20 is no total over 42 (92 / 42 = 2.190, 93 / 42 = 2.214) and 2.19 is 92 / 42.
    [InlineData("Results. Forty-\ntwo patients took part. The mean number of sessions missed was 2.19 (SD 0.81).", "consistent")]
    [InlineData("Results. Forty-\ntwo patients took part. The mean number of sessions missed was 2.20 (SD 0.81).", "inconsistent")]
    [InlineData("Résultats. Quarante-\ndeux patients ont participé. Le nombre moyen de séances manquées était de 2,19 (ET 0,81).", "consistent")]
    [InlineData("Résultats. Quarante-\ndeux patients ont participé. Le nombre moyen de séances manquées était de 2,20 (ET 0,81).", "inconsistent")]
    public void ANumberInWordsHyphenatedAtALineEnd(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // A score's abbreviation defined where the paper names the score is integer-valued where it stands alone: a median of
    // whole numbers is whole or a half, never 5.3.
    [InlineData("The Venous Clinical Severity Score (VCSS) was recorded at baseline. In the 20 patients, the VCSS had a median of 5 (IQR 3–7).", "consistent")]
    [InlineData("The Venous Clinical Severity Score (VCSS) was recorded at baseline. In the 20 patients, the VCSS had a median of 5.3 (IQR 3–7).", "inconsistent")]
    [InlineData("Le score de sévérité veineuse clinique (VCSS) a été relevé à l'inclusion. Chez les 20 patients, le VCSS avait une médiane de 5 (EIQ 3-7).", "consistent")]
    [InlineData("Le score de sévérité veineuse clinique (VCSS) a été relevé à l'inclusion. Chez les 20 patients, le VCSS avait une médiane de 5,3 (EIQ 3-7).", "inconsistent")]
    public void AScoresAbbreviationIsIntegerValued(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "quantile"));

    [Theory]
    // Quartiles printed as whole days with a median that has a tenth other than a half: the days were counted whole, and
    // a median of whole numbers is whole or a half. A median printed whole or as a half says nothing of the data's
    // precision, nor do quartiles with decimals: real-valued durations give them.
    [InlineData("In the 99 patients, the median time to return to work was 3.2 days (IQR 1–6).", "inconsistent")]
    [InlineData("In the 99 patients, the median time to return to work was 3.5 days (IQR 1–6).", null)]
    [InlineData("In the 99 patients, the median time to return to work was 3.2 days (IQR 1.4–6.1).", null)]
    [InlineData("Chez les 99 patients, le délai médian de reprise du travail était de 3,2 jours (EIQ 1-6).", "inconsistent")]
    [InlineData("Chez les 99 patients, le délai médian de reprise du travail était de 3,5 jours (EIQ 1-6).", null)]
    public void ADurationWithWholeQuartilesIsCountedInWholeUnits(string text, string? verdict) => QuantileOrOrderOnly(text, verdict);

    [Theory]
    // A column of differences or odds ratios: a row of means holds a difference, read on its own scale: SE = (1.39 −
    // 0.47) / 3.92 = 0.235, z = 0.93 / 0.235 = 3.96, p < .001; a p of .30 is impossible. Read as an odds ratio it was
    // "impossible" for being negative.
    [InlineData("| Outcome | Drug (n = 50) | Placebo (n = 50) | Difference or OR (95% CI) | P |\n|---|---|---|---|---|\n| Symptom score, mean (SD) | 3.12 (1.84) | 4.05 (2.11) | −0.93 (−1.39 to −0.47) | <.001 |\n", "consistent")]
    [InlineData("| Outcome | Drug (n = 50) | Placebo (n = 50) | Difference or OR (95% CI) | P |\n|---|---|---|---|---|\n| Symptom score, mean (SD) | 3.12 (1.84) | 4.05 (2.11) | −0.93 (−1.39 to −0.47) | .30 |\n", "inconsistent")]
    [InlineData("| Critère | Médicament (n = 50) | Placebo (n = 50) | Différence ou OR (IC à 95 %) | p |\n|---|---|---|---|---|\n| Score de symptômes, moyenne (ET) | 3,12 (1,84) | 4,05 (2,11) | −0,93 (−1,39 à −0,47) | <0,001 |\n", "consistent")]
    [InlineData("| Critère | Médicament (n = 50) | Placebo (n = 50) | Différence ou OR (IC à 95 %) | p |\n|---|---|---|---|---|\n| Score de symptômes, moyenne (ET) | 3,12 (1,84) | 4,05 (2,11) | −0,93 (−1,39 à −0,47) | 0,30 |\n", "inconsistent")]
    public void AColumnOfDifferencesOrRatiosTakesTheRowsKind(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    [Theory]
    // GRIMMER with n ≥ 100, where GRIM cannot bite: a mean of 1.02 over 110 is a total of 112, and sums of squares of
    // its parity give SD 0.5065 (Q = 142) and 0.4870 (Q = 140), none printing as 0.50.
    [InlineData("In the 110 patients, the mean number of visits was 1.02 (SD 0.51).", "consistent")]
    [InlineData("In the 110 patients, the mean number of visits was 1.02 (SD 0.50).", "inconsistent")]
    [InlineData("Chez les 110 patients, le nombre moyen de consultations était de 1,02 (ET 0,51).", "consistent")]
    [InlineData("Chez les 110 patients, le nombre moyen de consultations était de 1,02 (ET 0,50).", "inconsistent")]
    public void GrimmerBitesWhereGrimCannot(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grimmer"));

    [Theory]
    // A group named right after a statistic, in its clause, is its n rather than the group of the clause before: with
    // n = 15 a mean of 2.47 is 37 / 15, whose sums of squares (odd) give SD 0.743 or 0.834, never 0.87; with the 110 of
    // the clause before, 0.87 is possible.
    [InlineData("The number of sessions averaged 1.62 (SD 0.72) in the 110 foam patients, and the number of sessions was 2.47 (SD 0.83) among the 15 patients who were retreated.", "consistent")]
    [InlineData("The number of sessions averaged 1.62 (SD 0.72) in the 110 foam patients, and the number of sessions was 2.47 (SD 0.87) among the 15 patients who were retreated.", "inconsistent")]
    [InlineData("Le nombre de séances était en moyenne de 1,62 (ET 0,72) chez les 110 patients sous mousse, et le nombre de séances était de 2,47 (ET 0,83) chez les 15 patients retraités.", "consistent")]
    [InlineData("Le nombre de séances était en moyenne de 1,62 (ET 0,72) chez les 110 patients sous mousse, et le nombre de séances était de 2,47 (ET 0,87) chez les 15 patients retraités.", "inconsistent")]
    public void AGroupNamedRightAfterAStatisticIsItsN(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grimmer").Last());

    [Theory]
    // A table's header naming the arms with their n, then an arm named in a sentence ("with casting", "dans le groupe
    // supervisé" for "Marche supervisée"): with n = 44, 1.36 is 60 / 44 and 1.38 no total; with n = 46, 1.37 is 63 / 46
    // and 1.38 no total.
    [InlineData("Characteristic  Surgery (n = 46)  Casting (n = 44)\nWomen, n (%)  20 (43.5)  19 (43.2)\n\nThe mean number of falls was 1.36 (SD 1.10) with casting.", "consistent")]
    [InlineData("Characteristic  Surgery (n = 46)  Casting (n = 44)\nWomen, n (%)  20 (43.5)  19 (43.2)\n\nThe mean number of falls was 1.38 (SD 1.10) with casting.", "inconsistent")]
    [InlineData("Caractéristique  Marche supervisée (n = 46)  Conseils (n = 44)\nFemmes, n (%)  20 (43,5)  19 (43,2)\n\nLe nombre moyen de chutes était de 1,37 (ET 1,10) dans le groupe supervisé.", "consistent")]
    [InlineData("Caractéristique  Marche supervisée (n = 46)  Conseils (n = 44)\nFemmes, n (%)  20 (43,5)  19 (43,2)\n\nLe nombre moyen de chutes était de 1,38 (ET 1,10) dans le groupe supervisé.", "inconsistent")]
    public void ATableHeaderNamesTheArmsN(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Fact]
    // Two arms of one allocation sharing their first word ("doxycycline 200 mg", "doxycycline 100 mg") name neither.
    public void ArmsSharingAWordNameNeither() =>
        Assert.NotEqual("inconsistent", Verdict("Patients were randomly assigned to doxycycline 200 mg (n = 46) or doxycycline 100 mg (n = 44). The mean number of falls was 1.38 (SD 1.10) with doxycycline.", "grim"));

    [Theory]
    // More ways of stating the arms: counts after the allocation's verb ("We randomized 90 patients: 46 to surgery and 44
    // to casting"), "received … (n = 46) or … (n = 44)", named again as "In the casting arm", "sous placebo". With n = 44,
    // 1.36 is 60 / 44 and 1.38 no total.
    [InlineData("We randomized 90 patients: 46 to surgery and 44 to casting. In the casting arm the mean number of falls was 1.36 (SD 1.10).", "consistent")]
    [InlineData("We randomized 90 patients: 46 to surgery and 44 to casting. In the casting arm the mean number of falls was 1.38 (SD 1.10).", "inconsistent")]
    [InlineData("Les enfants ont reçu de la dexaméthasone (n = 46) ou un placebo (n = 44). Le nombre moyen de réveils était de 1,36 (ET 1,10) sous placebo.", "consistent")]
    [InlineData("Les enfants ont reçu de la dexaméthasone (n = 46) ou un placebo (n = 44). Le nombre moyen de réveils était de 1,38 (ET 1,10) sous placebo.", "inconsistent")]
    public void ArmsStatedAfterTheVerbOrAsReceived(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // The arm named after a statistic is its own, not the one before it, which is the previous statistic's: 1.36 with
    // casting (n = 44) is 60 / 44; over the 46 of surgery no total gives it.
    [InlineData("Patients were randomly assigned to surgery (n = 46) or casting (n = 44). The mean number of falls was 1.37 (SD 1.10) with surgery and 1.36 (SD 1.10) with casting.", "consistent")]
    [InlineData("Patients were randomly assigned to surgery (n = 46) or casting (n = 44). The mean number of falls was 1.37 (SD 1.10) with surgery and 1.38 (SD 1.10) with casting.", "inconsistent")]
    public void TheArmAfterAStatisticIsItsOwn(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Last());

    [Theory]
    // "Results" under a paper's title is a section of the same study, not another study's heading: in a text reporting
    // two studies, the 40 adults enrolled apply, so 1.35 is 54 / 40 and 1.36 no total (54 / 40 = 1.350, 55 / 40 = 1.375).
    [InlineData("Falls after hip surgery: a cohort study\n\nWe enrolled 40 adults after hip surgery.\n\nResults\n\nThe mean number of falls was 1.35 (SD 1.10).\n\nFalls after knee surgery: a second cohort\n\nWe enrolled 90 adults after knee surgery.", "consistent")]
    [InlineData("Falls after hip surgery: a cohort study\n\nWe enrolled 40 adults after hip surgery.\n\nResults\n\nThe mean number of falls was 1.36 (SD 1.10).\n\nFalls after knee surgery: a second cohort\n\nWe enrolled 90 adults after knee surgery.", "inconsistent")]
    [InlineData("Chutes après chirurgie de la hanche : une étude de cohorte\n\nNous avons inclus 40 adultes opérés de la hanche.\n\nRésultats\n\nLe nombre moyen de chutes était de 1,35 (ET 1,10).\n\nChutes après chirurgie du genou : une seconde cohorte\n\nNous avons inclus 90 adultes opérés du genou.", "consistent")]
    [InlineData("Chutes après chirurgie de la hanche : une étude de cohorte\n\nNous avons inclus 40 adultes opérés de la hanche.\n\nRésultats\n\nLe nombre moyen de chutes était de 1,36 (ET 1,10).\n\nChutes après chirurgie du genou : une seconde cohorte\n\nNous avons inclus 90 adultes opérés du genou.", "inconsistent")]
    public void AResultsHeadingIsASectionOfTheSameStudy(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // Instruments whose total is a sum of whole item scores (GDS-15: 15 yes/no items; STAI: 20 items scored 1 to 4):
    // integer-valued without the word score. With n = 25, 6.12 is 153 / 25 and 6.14 no total.
    [InlineData("In the 25 patients, the GDS-15 was 6.12 (SD 3.04).", "consistent")]
    [InlineData("In the 25 patients, the GDS-15 was 6.14 (SD 3.04).", "inconsistent")]
    [InlineData("Chez les 25 patients, la STAI était de 6,12 (ET 3,04).", "consistent")]
    [InlineData("Chez les 25 patients, la STAI était de 6,14 (ET 3,04).", "inconsistent")]
    public void InstrumentsSummingWholeItemScores(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // A count and what its people had, then the percentage: 19 / 200 = 9.5 %; 8.9 % needs 211 to 215, above the 200.
    [InlineData("In the 200 patients, 19 had an abnormal ECG (9.5%).", "consistent")]
    [InlineData("In the 200 patients, 19 had an abnormal ECG (8.9%).", "inconsistent")]
    [InlineData("Chez les 200 patients, 19 patients sont décédés (9,5 %).", "consistent")]
    [InlineData("Chez les 200 patients, 19 patients sont décédés (8,9 %).", "inconsistent")]
    // Its denominator after a participle: 93 / 104 = 89.4 %; 88.4 % is 92 / 104 or 93 / 105.2, no whole denominator.
    [InlineData("Of the residents, 93 patients examined out of 104 (89.4%) had scabies.", "consistent")]
    [InlineData("Of the residents, 93 patients examined out of 104 (88.4%) had scabies.", "inconsistent")]
    [InlineData("Au total, 93 résidents évalués sur 104 (89,4 %) avaient une gale.", "consistent")]
    [InlineData("Au total, 93 résidents évalués sur 104 (88,4 %) avaient une gale.", "inconsistent")]
    public void ACountWithWhatItsPeopleHadBeforeItsPercentage(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // A visual analogue scale the paper says it scored in whole points is integer-valued: with n = 25, 6.12 is 153 / 25
    // and 6.14 no total. Without that statement a VAS is real-valued.
    [InlineData("Pain was rated on a VAS from 0 to 10 in whole points.\n\nIn the 25 patients, the VAS averaged 6.12 (SD 3.04).", "consistent")]
    [InlineData("Pain was rated on a VAS from 0 to 10 in whole points.\n\nIn the 25 patients, the VAS averaged 6.14 (SD 3.04).", "inconsistent")]
    [InlineData("Pain was rated on a 100-mm VAS.\n\nIn the 25 patients, the VAS averaged 6.14 (SD 3.04).", "not_checkable")]
    [InlineData("La douleur était cotée sur une EVA de 0 à 10 en points entiers.\n\nChez les 25 patients, l'EVA moyenne était de 6,12 (ET 3,04).", "consistent")]
    [InlineData("La douleur était cotée sur une EVA de 0 à 10 en points entiers.\n\nChez les 25 patients, l'EVA moyenne était de 6,14 (ET 3,04).", "inconsistent")]
    public void AScaleStatedInWholePoints(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // A patient has one type of aphasia and one motor subtype of delirium: counts above their total are impossible.
    [InlineData("Of the 42 patients, 11 had fluent aphasia, 24 non-fluent aphasia and 7 global aphasia.", "consistent")]
    [InlineData("Of the 42 patients, 11 had fluent aphasia, 24 non-fluent aphasia and 9 global aphasia.", "inconsistent")]
    [InlineData("Parmi les 55 patients ayant présenté un délire, la forme était hypoactive chez 31, hyperactive chez 9 et mixte chez 15.", "consistent")]
    [InlineData("Parmi les 55 patients ayant présenté un délire, la forme était hypoactive chez 31, hyperactive chez 9 et mixte chez 17.", "inconsistent")]
    public void AphasiaTypesAndDeliriumSubtypesExcludeEachOther(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // "The nine participants" in words, and a group printed right after a mean ± SD ("1.45 ± 0.61 in the 9 patients"):
    // n = 9, so 1.44 is 13 / 9 and 1.45 no total (13 / 9 = 1.444, 14 / 9 = 1.556).
    [InlineData("The nine participants who stopped had a mean number of falls of 1.44 (SD 0.61).", "consistent")]
    [InlineData("The nine participants who stopped had a mean number of falls of 1.45 (SD 0.61).", "inconsistent")]
    [InlineData("Les neuf patients qui ont arrêté avaient un nombre moyen de chutes de 1,45 (ET 0,61).", "inconsistent")]
    [InlineData("The number of falls was 1.44 ± 0.61 in the 9 patients who stopped.", "consistent")]
    [InlineData("The number of falls was 1.45 ± 0.61 in the 9 patients who stopped.", "inconsistent")]
    [InlineData("Le nombre de chutes était de 1,45 ± 0,61 chez les 9 patients qui ont arrêté.", "inconsistent")]
    public void AGroupInWordsOrAfterASpread(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // An arm's n printed with its name in an earlier sentence ("In the surgery group (n = 46)", "Dans le groupe chirurgie
    // (n = 46)"): with n = 46, 1.37 is 63 / 46 and 1.38 no total.
    [InlineData("In the surgery group (n = 46), pain fell. The mean number of falls was 1.37 (SD 1.10) in the surgery group.", "consistent")]
    [InlineData("In the surgery group (n = 46), pain fell. The mean number of falls was 1.38 (SD 1.10) in the surgery group.", "inconsistent")]
    [InlineData("Dans le groupe chirurgie (n = 46), la douleur a diminué. Le nombre moyen de chutes du groupe chirurgie était de 1,37 (ET 1,10).", "consistent")]
    [InlineData("Dans le groupe chirurgie (n = 46), la douleur a diminué. Le nombre moyen de chutes du groupe chirurgie était de 1,38 (ET 1,10).", "inconsistent")]
    public void AnArmsNPrintedWithItsNameEarlier(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // An arm allocated as "ultrasound-guided (n = 42)" is named "with ultrasound": its n is 42, not the study's 82.
    // 2.64 is 111 / 42; 2.66 no total of 42 (111 / 42 = 2.643, 112 / 42 = 2.667), though 218 / 82 = 2.659 would give it.
    [InlineData("Patients were randomized to ultrasound-guided (n = 42) or electromyography-guided injections (n = 40). Improvement on a 7-point scale was 2.64 (SD 0.93) with ultrasound and 3.20 (SD 1.02) with electromyography.", "consistent")]
    [InlineData("Patients were randomized to ultrasound-guided (n = 42) or electromyography-guided injections (n = 40). Improvement on a 7-point scale was 2.66 (SD 0.93) with ultrasound and 3.20 (SD 1.02) with electromyography.", "inconsistent")]
    [InlineData("Les patients ont été randomisés vers une injection écho-guidée (n = 42) ou électro-guidée (n = 40). L'amélioration sur une échelle en 7 points était de 2,64 (ET 0,93) avec l'écho et de 3,20 (ET 1,02) avec l'électro.", "consistent")]
    [InlineData("Les patients ont été randomisés vers une injection écho-guidée (n = 42) ou électro-guidée (n = 40). L'amélioration sur une échelle en 7 points était de 2,66 (ET 0,93) avec l'écho et de 3,20 (ET 1,02) avec l'électro.", "inconsistent")]
    public void AnArmNamedByWhatGuidesItsProcedure(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim")[0]);

    [Theory]
    // "19 patients with a drain out of 68 assessed (27.9%)": 68 is the denominator (19 / 68 = 27.9 %), never a count of
    // 27.9 % (of 244, more than the 142 included).
    [InlineData("We included 142 patients.\n\nPleurodesis was obtained in 19 patients with a drain out of 68 assessed (27.9%).")]
    [InlineData("Nous avons inclus 142 patients.\n\nUne symphyse a été obtenue chez 19 patients porteurs de drain sur 68 évalués (27,9 %).")]
    public void ADenominatorNamedAfterItsCountIsNoCount(string text) =>
        Assert.DoesNotContain(CheckText(text).Findings, f => f.Check == "percentage" && f.Verdict == FindingVerdict.Inconsistent);

    [Theory]
    // Things counted named after the spread with words qualifying them ("rescue opioid tablets", "outpatient visits",
    // "séjours", "Holter"), or a duration stated in whole days: with n = 23, 4.61 is 106 / 23 and 4.63 no total
    // (106 / 23 = 4.609, 107 / 23 = 4.652); with n = 14, 2.14 is 30 / 14 and 2.16 no total (30 / 14 = 2.143, 31 / 14 = 2.214).
    [InlineData("The 23 patients used 4.61 (SD 2.14) rescue opioid tablets.", "consistent")]
    [InlineData("The 23 patients used 4.63 (SD 2.14) rescue opioid tablets.", "inconsistent")]
    [InlineData("The 23 patients stayed in intensive care for 4.63 (SD 2.14) whole days.", "inconsistent")]
    [InlineData("The 23 patients had 4.63 (SD 2.14) outpatient visits in the first year.", "inconsistent")]
    [InlineData("The 23 patients stayed 4.63 (SD 2.14) hours between visits.", "not_checkable")]
    [InlineData("Les 14 patients réhospitalisés ont eu 2,14 (ET 0,62) séjours.", "consistent")]
    [InlineData("Les 14 patients réhospitalisés ont eu 2,16 (ET 0,62) séjours.", "inconsistent")]
    [InlineData("Les 14 patients hospitalisés avaient eu 2,16 (ET 0,62) Holter au cours du suivi.", "inconsistent")]
    [InlineData("Les 14 patients ont été hospitalisés 2,16 (ET 0,62) jours entiers.", "inconsistent")]
    // A group named with two words before its people ("the 23 direct anterior patients", "les 14 patients" with two
    // qualifiers) has its own n, not the study's.
    [InlineData("We included 221 patients.\n\nThe 23 direct anterior patients used 4.63 (SD 2.14) rescue opioid tablets.", "inconsistent")]
    [InlineData("Nous avons inclus 221 patients.\n\nLes 14 très jeunes patients réhospitalisés ont eu 2,16 (ET 0,62) séjours.", "inconsistent")]
    // Operations, biopsies, scans and injection sites are counted whole: with n = 11, 2.18 is 24 / 11 and 2.16 no total.
    [InlineData("The 11 patients amputated secondarily underwent 2.18 (SD 0.50) interventions.", "consistent")]
    [InlineData("The 11 patients amputated secondarily underwent 2.16 (SD 0.50) interventions.", "inconsistent")]
    [InlineData("Les 11 patients amputés secondairement ont eu 2,16 (ET 0,50) interventions.", "inconsistent")]
    [InlineData("Les 11 patients ayant une lipodystrophie avaient 2,16 (DS 0,97) sites d'injection.", "inconsistent")]
    public void ThingsCountedNamedAfterTheSpread(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // The scale a mean is on, named after it with its range ("on a 1 to 5 scale in whole points", "sur une échelle de
    // 1 à 5 en points entiers"): with n = 37, 3.73 is 138 / 37 and 3.74 no total (138 / 37 = 3.730, 139 / 37 = 3.757).
    [InlineData("The 37 patients rated their pain at 3.73 (SD 1.02) on a 1 to 5 scale in whole points.", "consistent")]
    [InlineData("The 37 patients rated their pain at 3.74 (SD 1.02) on a 1 to 5 scale in whole points.", "inconsistent")]
    [InlineData("Les 37 patients ont coté leur douleur à 3,73 (ET 1,02) sur une échelle de 1 à 5 en points entiers.", "consistent")]
    [InlineData("Les 37 patients ont coté leur douleur à 3,74 (ET 1,02) sur une échelle de 1 à 5 en points entiers.", "inconsistent")]
    // Managers and "cadres" are people counted.
    [InlineData("The 37 nurse managers rated the priority at 3.74 (SD 1.02) on a 1 to 5 scale in whole points.", "inconsistent")]
    [InlineData("Les 37 cadres de santé ont coté la priorité à 3,74 (ET 1,02) sur une échelle de 1 à 5 en points entiers.", "inconsistent")]
    // A word or two may name the kind of scale: "a 1 to 5 face scale", "une échelle verbale de 1 à 5".
    [InlineData("The 37 children rated the taste at 3.74 (SD 1.02) on a 1 to 5 face scale.", "inconsistent")]
    [InlineData("The 37 children rated the taste at 3.73 (SD 1.02) on a 1 to 5 face scale.", "consistent")]
    [InlineData("Les 37 enfants ont coté le goût à 3,74 (ET 1,02) sur une échelle verbale de 1 à 5.", "inconsistent")]
    // A visual analogue scale is read to the millimetre: not integer-valued.
    [InlineData("Les 37 patients ont coté leur douleur à 3,74 (ET 1,02) sur une échelle visuelle analogique de 0 à 10.", "not_checkable")]
    public void TheScaleAMeanIsOnNamedAfterItWithItsRange(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // "it", "il", "elle" in a second clause about a counted group stand for the integer-valued measure just named: with
    // n = 13, 3.31 is 43 / 13 and 3.33 no total (43 / 13 = 3.308, 44 / 13 = 3.385). A measure named anew inherits nothing.
    [InlineData("The number of falls was 4.27 (SD 2.05) overall; in the 13 children who stopped, it was 3.31 (SD 1.87).", "consistent")]
    [InlineData("The number of falls was 4.27 (SD 2.05) overall; in the 13 children who stopped, it was 3.33 (SD 1.87).", "inconsistent")]
    [InlineData("The number of falls was 4.27 (SD 2.05) overall; for body weight, it was 3.33 (SD 1.87).", "not_checkable")]
    [InlineData("Le nombre de chutes était de 4,27 (ET 2,05) ; chez les 13 enfants ayant arrêté, il était de 3,31 (ET 1,87).", "consistent")]
    [InlineData("Le nombre de chutes était de 4,27 (ET 2,05) ; chez les 13 enfants ayant arrêté, il était de 3,33 (ET 1,87).", "inconsistent")]
    public void APronounForTheMeasureJustNamed(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim")[^1]);

    [Theory]
    // A median of things counted, named after its value in the quote ("a median of 1.8 nights", "0.7 delayed doses"): a
    // median of whole numbers is whole or halfway between two, so 1.8 and 0.7 are impossible, 1.5 possible.
    [InlineData("The 40 patients stayed a median of 1.5 nights (IQR 1–3).", "consistent")]
    [InlineData("The 40 patients stayed a median of 1.8 nights (IQR 1–3).", "inconsistent")]
    [InlineData("The 40 patients had a median of 0.7 delayed doses (IQR 0–2).", "inconsistent")]
    [InlineData("Les 40 patients sont restés une médiane de 1,5 nuits (Q1-Q3 : 1-3).", "consistent")]
    [InlineData("Les 40 patients sont restés une médiane de 0,7 nuits (Q1-Q3 : 0-2).", "inconsistent")]
    // After a median of another measure in the sentence, its own things counted still name it.
    [InlineData("Pain lasted a median of 4 hours (IQR 2–7), and the 40 patients had a median of 0.7 delayed doses (IQR 0–2).", "inconsistent")]
    [InlineData("La douleur a duré une médiane de 4 heures (Q1-Q3 : 2-7), et les 40 patients sont restés une médiane de 0,7 nuits (Q1-Q3 : 0-2).", "inconsistent")]
    public void AMedianOfThingsCountedNamedInItsQuote(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile")[^1]);

    [Theory]
    // Up to four words between a median and its bracket name what it counts; scans, visits to the emergency department,
    // times and nights are whole: a median of whole numbers is whole or a half (2.8 and 2,2 are not), a maximum whole.
    [InlineData("In the 48 patients, the median was 2.8 follow-up CT scans (IQR 2–4).", "inconsistent")]
    [InlineData("In the 48 patients, the median was 2.5 follow-up CT scans (IQR 2–4).", "consistent")]
    [InlineData("Chez les 52 patients, on comptait en médiane 2,2 passages antérieurs aux urgences (Q1-Q3 : 1-4).", "inconsistent")]
    [InlineData("Chez les 52 patients, on comptait en médiane 2 passages antérieurs aux urgences (Q1-Q3 : 1-4).", "consistent")]
    [InlineData("The 60 children used their reliever inhaler 2.3 times (IQR 1–4) in the last week.", "inconsistent")]
    [InlineData("Les 60 enfants ont utilisé leur inhalateur 2,3 fois (Q1-Q3 : 1-4) la dernière semaine.", "inconsistent")]
    [InlineData("Patients stayed a median of 1 night (range 1–9.5).", "inconsistent")]
    [InlineData("Les patients sont restés une médiane de 1 nuit (extrêmes 1-9,5).", "inconsistent")]
    public void AMedianOfThingsCountedWithSeveralWordsBeforeItsBracket(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "quantile"));

    [Theory]
    // Bottles, tests, adjustments are whole; French puts a count below 2 in the singular ("1,7 passage", "1,8 dose"):
    // a median of whole numbers is whole or a half.
    [InlineData("The 48 patients used a median of 2.3 bottles of artificial tears (IQR 1–4).", "inconsistent")]
    [InlineData("The 48 patients used a median of 2.5 bottles of artificial tears (IQR 1–4).", "consistent")]
    [InlineData("The 48 infants had a median of 4.7 heel-prick glucose tests (IQR 4–7).", "inconsistent")]
    [InlineData("Les 48 patients ont eu 1,7 passage aux urgences en médiane (Q1-Q3 : 1-3).", "inconsistent")]
    [InlineData("Les 48 patients ont eu 1,5 passage aux urgences en médiane (Q1-Q3 : 1-3).", "consistent")]
    [InlineData("Les 48 patients ont reçu 1,8 dose de secours en médiane (Q1-Q3 : 1-3).", "inconsistent")]
    public void AMedianOfThingsDispensedOrTried(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "quantile"));

    [Theory]
    // "times" as a ratio counts nothing: real-valued, only the order of the quartiles is checked.
    [InlineData("Costs were a median of 2.3 times higher (IQR 1–4) in the 60 patients.")]
    [InlineData("Les coûts étaient en médiane 2,3 fois plus élevés (Q1-Q3 : 1-4) chez les 60 patients.")]
    public void TimesAsARatioIsNoCount(string text) => QuantileOrOrderOnly(text, null);

    [Theory]
    // The number after "sur les", "of the last" is the denominator of the median before it, whose quartiles follow.
    [InlineData("Les répondants avaient été vaccinés une médiane de 6 saisons sur les 10 dernières (Q1-Q3 : 2-9).")]
    [InlineData("Respondents had been vaccinated a median of 6 seasons out of the 10 last ones (IQR 2–9).")]
    public void ADenominatorAfterAMedianIsNoMedian(string text) => Assert.DoesNotContain(CheckText(text).Findings, f => f.Verdict == FindingVerdict.Inconsistent);

    [Theory]
    // "coded 1, otherwise 0" names a 0/1 variable: with n = 40 a mean of 0.78 has SD 0.42 (k = 31: √(0.775 × 0.225 × 40/39) = 0.423).
    [InlineData("In the 40 patients, dual antiplatelet therapy at 6 months (coded 1, otherwise 0) had a mean of 0.78 (SD 0.42).", "consistent")]
    [InlineData("In the 40 patients, dual antiplatelet therapy at 6 months (coded 1, otherwise 0) had a mean of 0.78 (SD 0.36).", "inconsistent")]
    [InlineData("Chez les 40 patients, la double antiagrégation à 6 mois (codée 1, sinon 0) avait une moyenne de 0,78 (ET 0,36).", "inconsistent")]
    public void CodedOneOtherwiseZeroIsBinary(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "debit"));

    [Theory]
    // People counted with the arm they were given ("7 patients given iron sucrose", "7 patients recevant le fer") are
    // counted in that arm: 7/35 = 20.0 %; 19.4 % needs a denominator of 36, more than the arm has.
    [InlineData("Patients were randomized to iron (n = 35) or placebo (n = 33). Hypophosphatemia was found in 7 patients given iron (20.0%).", "consistent")]
    [InlineData("Patients were randomized to iron (n = 35) or placebo (n = 33). Hypophosphatemia was found in 7 patients given iron (19.4%).", "inconsistent")]
    [InlineData("Patients were randomized to iron sucrose (n = 35) or placebo (n = 33). Hypophosphatemia was found in 7 patients given iron sucrose (19.4%).", "inconsistent")]
    [InlineData("Les patients ont été randomisés entre fer (n = 35) et placebo (n = 33). Une hypophosphatémie a été observée chez 7 patients recevant le fer (19,4 %).", "inconsistent")]
    [InlineData("Les patients ont été randomisés entre fer (n = 35) et placebo (n = 33). Une hypophosphatémie a été observée chez 7 patients recevant le fer (20,0 %).", "consistent")]
    // A bare count with its arm: "21 du groupe témoin", "4 sous placebo", "33 given placebo".
    [InlineData("Les patients ont été randomisés entre fer (n = 35) et placebo (n = 33). Une hypophosphatémie a été observée chez 7 patients sous fer (20,0 %) et 4 sous placebo (11,8 %).", "consistent", "inconsistent")]
    [InlineData("Patients were randomized to iron (n = 35) or placebo (n = 33). Hypophosphatemia was found in 7 patients given iron (20.0%) and 4 given placebo (12.1%).", "consistent", "consistent")]
    [InlineData("Patients were randomized to iron (n = 35) or placebo (n = 33). Hypophosphatemia was found in 7 patients given iron (20.0%) and 4 given placebo (11.8%).", "consistent", "inconsistent")]
    public void PeopleGivenAnArmAreCountedInIt(string text, params string[] verdicts) => Assert.Equal(verdicts, Verdicts(text, "percentage"));

    [Theory]
    // Categories the sentence says count each person once, their counts in brackets: 6 + 4 + 3 = 13 of 11 is impossible.
    [InlineData("Counting each patient once, the 11 patients reporting an adverse event had pain during the session (6), bruising (4) or paresthesia (3).", "inconsistent")]
    [InlineData("Counting each patient once, the 13 patients reporting an adverse event had pain during the session (6), bruising (4) or paresthesia (3).", "consistent")]
    [InlineData("En comptant chaque enfant une fois, les 17 enfants atteints de dysplasie avaient une forme légère (8), modérée (6) ou sévère (5).", "inconsistent")]
    [InlineData("En comptant chaque enfant une fois, les 19 enfants atteints de dysplasie avaient une forme légère (8), modérée (6) ou sévère (5).", "consistent")]
    // Each clause with its own total; fewer than the total leaves some in no category named.
    [InlineData("Counting each patient once, 3 events were recorded in the ESP group: hematoma (1), hypotension (1) and paresthesia (1); in the sham group, the 12 patients readmitted within 30 days had air leak (4), pneumonia (3) and wound infection (2).", "consistent", "not_checkable")]
    // Without the words, adverse events are not added up (a patient may have several).
    [InlineData("The 11 patients reporting an adverse event had pain during the session (6), bruising (4) or paresthesia (3).")]
    public void CategoriesCountingEachPersonOnce(string text, params string[] verdicts) => Assert.Equal(verdicts, Verdicts(text, "category_counts"));

    [Theory]
    // "Classified by their most severe reaction": severities of reactions, one per child, are added up: 6 + 71 + 19 + 2 = 98.
    [InlineData("Classified by their most severe dosing reaction, the 98 children given OIT had none (6), mild (71), moderate (19) or severe (2) reactions.", "consistent")]
    [InlineData("Of the 96 children given OIT, classified by their most severe dosing reaction, 6 had none, 71 mild, 19 moderate and 2 severe reactions.", "inconsistent")]
    [InlineData("Parmi les 96 enfants, classés selon la plus sévère de leurs réactions, 71 avaient une réaction légère, 19 modérée et 8 sévère.", "inconsistent")]
    public void SeveritiesOfReactionsCountedByTheMostSevere(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "category_counts")[0]);

    [Theory]
    // The group named after the second visit's mean, before the p, is the comparison's n: with 86 patients a fall of
    // 3.7 points (SDs 1.6 and 1.9) gives p < 0.001 at any correlation from 0 to 1, never 0.44.
    [InlineData("Pain fell from 6.8 ± 1.6 to 3.1 ± 1.9 on day 2 in the 86 patients assessed (p = 0.44).", "inconsistent")]
    [InlineData("Pain fell from 6.8 ± 1.6 to 3.1 ± 1.9 on day 2 in the 86 patients assessed (p < 0.001).", "consistent")]
    [InlineData("La douleur est passée de 6,8 ± 1,6 à 3,1 ± 1,9 à J2 chez les 86 patients du groupe IV évalués (p = 0,44).", "inconsistent")]
    // Adolescents are people counted.
    [InlineData("Chez les 214 adolescents revus à 6 mois, le score est passé de 11,4 ± 4,6 à 8,2 ± 4,9 (p = 0,29).", "inconsistent")]
    [InlineData("Among the 214 adolescents seen at 6 months, the score fell from 11.4 ± 4.6 to 8.2 ± 4.9 (p < 0.001).", "consistent")]
    public void TheGroupNamedAfterTheSecondVisit(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "within_patient_p"));

    [Theory]
    // A count whose own words name a group no arm is known by ("du groupe mobilisation": the arms are known as "précoce"
    // and "Immobilisation") does not take the arm named before it in the other clause: 3/61 = 4.9 % is possible.
    [InlineData("Variable  Mobilisation précoce (n = 61)  Immobilisation (n = 60)\n\nLa raideur a concerné 9 patients du groupe immobilisation (15,0 %) contre 3 patients du groupe mobilisation (4,9 %).")]
    [InlineData("Variable  Early mobilisation (n = 61)  Immobilisation (n = 60)\n\nStiffness occurred in 9 patients in the immobilisation group (15.0%) and in 3 patients in the mobilisation group (4.9%).")]
    public void AGroupNamedByTheCountIsNotTheArmBefore(string text) => Assert.DoesNotContain("inconsistent", Verdicts(text, "percentage"));

    [Theory]
    // With no join to another group's statement, the arm its own clause names before it still applies: 17/48 = 35.4 %;
    // 33.3 % needs 51, more than the injection arm has.
    [InlineData("Les patients ont été randomisés entre injection (n = 48) et comprimés (n = 47). Une otalgie après l'injection a été rapportée par 17 patients du groupe combiné (33,3 %).")]
    [InlineData("Patients were randomized to injection (n = 48) or tablets (n = 47). Ear pain after the injection was reported by 17 patients in the combined group (33.3%).")]
    public void TheArmItsOwnClauseNamesBeforeAGroup(string text) => Assert.Equal("inconsistent", Verdict(text, "percentage"));

    [Theory]
    // The set just named, in up to three words, is the denominator of the count after it, whose verb may take two
    // words: 12,846/31,208 = 41.2 %; 38.2 % needs a denominator of 33,628, more than were invited.
    [InlineData("Of 31,208 eligible adults invited, 12,846 attended baseline screening (41.2%).", "consistent")]
    [InlineData("Of 31,208 eligible adults invited, 12,846 attended baseline screening (38.2%).", "inconsistent")]
    [InlineData("Sur 31 208 adultes éligibles invités, 12 846 ont été dépistés à l'inclusion (38,2 %).", "inconsistent")]
    public void TheSetJustNamedInThreeWords(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // A number right after "N des" / "N of the" is the denominator of the count before it, and a group named by a
    // number and its unit ("du groupe 15 fractions") may follow it: 24/155 = 15.5 %; 17.5 % needs 137, not 155.
    [InlineData("À 1 an, un œdème persistait chez 19 des 158 patientes du groupe 5 fractions (12,0 %) et 24 des 155 du groupe 15 fractions (15,5 %).", "consistent")]
    [InlineData("À 1 an, un œdème persistait chez 19 des 158 patientes du groupe 5 fractions (12,0 %) et 24 des 155 du groupe 15 fractions (17,5 %).", "inconsistent")]
    [InlineData("At 1 year, oedema persisted in 19 of the 158 patients of the 5-fraction group (12.0%) and 24 of the 155 of the 15 fractions group (17.5%).", "inconsistent")]
    public void ACountOfADenominatorNamedByANumberedGroup(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "percentage").Last());

    [Theory]
    // "A median of 18 of the 24 messages (IQR 11–22)": the median is 18, the 24 the messages it counts from; a median
    // of 18 is possible between quartiles 11 and 22, never below a first quartile of 19.
    [InlineData("Participants replied to a median of 18 of the 24 weekly messages (IQR 11–22).", "consistent")]
    [InlineData("Participants replied to a median of 18 of the 24 weekly messages (IQR 19–22).", "inconsistent")]
    [InlineData("Les participants ont répondu à une médiane de 18 des 24 messages hebdomadaires (EIQ 19-22).", "inconsistent")]
    public void AMedianCountOfADenominator(string text, string verdict) =>
        Assert.Equal(verdict, CheckText("Forty patients were included. " + text).Findings.Where(f => f.Check.StartsWith("quantile", StringComparison.Ordinal)).Select(f => Finding.VerdictName(f.Verdict)).Single());

    [Theory]
    // A count out of 7 nights is whole: its median is whole or a half, never 4.2.
    [InlineData("Patients slept well on a median of 4.2 of the 7 recorded nights (IQR 3–6).")]
    [InlineData("Les patients ont bien dormi une médiane de 4,2 des 7 nuits enregistrées (EIQ 3-6).")]
    public void AMedianCountOutOfAWholeNumberIsWhole(string text) => Assert.Equal("inconsistent", Verdict("Forty patients were included. " + text, "quantile"));

    [Theory]
    // Carriers are people counted: "the 14 carriers" of its own clause is the mean's n (230/14 = 16.43), not the 15
    // patients of the clause before (no whole total over 15 gives 16.43).
    [InlineData("Les 15 patients ayant récidivé ont été hospitalisés 2,40 (ET 0,63) fois, et les 14 porteurs d'un TIPS avaient un score MELD de 16,43 (ET 3,82).")]
    [InlineData("The 15 patients who relapsed were admitted 2.40 (SD 0.63) times, and the 14 carriers of a TIPS had a MELD score of 16.43 (SD 3.82).")]
    public void CarriersAreTheGroupOfTheirClause(string text) => Assert.Equal("consistent", Verdicts(text, "grim").Last());

    [Theory]
    // A mean out of a whole number of things, or of passes, partners, lessons, meetings, hypoglycaemias or
    // examinations, is a count: 61/17 = 3.59, while no whole total over 17 gives 3.56 (60/17 = 3.53, 61/17 = 3.59);
    // 755/24 = 31.46, none gives 31.47; none over 19 gives 3.45 (65/19 = 3.42, 66/19 = 3.47).
    [InlineData("The 17 patients with a tandem occlusion needed 3.59 (SD 1.12) passes of the device.", "consistent")]
    [InlineData("The 17 patients with a tandem occlusion needed 3.56 (SD 1.12) passes of the device.", "inconsistent")]
    [InlineData("The 24 teachers delivered 31.47 (SD 4.12) of the 36 planned lessons.", "inconsistent")]
    [InlineData("The 24 teachers delivered 31.46 (SD 4.12) of the 36 planned lessons.", "consistent")]
    [InlineData("Les 17 patients avec une occlusion en tandem ont eu 3,56 (ET 1,27) examens complémentaires.", "inconsistent")]
    [InlineData("Les 24 enseignants ont animé 31,47 (ET 4,12) des 36 ateliers prévus.", "inconsistent")]
    [InlineData("Les 19 patientes ont rapporté 3,45 (ET 1,87) partenaires sexuels.", "inconsistent")]
    public void AMeanOfCountedThings(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Fact]
    // "of the 36 participants" is whom the mean is of, not things counted: an age is not whole.
    public void AMeanOfThePeopleIsNoCount() =>
        Assert.NotEqual("inconsistent", Verdict("The mean age was 45.27 (SD 10.1) of the 36 participants.", "grim"));

    [Theory]
    // "per-dialytiques" is no rate "per" something: hypoglycaemias during dialysis are counted, and the second group's
    // value inherits the count (no whole total over 19 gives 2.67: 50/19 = 2.63, 51/19 = 2.68).
    [InlineData("Quarante patients ont été inclus. Les 19 patients diabétiques sous HDF ont eu 2,84 (ET 1,12) hypoglycémies per-dialytiques sur 12 mois, et les 19 patients diabétiques insulinotraités sous HD 2,67 (ET 1,04).")]
    [InlineData("Forty patients were included. The 19 diabetic patients on HDF had 2.84 (SD 1.12) hypoglycaemias during dialysis over 12 months, and the 19 insulin-treated diabetic patients on HD 2.67 (SD 1.04).")]
    public void AHyphenatedPerIsNoRate(string text) => Assert.Equal("inconsistent", Verdicts(text, "grim").Last());

    [Theory]
    // "a" before a noun is the English article, not the French verb: the second group inherits the count of partners
    // (71/24 = 2.96 and 72/24 = 3.00: no whole total over 24 gives 2.97).
    [InlineData("Forty patients were included. The 19 participants whose partner was HIV positive reported 3.42 (SD 1.87) sexual partners, and the 24 controls with such a partner 2.97 (SD 1.41).", "inconsistent")]
    [InlineData("Forty patients were included. The 19 participants whose partner was HIV positive reported 3.42 (SD 1.87) sexual partners, and the 24 controls with such a partner 2.96 (SD 1.41).", "consistent")]
    [InlineData("Quarante patients ont été inclus. Les 19 participants ont rapporté 3,42 (ET 1,87) partenaires sexuels, et les 24 témoins avec un tel partenaire 2,97 (ET 1,41).", "inconsistent")]
    public void AnArticleInTheSecondGroup(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Last());

    [Theory]
    // Counts of levels with their thousands set apart by an ordinary, a no-break or a narrow no-break space, or by a comma
    // in English, read as one number each: 7 215 + 3 046 + 2 147 = 12 408; 7 215 + 3 046 + 2 247 = 12 508 > 12 408.
    [InlineData("Les 12 408 patients inclus étaient au stade KDIGO 1 pour 7 215, stade 2 pour 3\u00A0046 et stade 3 pour 2\u202F147.", "consistent")]
    [InlineData("Les 12 408 patients inclus étaient au stade KDIGO 1 pour 7 215, stade 2 pour 3\u00A0046 et stade 3 pour 2\u202F247.", "inconsistent")]
    [InlineData("Of the 2,418 patients, 1,512 were men and 906 women.", "consistent")]
    [InlineData("Of the 2,418 patients, 1,612 were men and 906 women.", "inconsistent")]
    [InlineData("L'échantillon comptait 4 512 filles et 4 702 garçons parmi les 9 214 élèves.", "consistent")]
    [InlineData("L'échantillon comptait 4 512 filles et 4 802 garçons parmi les 9 214 élèves.", "inconsistent")]
    // The stays a registry included are the total of the levels counted in its sentence; a gender given otherwise is a level of sex.
    [InlineData("Le registre a inclus 12 408 séjours avec une insuffisance rénale aiguë : stade KDIGO 1 pour 7 215, stade 2 pour 3 046 et stade 3 pour 2 147.", "consistent")]
    [InlineData("Le registre a inclus 12 408 séjours avec une insuffisance rénale aiguë : stade KDIGO 1 pour 7 215, stade 2 pour 3 146 et stade 3 pour 2 147.", "inconsistent")]
    [InlineData("The registry included 12,408 stays with acute kidney injury: stage 1 in 7,215, stage 2 in 3,146 and stage 3 in 2,147.", "inconsistent")]
    [InlineData("Of the 3,418 participants, 2,041 were women, 1,329 men and 48 gave another gender.", "consistent")]
    [InlineData("Of the 3,418 participants, 2,041 were women, 1,349 men and 48 gave another gender.", "inconsistent")]
    [InlineData("Sur les 3 418 participants, 2 041 étaient des femmes, 1 349 des hommes et 48 ont déclaré un autre genre.", "inconsistent")]
    // Denominators of other counts are no levels' counts: no list of smokers to check.
    [InlineData("Among the 1,157 participants, cancer was detected in 172 of 9,114 current smokers (1.9%) and 42 of 3,732 former smokers (1.1%).", null)]
    [InlineData("Parmi les 1 157 participants, un cancer a été détecté chez 172 des 9 114 fumeurs actifs (1,9 %) et 42 des 3 732 anciens fumeurs (1,1 %).", null)]
    public void CategoryCountsWithThousands(string text, string? verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // The level of a stage or grade among the words after a denominator: 904/2147 = 42.1 %, so 44.9 % is impossible.
    [InlineData("Au total, 904 des 2 147 patients de stade 3 (42,1 %) étaient des femmes.", "consistent")]
    [InlineData("Au total, 904 des 2 147 patients de stade 3 (44,9 %) étaient des femmes.", "inconsistent")]
    [InlineData("Overall, 904 of the 2,147 patients with stage 3 (42.1%) were women.", "consistent")]
    [InlineData("Overall, 904 of the 2,147 patients with stage 3 (44.9%) were women.", "inconsistent")]
    public void ADenominatorNamedWithItsStage(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // The word median between the value and its range, and a range after the quartiles in one bracket: a minimum above
    // Q1 or a median below the minimum no data give.
    [InlineData("La durée de séjour était de 12 jours en médiane (extrêmes 3-64) chez les patients dénutris.", "consistent")]
    [InlineData("La durée de séjour était de 12 jours en médiane (extrêmes 13-64) chez les patients dénutris.", "inconsistent")]
    [InlineData("The length of stay was 12 days in median (range 13–64) in malnourished patients.", "inconsistent")]
    [InlineData("L'hospitalisation a duré 6 jours en médiane (Q1-Q3 : 4-9 ; extrêmes 2-31).", "consistent")]
    [InlineData("L'hospitalisation a duré 6 jours en médiane (Q1-Q3 : 4-9 ; extrêmes 5-31).", "inconsistent")]
    [InlineData("The hospital stay lasted 6 days (IQR 4–9; range 2–31).", "consistent")]
    [InlineData("The hospital stay lasted 6 days (IQR 4–9; range 5–31).", "inconsistent")]
    public void MedianWordAfterTheValueAndRangeWithQuartiles(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "quantile_order"));

    [Fact]
    // A range after a mean stays no median's.
    public void ARangeAfterAMeanIsNoMedians() =>
        Assert.Null(Verdict("The mean stay was 12.4 days (range 13–64).", "quantile_order"));

    [Theory]
    // A bracket with the percentage first, then its count and denominator: 31/81 = 38.3 %, 19/81 = 23.5 %.
    [InlineData("Quatre-vingt-un patients ont été inclus. Une somnolence a été rapportée sous baclofène (38,3 %, n = 31 sur 81).", "consistent")]
    [InlineData("Quatre-vingt-un patients ont été inclus. Des vertiges ont été rapportés sous baclofène (22,4 %, n = 19 sur 81).", "inconsistent")]
    [InlineData("Eighty-one patients were included. Somnolence was reported with baclofen (38.3%, n = 31/81).", "consistent")]
    [InlineData("Eighty-one patients were included. Dizziness was reported with baclofen (22.4%; n = 19/81).", "inconsistent")]
    [InlineData("Eighty-one patients were included. Dizziness was reported with baclofen (23.5%; n = 19).", "consistent")]
    public void PercentageThenItsCountInOneBracket(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // The one arm the counts' clause names gives their total: 16 + 10 = 26 patients cannot be of the 24 given vehicle.
    [InlineData("Seventy-two adults were randomized to tozacitinib (n = 48) or vehicle (n = 24). Disease was moderate in 31 and severe in 17 in the tozacitinib group, and moderate in 16 and severe in 10 in the vehicle group.", "inconsistent")]
    [InlineData("Seventy-two adults were randomized to tozacitinib (n = 48) or vehicle (n = 24). Disease was moderate in 31 and severe in 17 in the tozacitinib group, and moderate in 16 and severe in 8 in the vehicle group.", "consistent")]
    [InlineData("Soixante-douze patients ont été randomisés entre le tozacitinib (n = 48) et le placebo (n = 24). L'atteinte était modérée chez 31 et sévère chez 17 dans le groupe tozacitinib, et modérée chez 16 et sévère chez 10 dans le groupe placebo.", "inconsistent")]
    [InlineData("Soixante-douze patients ont été randomisés entre le tozacitinib (n = 48) et le placebo (n = 24). L'atteinte était modérée chez 31 et sévère chez 17 dans le groupe tozacitinib, et modérée chez 16 et sévère chez 8 dans le groupe placebo.", "consistent")]
    // The people the sentence's "of the" names, workers or nurses as well as patients: 318 + 71 + 29 = 418 > 412.
    [InlineData("Of the 412 workers with AKI, 318 had stage 1, 71 stage 2 and 29 stage 3.", "inconsistent")]
    [InlineData("Of the 412 workers with AKI, 312 had stage 1, 71 stage 2 and 29 stage 3.", "consistent")]
    [InlineData("Parmi les 412 soignants atteints, 318 avaient un stade 1, 71 un stade 2 et 29 un stade 3.", "inconsistent")]
    public void CategoryCountsOfTheArmTheirClauseNames(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "category_counts").Last());

    [Fact]
    // Two arms named in one clause give no total: the counts may be of both.
    public void CategoryCountsOverTwoArmsHaveNoArmTotal() =>
        Assert.DoesNotContain("inconsistent", Verdicts("Forty-eight adults were randomized to tozacitinib (n = 24) or vehicle (n = 24). In the tozacitinib and vehicle groups together, disease was moderate in 30 and severe in 10.", "category_counts"));

    [Theory]
    // Nodules, lines of therapy, interviews, antiepileptic drugs and affected joints are counted whole: no whole total
    // over 13 gives 2.43 (31/13 = 2.38, 32/13 = 2.46), 30/13 = 2.31 does; none over 9 gives 2.58 (23/9 = 2.56, 24/9 = 2.67).
    [InlineData("The 13 patients on cannabidiol took 2.43 (SD 0.78) antiepileptic drugs.", "inconsistent")]
    [InlineData("The 13 patients on cannabidiol took 2.31 (SD 0.78) antiepileptic drugs.", "consistent")]
    [InlineData("Les 13 patients sous cannabidiol prenaient 2,43 (ET 0,78) antiépileptiques.", "inconsistent")]
    [InlineData("The 13 patients with cancer had 2.43 (SD 0.71) nodules on their baseline scan.", "inconsistent")]
    [InlineData("The 13 patients with an FGFR2 fusion had received 2.43 (SD 0.73) prior lines of therapy.", "inconsistent")]
    [InlineData("Les 9 patients porteurs de tophus avaient 2,58 (ET 1,12) articulations atteintes.", "inconsistent")]
    [InlineData("Les 9 adolescents placés en foyer ont eu 2,58 (ET 0,69) entretiens familiaux.", "inconsistent")]
    [InlineData("Les 9 adolescents placés en foyer ont eu 2,56 (ET 0,69) entretiens familiaux.", "consistent")]
    public void MeansOfMoreCountedThings(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // A pronoun opening the mean's clause is the group counted at the opening of its sentence or of the one before: no
    // whole total over 12 gives 5.46 (65/12 = 5.42, 66/12 = 5.50), 5.42 is given; none over 23 gives 1.37 (31/23 = 1.35,
    // 32/23 = 1.39).
    [InlineData("Sixty patients were enrolled. Twelve patients had their injections spaced for neutropenia; they received a mean of 5.46 (SD 1.02) further injections.", "inconsistent")]
    [InlineData("Sixty patients were enrolled. Twelve patients had their injections spaced for neutropenia; they received a mean of 5.42 (SD 1.02) further injections.", "consistent")]
    [InlineData("Soixante patients ont été inclus. Douze patients ont interrompu le traitement : 5 pour une exacerbation et 7 sans motif ; ils avaient assisté à 4,26 (DS 0,38) séances en moyenne.", "inconsistent")]
    [InlineData("Sixty patients were enrolled. In clinical remission, 23 patients had their dose reduced. In the year before inclusion, they had had a mean of 1.37 (SD 0.88) flares.", "inconsistent")]
    [InlineData("Sixty patients were enrolled. In clinical remission, 23 patients had their dose reduced. In the year before inclusion, they had had a mean of 1.39 (SD 0.88) flares.", "consistent")]
    public void APronounIsTheGroupCountedBefore(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Fact]
    // Two groups counted in the clause the pronoun refers to: "they" is both, so neither's n is the mean's.
    public void APronounAfterTwoGroupsHasNoN() =>
        Assert.NotEqual("inconsistent", Verdict("Twelve patients in the drug group and 10 with placebo had their injections spaced; they received a mean of 5.46 (SD 1.02) further injections.", "grim"));

    [Theory]
    // Counts with their thousands set apart in a table's cells and in a column of each row's n headed by the people it
    // counts: 517/3745 = 13.8 %, 1622/3291 = 49.3 %; 10.8 % of 517 needs 4787 people at least, more than 3745, and 47.3 %
    // of 1622 needs 3429, more than 3291.
    [InlineData("Table 2. Current use by school grade\n\nGrade  Students, n  Current use, n (%)\nGrade 8  3,812  312 (8.2)\nGrade 9  3,745  517 (13.8)\n", "consistent")]
    [InlineData("Table 2. Current use by school grade\n\nGrade  Students, n  Current use, n (%)\nGrade 8  3,812  312 (8.2)\nGrade 9  3,745  517 (10.8)\n", "inconsistent")]
    [InlineData("Les élèves des écoles et des classes ont été inclus dans les deux groupes.\n\nTableau 2. Usage actuel par classe\n\nClasse  Élèves, n  Usage actuel, n (%)\nQuatrième  3 812  312 (8,2)\nTroisième  3 745  517 (10,8)\n", "inconsistent")]
    [InlineData("| Characteristic | Intervention (n = 3,291) | Control (n = 3,191) |\n|---|---|---|\n| Girls, n (%) | 1,622 (49.3) | 1,588 (49.8) |\n", "consistent")]
    [InlineData("| Characteristic | Intervention (n = 3,291) | Control (n = 3,191) |\n|---|---|---|\n| Girls, n (%) | 1,622 (47.3) | 1,588 (49.8) |\n", "inconsistent")]
    [InlineData("Les élèves des écoles et des classes ont été inclus dans les deux groupes.\n\n| Caractéristique | Intervention (n = 3 291) | Témoin (n = 3 191) |\n|---|---|---|\n| Filles, n (%) | 1 622 (47,3) | 1 588 (49,8) |\n", "inconsistent")]
    public void TableCountsWithThousands(string text, string verdict) =>
        Assert.Equal(verdict, Verdicts(text, "percentage").Contains("inconsistent") ? "inconsistent" : Verdicts(text, "percentage").All(v => v == "consistent") && Verdicts(text, "percentage").Count > 0 ? "consistent" : "none");

    [Theory]
    // Up to five words between a median and its quartiles: a median below its Q1 no data give. And a median of whole
    // days in the singular ("1,7 jour") with whole quartiles: whole data give a whole or half median, never 1.7.
    [InlineData("The first flare came a median of 41 days after the first infusion (IQR 45–90).", "quantile_order", "inconsistent")]
    [InlineData("The first flare came a median of 51 days after the first infusion (IQR 45–90).", "quantile_order", "consistent")]
    [InlineData("La première poussée est survenue après une médiane de 41 jours après la perfusion (Q1-Q3 : 45-90).", "quantile_order", "inconsistent")]
    [InlineData("Quarante patients ont été inclus. Le drain a été laissé 1,7 jour en médiane (Q1-Q3 : 1-2).", "quantile", "inconsistent")]
    [InlineData("Quarante patients ont été inclus. Le drain a été laissé 1,5 jour en médiane (Q1-Q3 : 1-2).", "quantile_order", "consistent")]
    [InlineData("Forty patients were included. The drain stayed in place for a median of 1.7 day (IQR 1–2).", "quantile", "inconsistent")]
    public void MedianWordsBeforeTheQuartiles(string text, string check, string verdict) => Assert.Equal(verdict, Verdict(text, check));

    [Fact]
    // Each median with its own quartiles when the word follows the value: 7 below its Q1 of 8, 8 inside 5–14.
    public void EachMedianNamedAfterItsValueHasItsQuartiles() =>
        Assert.Equal(new[] { "inconsistent", "consistent" }, Verdicts("La durée d'hospitalisation était de 7 jours en médiane (Q1-Q3 : 8-12) sous rifaximine et de 8 jours en médiane (Q1-Q3 : 5-14) sous lactulose.", "quantile_order"));

    [Theory]
    // A named median with bare limits and an accented unit: 21 below its lower limit of 22 no data give.
    [InlineData("Les coureurs ont suivi une médiane de 21 séances [22 ; 24] sur les 24 prévues.", "inconsistent")]
    [InlineData("Les coureurs ont suivi une médiane de 22 séances [19 ; 24] sur les 24 prévues.", "consistent")]
    [InlineData("The runners attended a median of 21 sessions [22–24] of the 24 planned.", "inconsistent")]
    public void NamedMedianWithAnAccentedUnit(string text, string verdict)
    {
        var findings = CheckText(text).Findings.Where(f => f.Check is "quantile_order" or "quantile").Select(f => Finding.VerdictName(f.Verdict)).ToList();
        Assert.NotEmpty(findings);
        Assert.Equal(verdict == "inconsistent", findings.Contains("inconsistent"));
    }

    [Theory]
    // A group named by "with" or "ayant" after its count is the n of the mean in its clause, not the sentence's first
    // group: 42/24 = 1.75 (the 17 first named would allow 1.71 or 1.76 only); no whole total over 24 gives 1.73
    // (41/24 = 1.71, 42/24 = 1.75).
    [InlineData("The 17 patients who started dialysis had 2.53 (SD 1.12) hospital admissions, and the 24 with gout attacks had 1.75 (SD 0.94) attacks each.", "consistent")]
    [InlineData("The 17 patients who started dialysis had 2.53 (SD 1.12) hospital admissions, and the 24 with gout attacks had 1.73 (SD 0.94) attacks each.", "inconsistent")]
    [InlineData("Les 17 patients dialysés ont eu 2,53 (ET 1,12) hospitalisations, et les 24 ayant une goutte ont eu 1,75 (ET 0,94) poussées chacun.", "consistent")]
    [InlineData("Les 17 patients dialysés ont eu 2,53 (ET 1,12) hospitalisations, et les 24 avec une goutte ont eu 1,73 (ET 0,94) poussées chacun.", "inconsistent")]
    public void AGroupNamedByWithIsTheMeansN(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Last());

    [Theory]
    // A percentage a comparison closes is a threshold, not a share of the arm whose n follows: 92 % of 72 needs 66.24
    // patients, no whole count.
    [InlineData("A total of 144 infants with an oxygen saturation below 92% received high-flow oxygen (n = 72) or standard oxygen (n = 72).")]
    [InlineData("Au total, 144 nourrissons avec une saturation inférieure à 92 % ont reçu une oxygénothérapie à haut débit (n = 72) ou standard (n = 72).")]
    [InlineData("Les patients avec une fraction d'éjection inférieure ou égale à 40 % ont été suivis (n = 51).")]
    public void APercentageThresholdIsNoShare(string text) => Assert.Empty(Verdicts(text, "percentage"));

    [Theory]
    // A count of people qualified in a few words, then their verb and a level, is that level's count, not a total: 97 +
    // 118 + 23 = 238 patients, more than the 220 randomised.
    [InlineData("Of the 238 patients randomised, 97 patients under telemonitoring were in NYHA class II, 118 in class III and 23 in class IV.", "consistent")]
    [InlineData("Of the 220 patients randomised, 97 patients under telemonitoring were in NYHA class II, 118 in class III and 23 in class IV.", "inconsistent")]
    [InlineData("Sur les 220 patients randomisés, 97 patients sous télésurveillance étaient en classe NYHA II, 118 en classe III et 23 en classe IV.", "inconsistent")]
    [InlineData("Sur les 238 patients randomisés, 97 patients sous télésurveillance étaient en classe NYHA II, 118 en classe III et 23 en classe IV.", "consistent")]
    public void AQualifiedCountThenItsLevel(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // Words between "en médiane" and the quartiles: a median of 9 below its Q1 of 12 no data give; 14 lies within 12–30.
    [InlineData("La première alerte est survenue 9 jours en médiane après la sortie (Q1-Q3 : 12-30).", "inconsistent")]
    [InlineData("La première alerte est survenue 14 jours en médiane après la sortie (Q1-Q3 : 12-30).", "consistent")]
    [InlineData("L'embolisation a été faite 3 jours en médiane après la chirurgie (extrêmes 4-16).", "inconsistent")]
    [InlineData("The first alert came 9 days in median after discharge (IQR 12–30).", "inconsistent")]
    [InlineData("The first alert came 14 days in median after discharge (IQR 12–30).", "consistent")]
    public void WordsAfterEnMediane(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "quantile_order"));

    [Theory]
    // A second group named by "with" or in up to six words, its verb and measure left out, measures the count the first
    // one did: no whole total over 14 gives 2.10 (29/14 = 2.07, 30/14 = 2.14), none over 25 gives 1.66 (41/25 = 1.64,
    // 42/25 = 1.68).
    [InlineData("The 30 infants given phototherapy had 2.40 (SD 0.61) further bilirubin measurements, and the 14 with a glucose-6-phosphate dehydrogenase deficiency 2.10 (SD 0.28).", "inconsistent")]
    [InlineData("The 30 infants given phototherapy had 2.40 (SD 0.61) further bilirubin measurements, and the 14 with a glucose-6-phosphate dehydrogenase deficiency 2.14 (SD 0.28).", "consistent")]
    [InlineData("Les 17 patients ayant eu un traumatisme crânien ont eu 2,41 (DS 0,98) passages aux urgences dans l'année, et les 25 patients mineurs lors de leur première ivresse 1,66 (DS 0,81).", "inconsistent")]
    [InlineData("Les 17 patients ayant eu un traumatisme crânien ont eu 2,41 (DS 0,98) passages aux urgences dans l'année, et les 25 patients mineurs lors de leur première ivresse 1,64 (DS 0,81).", "consistent")]
    [InlineData("Les 30 nourrissons ont reçu 2,40 (ET 0,61) aérosols, et les 14 ayant une surinfection bactérienne 2,10 (ET 0,28).", "inconsistent")]
    public void ASecondGroupByWithOrInMoreWords(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Last());

    [Theory]
    // Things a patient has a whole number of: aerosols, blood gases, radiographs, restorations, alerts, treatments,
    // infections. No whole total over 12 gives 2.60 (31/12 = 2.58, 32/12 = 2.67).
    [InlineData("Les 12 nourrissons ayant eu des apnées ont reçu 2,60 (ET 1,16) aérosols.", "inconsistent")]
    [InlineData("Les 12 nourrissons ayant eu des apnées ont reçu 2,58 (ET 1,16) aérosols.", "consistent")]
    [InlineData("Les 12 patients de plus de 75 ans ont eu 2,60 (ET 1,19) infections cutanées.", "inconsistent")]
    [InlineData("The 12 children who missed school needed 2.60 (SD 0.87) restorations.", "inconsistent")]
    [InlineData("The 12 children who missed school needed 2.58 (SD 0.87) restorations.", "consistent")]
    [InlineData("The 12 patients in class IV triggered 2.60 (SD 0.87) alerts.", "inconsistent")]
    public void MeansOfCountedCareItems(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // Things that "numbered" a median, or "étaient au nombre de", are counted: a median of whole counts is whole or a
    // half, never 1.3; over a period ("a week") it is a rate and may be anything.
    [InlineData("Hospital admissions for any cause numbered a median of 0 (IQR 0–1) with finerenone and a median of 1.3 (IQR 0–2) with placebo.", "inconsistent")]
    [InlineData("Hospital admissions for any cause numbered a median of 0 (IQR 0–1) with finerenone and a median of 1.5 (IQR 0–2) with placebo.", "consistent")]
    [InlineData("Les hospitalisations étaient au nombre de 1,3 en médiane (Q1-Q3 : 0-2) sous placebo.", "inconsistent")]
    [InlineData("Les hospitalisations étaient au nombre de 1,5 en médiane (Q1-Q3 : 0-2) sous placebo.", "consistent")]
    public void ThingsThatNumberedAMedian(string text, string verdict)
    {
        var verdicts = Verdicts(text, "quantile");
        Assert.NotEmpty(verdicts);
        Assert.Equal(verdict == "inconsistent", verdicts.Contains("inconsistent"));
    }

    [Fact]
    public void ThingsThatNumberedAMedianOverAPeriodAreARate() =>
        Assert.Empty(Verdicts("Pump alarms numbered a median of 7.3 (IQR 4–11) a week. Feeds numbered a median of 9.3 a day (IQR 8–10).", "quantile"));

    [Theory]
    // A cell's denominator with its thousands set apart: 1,384/4,419 = 31.3 %, never 30.0 %; 2,216/8,167 = 27.1 %.
    [InlineData("Table 2. Vaccination at 6 months by subgroup\n\nSubgroup  Reminder  Usual care  p\nAged 75 years or more, n/N (%)  2,216/8,167 (27.1)  1,384/4,419 (31.3)  <0.001\n", "consistent")]
    [InlineData("Table 2. Vaccination at 6 months by subgroup\n\nSubgroup  Reminder  Usual care  p\nAged 75 years or more, n/N (%)  2,216/8,167 (27.1)  1,384/4,419 (30.0)  <0.001\n", "inconsistent")]
    [InlineData("Tableau 2. Vaccination à 6 mois par sous-groupe\n\nSous-groupe  Rappel  Soins usuels  p\n75 ans ou plus, n/N (%)  2 216/8 167 (27,1)  1 384/4 419 (30,0)  < 0,001\n", "inconsistent")]
    [InlineData("Tableau 2. Vaccination à 6 mois par sous-groupe\n\nSous-groupe  Rappel  Soins usuels  p\n75 ans ou plus, n/N (%)  2 216/8 167 (27,1)  1 384/4 419 (31,3)  < 0,001\n", "consistent")]
    public void TableCellDenominatorWithThousands(string text, string verdict)
    {
        var verdicts = Verdicts(text, "percentage");
        Assert.Equal(2, verdicts.Count);
        Assert.Equal(verdict == "inconsistent", verdicts.Contains("inconsistent"));
    }

    [Theory]
    // A table row named by the things it counts is integer-valued: a median of whole counts is whole or a half, never
    // 1.3 (a length in cm is not counted).
    [InlineData("Table 1. Baseline characteristics\n\n| Characteristic | Home (n = 147) | Hospital (n = 149) |\n|---|---|---|\n| Siblings at home, median (IQR) | 1 (0–1) | 1.3 (0–2) |\n", "inconsistent")]
    [InlineData("Table 1. Baseline characteristics\n\n| Characteristic | Home (n = 147) | Hospital (n = 149) |\n|---|---|---|\n| Siblings at home, median (IQR) | 1 (0–1) | 1.5 (0–2) |\n", "consistent")]
    [InlineData("Tableau 1. Caractéristiques initiales\n\n| Caractéristique | HbSS (n = 115) | HbSC (n = 21) |\n|---|---|---|\n| Crises l'année précédente, médiane [Q1 ; Q3] | 2 [1 ; 4] | 1,3 [0 ; 2] |\n", "inconsistent")]
    [InlineData("Tableau 1. Caractéristiques initiales\n\n| Caractéristique | HbSS (n = 115) | HbSC (n = 21) |\n|---|---|---|\n| Crises l'année précédente, médiane [Q1 ; Q3] | 2 [1 ; 4] | 1 [0 ; 2] |\n", "consistent")]
    [InlineData("Table 1. Baseline characteristics\n\n| Characteristic | Home (n = 147) | Hospital (n = 149) |\n|---|---|---|\n| Lesion length, cm, median (IQR) | 1 (0–1) | 1.3 (0–2) |\n", "consistent")]
    public void ATableRowNamedByWhatItCounts(string text, string verdict)
    {
        var findings = CheckText(text).Findings.Where(f => f.Check is "quantile" or "quantile_order").Select(f => Finding.VerdictName(f.Verdict)).ToList();
        Assert.NotEmpty(findings);
        Assert.Equal(verdict == "inconsistent", findings.Contains("inconsistent"));
    }

    [Theory]
    // Things counted as the sentence's subject, the median right after "had a median of" or a colon: a median of whole
    // counts is whole or a half, never 3.7; a time the subject lasted is no count.
    [InlineData("Nights with itch-related sleep loss in the week before baseline had a median of 4 (IQR 2–6) in the dupilumab group and 3.7 (IQR 2–6) in the placebo group.", "inconsistent")]
    [InlineData("Nights with itch-related sleep loss in the week before baseline had a median of 4 (IQR 2–6) in the dupilumab group and 3.5 (IQR 2–6) in the placebo group.", "consistent")]
    [InlineData("Missed doses in the last week: median 2 (IQR 1–4) vs 3.7 (IQR 2–6).", "inconsistent")]
    [InlineData("Les doses oubliées la dernière semaine avaient une médiane de 2 (Q1-Q3 : 1-4) sous rappel et de 3,7 (Q1-Q3 : 2-6) sans rappel.", "inconsistent")]
    [InlineData("Les doses oubliées la dernière semaine avaient une médiane de 2 (Q1-Q3 : 1-4) sous rappel et de 3,5 (Q1-Q3 : 2-6) sans rappel.", "consistent")]
    [InlineData("Visits had a median of 23.4 minutes (IQR 15–30).", "consistent")]
    // "were a median of", "averaged", "étaient en médiane de": the things counted as the subject still; never with a unit after.
    [InlineData("We included 40 patients. Hospital admissions were a median of 2.3 (IQR 1–4).", "inconsistent")]
    [InlineData("We included 40 patients. Hospital admissions were a median of 2.5 (IQR 1–4).", "consistent")]
    [InlineData("Nous avons inclus 40 patients. Les hospitalisations antérieures étaient en médiane de 2,3 (Q1-Q3 : 1-4).", "inconsistent")]
    [InlineData("We included 40 patients. Lesions were a median of 2.3 (IQR 1–4) mm.", "consistent")]
    public void ThingsCountedAsTheSubject(string text, string verdict)
    {
        var findings = CheckText(text).Findings.Where(f => f.Check is "quantile" or "quantile_order").Select(f => Finding.VerdictName(f.Verdict)).ToList();
        Assert.NotEmpty(findings);
        Assert.Equal(verdict == "inconsistent", findings.Contains("inconsistent"));
    }

    [Theory]
    // A bare Wilcoxon comparing two groups is a rank-sum test and leaves the paper's within-patient p values to be
    // checked: 6.8 ± 1.9 to 3.2 ± 2.1 in 40 patients gives p < .001 at any correlation, never .44. A signed-rank test
    // named for paired data leaves them unchecked.
    [InlineData("Patient-reported edema improved more with finerenone (Wilcoxon z = 2.51, P = .012). In the 40 patients with uremic pruritus at baseline, itch intensity (0–10, whole points) fell from 6.8 ± 1.9 to 3.2 ± 2.1 (P = .44).", "inconsistent")]
    [InlineData("Paired data were compared with the Wilcoxon signed-rank test. In the 40 patients with uremic pruritus at baseline, itch intensity (0–10, whole points) fell from 6.8 ± 1.9 to 3.2 ± 2.1 (P = .44).", "not_checkable")]
    [InlineData("Le score de Rankin à 90 jours était plus faible après thrombectomie (test de Wilcoxon, z = 2,51 ; p = 0,012). Chez les 40 patients prurigineux à l'inclusion, l'intensité du prurit (0-10, points entiers) est passée de 6,8 ± 1,9 à 3,2 ± 2,1 (p = 0,44).", "inconsistent")]
    [InlineData("Les données appariées ont été comparées par le test des rangs signés de Wilcoxon. Chez les 40 patients prurigineux à l'inclusion, l'intensité du prurit (0-10, points entiers) est passée de 6,8 ± 1,9 à 3,2 ± 2,1 (p = 0,44).", "not_checkable")]
    public void ARankSumTestBetweenGroups(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "within_patient_p"));

    [Theory]
    // The group named after the second visit's mean, before its p, is the comparison's, not the group of the clause
    // before: in 21 patients 5.0 ± 2.7 to 4.6 ± 2.8 gives p = .64 at no correlation (consistent), in 84 at most .49.
    [InlineData("Pain, rated on a 0–10 scale in whole points, fell from 5.2 ± 2.6 to 2.9 ± 2.4 in the 84 methotrexate completers (P < .001) and from 5.0 ± 2.7 to 4.6 ± 2.8 in the 21 placebo completers (P = .63).", "consistent")]
    [InlineData("La douleur, cotée de 0 à 10 en points entiers, est passée de 5,2 ± 2,6 à 2,9 ± 2,4 chez les 84 patients traités (p < 0,001) et de 5,0 ± 2,7 à 4,6 ± 2,8 chez les 21 patients sous placebo (p = 0,63).", "consistent")]
    [InlineData("Pain, rated on a 0–10 scale in whole points, fell from 5.2 ± 2.6 to 2.9 ± 2.4 in the 84 methotrexate completers (P < .001) and from 5.0 ± 2.7 to 4.6 ± 2.8 in the 21 placebo completers (P = .93).", "inconsistent")]
    public void TheGroupAfterTheSecondMeanIsTheComparisons(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "within_patient_p").Last());

    [Theory]
    // An arm named before a measure whose name holds a digit (PCL-5) is the comparison's: in 51 patients a fall from
    // 52.4 ± 11.2 to 28.7 ± 15.6 gives p < .001 at any correlation, never .29.
    [InlineData("Of the 100 adults enrolled, 51 were assigned to EMDR and 49 to CBT. With EMDR, the PCL-5 fell from 52.4 ± 11.2 to 28.7 ± 15.6 (p = 0.29).", "inconsistent")]
    [InlineData("Of the 100 adults enrolled, 51 were assigned to EMDR and 49 to CBT. With EMDR, the PCL-5 fell from 52.4 ± 11.2 to 28.7 ± 15.6 (p < 0.001).", "consistent")]
    [InlineData("Cent adultes ont été répartis par tirage au sort entre l'EMDR (n = 51) et la TCC (n = 49). Sous EMDR, la PCL-5 passait de 52,4 ± 11,2 à 28,7 ± 15,6 (p = 0,29).", "inconsistent")]
    public void AnArmBeforeAMeasureNamedWithADigit(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "within_patient_p"));

    [Theory]
    // A bracket with the count and its denominator, then the percentage: 11/14 = 78.6 %, never 73.6 %.
    [InlineData("Les 14 échecs sous haut débit ont été transférés en réanimation (n = 11 sur 14 ; 78,6 %).", "consistent")]
    [InlineData("Les 14 échecs sous haut débit ont été transférés en réanimation (n = 11 sur 14 ; 73,6 %).", "inconsistent")]
    [InlineData("The 14 failures on high flow were transferred to intensive care (n = 11/14; 73.6%).", "inconsistent")]
    [InlineData("The 14 failures on high flow were transferred to intensive care (11 of 14, 78.6%).", "consistent")]
    public void ACountAndItsDenominatorThenThePercentageInABracket(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));
    [Theory]
    // A correlation's n in the bracket right after its p gives its df (n − 2): r = −0.11 with 469 pairs gives p = 0.017, never 0.56.
    [InlineData("Screen time was weakly related to sleep duration (r = −0.11, p=0.017 (n = 469)).", "consistent")]
    [InlineData("Screen time was weakly related to sleep duration (r = −0.11, p=0.56 (n = 469)).", "inconsistent")]
    [InlineData("Le temps d'écran était faiblement corrélé à la durée de sommeil (r = −0,11 ; p = 0,56 [n = 469]).", "inconsistent")]
    [InlineData("Le temps d'écran était faiblement corrélé à la durée de sommeil (r = −0,11 ; p = 0,017 (n = 469)).", "consistent")]
    // Spearman's rho with its n, p from the t approximation (n − 2 df): rho = 0.31 in 120 pairs gives p = 0.0006, never 0.5;
    // below 50 pairs an exact p may differ, so it is not checked.
    [InlineData("Age was related to the score (Spearman's rho = 0.31, p < 0.001 (n = 120)).", "consistent")]
    [InlineData("Age was related to the score (Spearman's rho = 0.31, p = 0.5 (n = 120)).", "inconsistent")]
    [InlineData("Weight was related to the score (rs = 0.31, p = 0.5, n = 120).", "inconsistent")]
    [InlineData("L'âge était corrélé au score (ρ = 0,31 ; p = 0,5 ; n = 120).", "inconsistent")]
    [InlineData("Weight was related to the score (rs = 0.65, p = 0.05, n = 10).", null)]
    public void ACorrelationsNInTheBracketAfterItsP(string text, string? verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));
    [Theory]
    // Things named in a plural are counted one by one, whatever they are: a median of 40 counts is whole or a half, never
    // 2.3; a mean of 14 counts is a total over 14 (29/14 = 2.07, no total gives 2.09). Never a rate ("per month", "par
    // an"), a unit or a time ("pack-years", "litres"), cells in a sample ("platelets") or people.
    [InlineData("We included 40 patients. They had a median of 2.3 (IQR 1–4) emergency department presentations during follow-up.", "inconsistent")]
    [InlineData("We included 40 patients. They had a median of 2.5 (IQR 1–4) emergency department presentations during follow-up.", "consistent")]
    [InlineData("We included 40 patients. The sensory block covered a median of 4.3 dermatomes (range 2–7).", "inconsistent")]
    [InlineData("Nous avons inclus 40 patients. Ils avaient eu 2,3 décompensations en médiane (Q1-Q3 : 1-4).", "inconsistent")]
    [InlineData("Nous avons inclus 40 patients. Ils avaient eu 2,5 décompensations en médiane (Q1-Q3 : 1-4).", "consistent")]
    [InlineData("Nous avons inclus 40 patients. Ils avaient reçu 3,7 modèles de protections en médiane (Q1-Q3 : 2-5).", "inconsistent")]
    [InlineData("We included 40 patients. They had a median of 2.3 (IQR 1–4) emergency department presentations per month.", "consistent")]
    [InlineData("We included 40 patients. They had smoked a median of 23.4 (IQR 12–40) pack-years.", "consistent")]
    [InlineData("We included 40 patients. They drank a median of 2.3 (IQR 1–4) litres.", "consistent")]
    [InlineData("We included 40 patients. Visual acuity improved by a median of 2.3 (IQR 1–4) logMAR lines.", "consistent")]
    [InlineData("Nous avons inclus 40 patients. L'acuité visuelle avait gagné 2,3 lignes en médiane (Q1-Q3 : 1-4).", "consistent")]
    [InlineData("We included 40 patients. They had received a median of 2.3 (IQR 1–4) prior lines of therapy.", "inconsistent")]
    [InlineData("Nous avons inclus 40 patients. Ils avaient eu 2,3 décompensations par an en médiane (Q1-Q3 : 1-4).", "consistent")]
    [InlineData("Table 1. Baseline characteristics\n\n| Characteristic | Drug (n = 20) | Placebo (n = 20) |\n|---|---|---|\n| Emergency presentations, median (IQR) | 1.3 (0–2) | 1 (0–2) |\n", "inconsistent")]
    [InlineData("Tableau 1. Caractéristiques initiales\n\n| Caractéristique | Médicament (n = 20) | Placebo (n = 20) |\n|---|---|---|\n| Décompensations antérieures, médiane (Q1-Q3) | 1,3 (0-2) | 1 (0-2) |\n", "inconsistent")]
    [InlineData("Table 1. Baseline characteristics\n\n| Characteristic | Drug (n = 20) | Placebo (n = 20) |\n|---|---|---|\n| Platelets, median (IQR) | 231.5 (180–290) | 240 (190–301) |\n", "consistent")]
    public void AMedianOfThingsNamedInAPlural(string text, string verdict)
    {
        var findings = CheckText(text).Findings.Where(f => f.Check is "quantile" or "quantile_order").Select(f => Finding.VerdictName(f.Verdict)).ToList();
        Assert.NotEmpty(findings);
        Assert.Equal(verdict == "inconsistent", findings.Contains("inconsistent"));
    }

    [Theory]
    // A mean of things named in a plural, its n stated: 29 presentations over 14 patients give 2.07, no total gives 2.09.
    [InlineData("The 14 patients with a second transplant had 2.07 (SD 0.88) emergency presentations during the year.", "consistent")]
    [InlineData("The 14 patients with a second transplant had 2.09 (SD 0.88) emergency presentations during the year.", "inconsistent")]
    [InlineData("Les 14 patients ayant eu une seconde greffe avaient eu 2,09 (ET 0,88) décompensations dans l'année.", "inconsistent")]
    [InlineData("The 14 patients with a second transplant had 2.09 (SD 0.88) emergency presentations a month.", "not_checkable")]
    public void AMeanOfThingsNamedInAPlural(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));
    [Theory]
    // A measure said to be whole ("whole numbers", "(0 à 10, entier)", "note entière") is of integers: a median of 20
    // whole values is whole or a half, never 1.3.
    [InlineData("Table 1. Baseline characteristics\n\n| Characteristic | Drug (n = 20) | Placebo (n = 20) |\n|---|---|---|\n| Nail pain (0 to 10, whole numbers), median (IQR) | 2 (0–3) | 1.3 (0–2) |\n", "inconsistent")]
    [InlineData("Tableau 1. Caractéristiques initiales\n\n| Caractéristique | Médicament (n = 20) | Placebo (n = 20) |\n|---|---|---|\n| Douleur unguéale (0 à 10, entier), médiane (Q1-Q3) | 2 (0-3) | 1,3 (0-2) |\n", "inconsistent")]
    [InlineData("Tableau 1. Caractéristiques initiales\n\n| Caractéristique | Médicament (n = 20) | Placebo (n = 20) |\n|---|---|---|\n| Douleur unguéale (0 à 10, entier), médiane (Q1-Q3) | 2 (0-3) | 1,5 (0-2) |\n", "consistent")]
    // A time after a number in a row's label is the period the row counts over, not the unit of its values; a time
    // as the row's unit, its limits printed whole, is counted in whole units as the flares are.
    [InlineData("Table 1. Baseline characteristics\n\n| Characteristic | Drug (n = 20) | Placebo (n = 20) |\n|---|---|---|\n| Flares in previous 6 months, median (IQR) | 3 (2–5) | 3.2 (1–5) |\n", "inconsistent")]
    [InlineData("Tableau 1. Caractéristiques initiales\n\n| Caractéristique | Médicament (n = 20) | Placebo (n = 20) |\n|---|---|---|\n| Poussées sur les 12 derniers mois, médiane (Q1-Q3) | 3 (2-5) | 3,2 (1-5) |\n", "inconsistent")]
    [InlineData("Table 1. Baseline characteristics\n\n| Characteristic | Drug (n = 20) | Placebo (n = 20) |\n|---|---|---|\n| Time since the last flare, months, median (IQR) | 3 (2–5) | 3.2 (1–5) |\n", "inconsistent")]
    public void AMedianOfAMeasureSaidToBeWholeOrCountedOverAPeriod(string text, string verdict)
    {
        var findings = CheckText(text).Findings.Where(f => f.Check is "quantile" or "quantile_order").Select(f => Finding.VerdictName(f.Verdict)).ToList();
        Assert.NotEmpty(findings);
        Assert.Equal(verdict == "inconsistent", findings.Contains("inconsistent"));
    }

    [Theory]
    // A mean out of a set named without its number ("of their scheduled sessions", "de leurs séances prévues") and days
    // counted (the days on which something happened within a period, the days missed) are of integers: no total over 13
    // gives 4.38 (57/13 = 4.385 rounds to 4.38 is the one that does; 4.34 none). A time elapsed is not.
    [InlineData("The 13 patients who stopped early had missed 4.34 (SD 0.40) of their scheduled sessions.", "inconsistent")]
    [InlineData("The 13 patients who stopped early had missed 4.38 (SD 0.40) of their scheduled sessions.", "consistent")]
    [InlineData("Les 13 patients ayant arrêté tôt avaient manqué 4,34 (ET 0,40) de leurs séances prévues.", "inconsistent")]
    [InlineData("The 13 patients with bilateral symptoms took analgesics on 2.87 (SD 0.93) days in the first week.", "inconsistent")]
    [InlineData("The 13 patients with bilateral symptoms missed 3.40 (SD 1.22) days of school during the trial.", "inconsistent")]
    [InlineData("Les 13 patients drépanocytaires ont manqué 3,40 (ET 1,22) jours d'école pendant l'essai.", "inconsistent")]
    [InlineData("The 13 patients with bilateral symptoms were discharged on a mean of 2.87 (SD 0.93) days after surgery.", "not_checkable")]
    [InlineData("The 13 patients with bilateral symptoms missed 2.87 (SD 0.93) days per month.", "not_checkable")]
    public void AMeanOfASetNamedWithoutItsNumberOrOfDaysCounted(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));
    [Theory]
    // A second group's value with "of" left before it measures what the first group's did: a binge-eating scale score
    // of 10 men is a total over 10 (12.10 is, 12.15 is not); "it had a median of" after a visit is the score of the
    // clause before (a median of 41 whole scores is never 1.53 at a quartile); the last "nombre médian de" before it names it.
    [InlineData("Among the completers, the 28 women had a mean baseline Binge Eating Scale score of 15.25 ± 6.90 and the 10 men of 12.15 ± 4.24.", "grim", "inconsistent")]
    [InlineData("Among the completers, the 28 women had a mean baseline Binge Eating Scale score of 15.25 ± 6.90 and the 10 men of 12.10 ± 4.24.", "grim", "consistent")]
    [InlineData("Parmi les patients ayant terminé, les 28 femmes avaient un score moyen de 15,25 ± 6,90 et les 10 hommes de 12,15 ± 4,24.", "grim", "inconsistent")]
    [InlineData("We included 41 infants. The modified Tal score had a median of 7 (Q1–Q3, 6–8) at inclusion and of 4 (Q1–Q3, 3–5.5) after 6 hours; after 24 hours it had a median of 3 (Q1–Q3, 1.53–4).", "quantile", "inconsistent")]
    [InlineData("Nous avons inclus 41 nourrissons. Le score de Tal modifié avait une médiane de 7 (Q1-Q3 : 6-8) à l'inclusion ; à 24 heures, il avait une médiane de 3 (Q1-Q3 : 1,53-4).", "quantile", "inconsistent")]
    [InlineData("Nous avons inclus 40 patients. Le nombre médian de crises par mois était de 8 [4 ; 18] et le nombre médian d'antiépileptiques antérieurs essayés était de 5,3 [4 ; 7].", "quantile", "inconsistent")]
    [InlineData("We included 40 patients. The median number of seizures a month was 8 (IQR 4–18) and the median number of antiepileptic drugs previously tried was 5.3 (IQR 4–7).", "quantile", "inconsistent")]
    [InlineData("The 23 patients with a large nodule rated procedural pain at 3.52 (SD 1.41) points, the 19 with a peripheral calcified rim at 4.27 (SD 1.63).", "grim", "inconsistent")]
    [InlineData("The 23 patients with a large nodule rated procedural pain at 3.52 (SD 1.41) points, the 19 with a peripheral calcified rim at 4.26 (SD 1.63).", "grim", "consistent")]
    [InlineData("Les 23 patients ayant un gros nodule cotaient la douleur à 3,52 (ET 1,41) points, et les 19 patients avec une calcification à 4,27 (ET 1,63).", "grim", "inconsistent")]
    // The instrument named in full after "on the": 16 whole EPDS totals never average 11.35.
    [InlineData("At 6 weeks post partum, the 16 women whose infant had needed ventilation scored 11.35 (SD 4.21) on the Edinburgh Postnatal Depression Scale.", "grim", "inconsistent")]
    [InlineData("À 6 semaines du post-partum, les 16 femmes dont l'enfant avait été ventilé avaient 11,35 (ET 4,21) sur l'échelle de dépression postnatale d'Édimbourg.", "grim", "inconsistent")]
    // "those in the … group": a second group of people, its value brought in by the first's preposition; a median of
    // whole units is whole or a half, never 2.2.
    [InlineData("We included 40 patients. Patients in the restrictive group received a median of 0 units of red cells (IQR 0–1) and those in the liberal group a median of 2.2 units (IQR 1–3).", "quantile", "inconsistent")]
    [InlineData("Nous avons inclus 40 patients. Les patients du groupe restrictif ont reçu une médiane de 0 culot globulaire (Q1-Q3 : 0-1) et ceux du groupe libéral une médiane de 2,2 culots (Q1-Q3 : 1-3).", "quantile", "inconsistent")]
    public void AMeasureCarriedToTheNextClause(string text, string check, string verdict) => Assert.Contains(verdict, Verdicts(text, check));
    [Theory]
    // A line of its own naming a group with its n gives the n of the text below it: no total over 70 gives 2.08
    // (146/70 = 2.0857), none over 74 gives 2.10; not to a sentence about a subgroup the line does not name.
    [InlineData("Results\n\nDrug group (N = 70)\n\nPatients had 2.08 (SD 0.88) emergency presentations during the year.\n", "inconsistent")]
    [InlineData("Results\n\nDrug group (N = 70)\n\nPatients had 2.09 (SD 0.88) emergency presentations during the year.\n", "consistent")]
    [InlineData("Résultats\n\nGroupe placebo (n = 74)\n\nLes patients avaient eu 2,10 (ET 0,88) décompensations dans l'année.\n", "inconsistent")]
    [InlineData("Results\n\nDrug group (N = 70)\n\nIn women, patients had 2.08 (SD 0.88) emergency presentations during the year.\n", "not_checkable")]
    public void AGroupsNOnALineOfItsOwnAbove(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));
    [Theory]
    // The singular a French count below 2 takes, known as the value's unit by "en médiane" or the statistic's bracket:
    // a median of 40 counts is never 1.3; never a unit ("1,3 kg en médiane").
    [InlineData("Nous avons inclus 40 patients. Ils avaient eu 1,3 réhospitalisation en médiane (Q1-Q3 : 0-2) pendant l'année.", "inconsistent")]
    [InlineData("Nous avons inclus 40 patients. Ils avaient eu 1,5 réhospitalisation en médiane (Q1-Q3 : 0-2) pendant l'année.", "consistent")]
    [InlineData("Nous avons inclus 40 patients. Ils avaient perdu 1,3 kg en médiane (Q1-Q3 : 0-2) pendant l'année.", "consistent")]
    [InlineData("Nous avons inclus 40 patients. Ils avaient eu 1,3 décompensation (Q1-Q3 : 0-2) pendant l'année.", "inconsistent")]
    public void AFrenchCountBelowTwoInTheSingular(string text, string verdict)
    {
        var findings = CheckText(text).Findings.Where(f => f.Check is "quantile" or "quantile_order").Select(f => Finding.VerdictName(f.Verdict)).ToList();
        Assert.NotEmpty(findings);
        Assert.Equal(verdict == "inconsistent", findings.Contains("inconsistent"));
    }
    [Theory]
    // A row named "No. of …", "Nb de …" or with "(n)" counts: a median of 20 counts is never 1.3.
    [InlineData("Table 1. Baseline characteristics\n\n| Characteristic | Drug (n = 20) | Placebo (n = 20) |\n|---|---|---|\n| No. of admissions, median (IQR) | 1.3 (0–2) | 1 (0–2) |\n", "inconsistent")]
    [InlineData("Table 1. Baseline characteristics\n\n| Characteristic | Drug (n = 20) | Placebo (n = 20) |\n|---|---|---|\n| Comorbidity (n), median (IQR) | 1.3 (0–2) | 1 (0–2) |\n", "inconsistent")]
    [InlineData("Tableau 1. Caractéristiques initiales\n\n| Caractéristique | Médicament (n = 20) | Placebo (n = 20) |\n|---|---|---|\n| Nb d'hospitalisations, médiane (Q1-Q3) | 1,3 (0-2) | 1 (0-2) |\n", "inconsistent")]
    [InlineData("Tableau 1. Caractéristiques initiales\n\n| Caractéristique | Médicament (n = 20) | Placebo (n = 20) |\n|---|---|---|\n| Comorbidité (n), médiane (Q1-Q3) | 1,5 (0-2) | 1 (0-2) |\n", "consistent")]
    public void ARowNamedAsACount(string text, string verdict)
    {
        var findings = CheckText(text).Findings.Where(f => f.Check is "quantile" or "quantile_order").Select(f => Finding.VerdictName(f.Verdict)).ToList();
        Assert.NotEmpty(findings);
        Assert.Equal(verdict == "inconsistent", findings.Contains("inconsistent"));
    }
    [Theory]
    // A measure the paper says is given in whole points, named as its clause's subject, is integer-valued wherever the
    // paper names it again: no total over 13 gives 6.10 (79/13 = 6.08, 80/13 = 6.15); 6.08 is one; never with a unit.
    [InlineData("Wound pain (0–10, whole points) was recorded daily. In the 13 patients with a dehiscence, wound pain was 6.10 (SD 1.40) on day 3.", "inconsistent")]
    [InlineData("Wound pain (0–10, whole points) was recorded daily. In the 13 patients with a dehiscence, wound pain was 6.08 (SD 1.40) on day 3.", "consistent")]
    [InlineData("La satisfaction, sur une échelle de 0 à 10 en points entiers, a été recueillie à 3 mois. Chez les 13 patients raides, la satisfaction était de 6,10 (ET 1,40).", "inconsistent")]
    [InlineData("Wound pain (0–10, whole points) was recorded daily. In the 13 patients with a dehiscence, wound pain on a 100 mm visual analogue scale was 61.10 (SD 11.40) mm on day 3.", "not_checkable")]
    public void AMeasureStatedWholeNamedAgain(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));
    [Theory]
    // A table row of days whose limits are printed whole: days counted between dates are whole, so the median is whole or
    // a half, never 71.8; so are weeks whose limits the row prints whole.
    [InlineData("Table 1. Baseline characteristics\n\n| Characteristic | Reconstruction (n = 94) | Rehabilitation (n = 92) |\n|---|---|---|\n| Days from injury to surgery, median (IQR) | 68 (45–104) | 71.8 (47–110) |\n", "inconsistent")]
    [InlineData("Table 1. Baseline characteristics\n\n| Characteristic | Reconstruction (n = 94) | Rehabilitation (n = 92) |\n|---|---|---|\n| Days from injury to surgery, median (IQR) | 68 (45–104) | 71.5 (47–110) |\n", "consistent")]
    [InlineData("Tableau 1. Caractéristiques initiales\n\n| Caractéristique | Chirurgie (n = 94) | Rééducation (n = 92) |\n|---|---|---|\n| Délai avant chirurgie (jours), médiane (Q1-Q3) | 68 (45-104) | 71,8 (47-110) |\n", "inconsistent")]
    [InlineData("Table 1. Baseline characteristics\n\n| Characteristic | Reconstruction (n = 94) | Rehabilitation (n = 92) |\n|---|---|---|\n| Time from injury to surgery, weeks, median (IQR) | 6 (4–9) | 7.8 (5–11) |\n", "inconsistent")]
    public void ATableRowOfDaysWithWholeLimits(string text, string verdict)
    {
        var findings = CheckText(text).Findings.Where(f => f.Check is "quantile" or "quantile_order").Select(f => Finding.VerdictName(f.Verdict)).ToList();
        Assert.NotEmpty(findings);
        Assert.Equal(verdict == "inconsistent", findings.Contains("inconsistent"));
    }

    [Theory]
    // A group's head, then its members counted clause by clause: 101 + 12 + 7 = 120 is its n; 101 + 15 + 7 = 123 is more
    // than the 120 it parts, though each patient has one outcome at the visit (completed, stopped, died).
    [InlineData("Of the 120 patients given the new regimen, 101 completed week 24, 12 stopped treatment and 7 died.", "consistent")]
    [InlineData("Of the 120 patients given the new regimen, 101 completed week 24, 15 stopped treatment and 7 died.", "inconsistent")]
    [InlineData("Parmi les 120 patients sous le nouveau schéma, 101 ont terminé la semaine 24, 15 ont arrêté le traitement et 7 sont décédés.", "inconsistent")]
    // Clauses sharing one verb, the later ones omitting it: 64 + 9 + 5 = 78 of 76 children.
    [InlineData("Of the 76 children seen at the clinic, 64 had a full recovery, 9 a partial recovery and 5 a relapse.", "inconsistent")]
    [InlineData("Des 76 enfants vus en consultation, 64 sont rentrés à domicile le jour même, 9 le lendemain et 5 plus tard.", "inconsistent")]
    [InlineData("Des 78 enfants vus en consultation, 64 sont rentrés à domicile le jour même, 9 le lendemain et 5 plus tard.", "consistent")]
    // The members left over: 40 + 22 = 62 of 60, "had not" the complement of "had".
    [InlineData("At 6 months, of the 60 runners, 40 had resumed running and 22 had not.", "inconsistent")]
    // Thousands set apart by a space, the total before a colon.
    [InlineData("Le registre comptait 5 120 patients : 3 402 suivis en ville, 1 511 à l'hôpital et 215 ailleurs.", "inconsistent")]
    [InlineData("Le registre comptait 5 128 patients : 3 402 suivis en ville, 1 511 à l'hôpital et 215 ailleurs.", "consistent")]
    // The first clause the total whose parts follow, or the last one: 121 + 122 = 243, not 239.
    [InlineData("Deux cent trente-neuf patients ont été inclus, 121 avant la réforme et 118 après.", "consistent")]
    [InlineData("239 patients ont été inclus, 121 avant la réforme et 122 après.", "inconsistent")]
    [InlineData("Children were enrolled from two districts: 538 in the northern district and 526 in the southern district, 1,059 in all.", "inconsistent")]
    public void CountsPartingTheGroupTheirClauseNames(string text, string? verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // Counts that may overlap are no partition: symptoms a patient may have several of, a subgroup ("of whom"), clauses
    // of different verbs that name no outcome. Their sum above the group's n is no error.
    [InlineData("Of the 50 patients, 30 had fever, 20 had rash and 10 had headache.")]
    [InlineData("Of the 50 patients, 30 had fever, 20 rash and 10 headache.")]
    [InlineData("Parmi les 50 patients, 30 avaient de la fièvre, 20 une éruption et 10 des céphalées.")]
    [InlineData("Of the 50 patients, 35 were women, 28 smoked and 12 lived alone.")]
    [InlineData("Of the 50 patients, 35 also received steroids, 20 azathioprine and 10 rituximab.")]
    [InlineData("Parmi les 50 patients, 35 recevaient aussi des corticoïdes, 20 de l'azathioprine et 10 du rituximab.")]
    // Stages, the later among the earlier: 180 + 160 + 12 of 200.
    [InlineData("Of the 200 patients randomised, 180 started treatment, 160 completed it and 12 withdrew.")]
    [InlineData("Des 200 patients randomisés, 180 ont commencé le traitement, 160 l'ont terminé et 12 sont sortis de l'étude.")]
    // Sex beside other characteristics: variables of their own.
    [InlineData("Of the 50 patients, 30 were men, 25 smokers and 10 diabetic.")]
    [InlineData("Parmi les 50 patients, 30 étaient des hommes, 25 des fumeurs et 10 des diabétiques.")]
    // A bare list naming no other group is no list of the same levels: 12, 15 and 18 are not girls and boys.
    [InlineData("Of the 40 patients, 20 were girls and 20 boys; at inclusion their scores were 12, 15 and 18.")]
    public void CountsThatMayOverlapAreNoPartition(string text) => Assert.NotEqual("inconsistent", Verdict(text, "category_counts"));

    [Theory]
    // A level, then its count, after the variable's copula: 21 + 52 + 24 = 97 of 95 biopsies' patients.
    [InlineData("Of the 95 patients with a biopsy, the class was III in 21, IV in 52 and V in 24.", "inconsistent")]
    [InlineData("Of the 97 patients with a biopsy, the class was III in 21, IV in 52 and V in 24.", "consistent")]
    [InlineData("Parmi les 95 patients biopsiés, la localisation était colique droite chez 21, colique gauche chez 52 et rectale chez 24.", "inconsistent")]
    // Values of one scale: 18 + 41 + 29 + 9 = 97 of 96.
    [InlineData("Of the 96 patients, the number of ablated veins was 1 in 18 patients, 2 in 41, 3 in 29 and 4 in 9.", "inconsistent")]
    // The most common of things a patient may have several of are no partition either.
    [InlineData("Of the 95 patients, the most common diagnoses were pneumonia in 51, sepsis in 30 and stroke in 24.", null)]
    [InlineData("Parmi les 95 patients, les diagnostics les plus fréquents étaient une pneumonie chez 51, un sepsis chez 30 et un AVC chez 24.", null)]
    // Adverse events, of which a patient may have several, are no partition.
    [InlineData("Of the 95 patients, adverse events were nausea in 51, dizziness in 30 and rash in 24.", null)]
    public void LevelsThenCountsPartingTheGroup(string text, string? verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));
    [Theory]
    // Levels with their counts in brackets, offered as alternatives ("or", "ou") or said to count each once, against the
    // people named before them: 4 + 2 + 1 = 7 deaths; 8 + 6 + 4 = 18 of 16 stops; 7 + 4 + 3 = 14 of 12 participants.
    [InlineData("Sept patients sont décédés : de cause cardiovasculaire (4), infectieuse (2) ou d'un arrêt de la dialyse (1).", "consistent")]
    [InlineData("Le traitement a été arrêté chez 16 patients, pour inefficacité (8), effet indésirable (6) ou autre raison (4).", "inconsistent")]
    [InlineData("Treatment was stopped in 16 patients, for lack of efficacy (8), an adverse event (6) or another reason (4).", "inconsistent")]
    [InlineData("An adverse event was reported by 12 participants, each counted once: back pain (7), muscle soreness (4) and dizziness (3).", "inconsistent")]
    [InlineData("Six enfants ont eu un effet indésirable, chacun compté une fois : vomissements (3), somnolence (2) et agitation (1).", "consistent")]
    // The people before the bracket of another list are its total, not that bracket's counts: 41 + 35 = 76 of 74.
    [InlineData("Les 74 patients avaient un stade de Hurley II (n = 41) ou III (n = 35).", "inconsistent")]
    public void BracketedCountsOfAlternatives(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "category_counts").Last());

    [Theory]
    // Conditions listed with "and", which a patient may have several of: no partition, no finding unless they add up.
    [InlineData("The 40 patients had hypertension (30), diabetes (15) and asthma (5).")]
    [InlineData("Les 40 patients avaient une hypertension (30), un diabète (15) et un asthme (5).")]
    // The arms' own n where they are allocated are counts of the list, not its total.
    [InlineData("Participants were randomly assigned to split-dose 1-L PEG with ascorbate (n=312) or split-dose 4-L PEG (n=309).")]
    public void BracketedCountsThatMayOverlap(string text) => Assert.NotEqual("inconsistent", Verdict(text, "category_counts"));
    [Theory]
    // A bare list of counts after a list, as many as its levels: the same levels in another group, against that group's
    // n: 69 + 72 = 141 girls and boys of 139 given placebo.
    [InlineData("Children were randomised to atropine (n = 139) or placebo (n = 139). Of the 139 children given atropine, 58 were girls and 81 boys; in the placebo group the corresponding numbers were 69 and 72.", "inconsistent")]
    [InlineData("Children were randomised to atropine (n = 139) or placebo (n = 139). Of the 139 children given atropine, 58 were girls and 81 boys; in the placebo group the corresponding numbers were 67 and 72.", "consistent")]
    [InlineData("Dans le groupe automesure (n = 612), 203 patients prenaient un antihypertenseur, 251 deux et 158 trois ou plus ; dans le groupe suivi habituel (n = 602), 198, 247 et 171.", "inconsistent")]
    // Events counted by type after a head naming them: an event is of one type (31 + 15 + 9 = 55 of 53 infections).
    [InlineData("Of the 41 infections after negative-pressure therapy, 24 were superficial, 12 deep and 5 organ/space infections; of the 53 after a standard dressing, 31 were superficial, 15 deep and 9 organ/space infections.", "inconsistent")]
    [InlineData("Des 41 infections sous pression négative, 24 étaient superficielles, 12 profondes et 5 d'organe ; des 53 après pansement standard, 31 étaient superficielles, 15 profondes et 9 d'organe.", "inconsistent")]
    public void TheSameLevelsInAnotherGroup(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "category_counts").Last());
    [Theory]
    // A clause counting the rest makes the list exhaustive: 80 + 35 = 115 is not the 120 it parts, below as above.
    [InlineData("Of the 120 patients, 80 were in remission at month 6 and the remaining 35 had active disease.", "inconsistent")]
    [InlineData("Of the 120 patients, 80 were in remission at month 6 and the remaining 40 had active disease.", "consistent")]
    [InlineData("Parmi les 120 patients, 80 étaient en rémission à 6 mois et les 35 autres avaient une maladie active.", "inconsistent")]
    [InlineData("Parmi les 120 patients, 80 étaient en rémission à 6 mois et les 40 autres avaient une maladie active.", "consistent")]
    // Without it, a sum below the total leaves patients in no level listed.
    [InlineData("Of the 120 patients, 80 were in remission at month 6 and 35 had relapsed.", "not_checkable")]
    public void TheRestMakesTheListExhaustive(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // The group's n in a bracket at the clause's head: 80 + 28 + 15 = 123 of 120.
    [InlineData("Among patients given rituximab (n = 120), 80 were in remission at month 6, 28 had relapsed and 15 had died.", "inconsistent")]
    [InlineData("Chez les patients sous rituximab (n = 123), 80 étaient en rémission à 6 mois, 28 avaient rechuté et 15 étaient décédés.", "consistent")]
    public void TheGroupsNInABracketAtTheHead(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));

    [Theory]
    // The steps of a participant flow are nested, not alternatives: 2,310 + 486 is no total of anything.
    [InlineData("In the 14 participating centres, 2,310 adults with asthma were screened, and 486 with two exacerbations in the previous year were randomized to the new inhaler or usual care.")]
    [InlineData("Dans les 14 centres, 2 310 adultes asthmatiques ont été dépistés, et 486 ayant eu deux exacerbations dans l'année ont été randomisés entre le nouvel inhalateur et les soins habituels.")]
    [InlineData("Of the 640 children assessed, 512 were eligible, 430 with parental consent were enrolled and 401 were analysed.")]
    public void TheStepsOfAParticipantFlowAreNoPartition(string text) => Assert.NotEqual("inconsistent", Verdict(text, "category_counts"));
    [Theory]
    // A count of thousands in words is read whole: 700 + 536 women and men are the 1236 included (not 236); 700 + 546 are not.
    [InlineData("Mille deux cent trente-six patients ont été inclus : 700 femmes et 536 hommes.", "consistent")]
    [InlineData("Mille deux cent trente-six patients ont été inclus : 700 femmes et 546 hommes.", "inconsistent")]
    [InlineData("One thousand two hundred and thirty-six patients were included: 700 women and 536 men.", "consistent")]
    [InlineData("One thousand two hundred and thirty-six patients were included: 700 women and 546 men.", "inconsistent")]
    public void AThousandInWordsIsReadWhole(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "category_counts"));
    [Theory]
    // An arm named by a French adjective in either gender ("stimulation active", "groupe actif"): its n of 24 applies;
    // no whole total over 24 gives 27.43 (658/24 = 27.42, 659/24 = 27.46).
    [InlineData("Quarante-huit patients ont été randomisés entre une stimulation active (n = 24) et une stimulation simulée (n = 22). Le score initial était de 27,42 (ET 4,18) dans le groupe actif.", "consistent")]
    [InlineData("Quarante-huit patients ont été randomisés entre une stimulation active (n = 24) et une stimulation simulée (n = 22). Le score initial était de 27,43 (ET 4,18) dans le groupe actif.", "inconsistent")]
    [InlineData("Forty-eight patients were randomised to active stimulation (n = 24) or sham stimulation (n = 22). The baseline score was 27.43 (SD 4.18) in the active group.", "inconsistent")]
    public void AnArmNamedInEitherGender(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));
    [Theory]
    // The arm named before the value a score changed from is the changed value's: its n of 30 applies (589/30 = 19.63;
    // no whole total over 30 gives 19.65). The word group names no arm ("a parallel parent group (n = 30)").
    [InlineData("Sixty adolescents were randomized to a 14-week group programme with a parallel parent group (n = 30) or to a waitlist (n = 28). TASSK scores in the programme group rose from 11.8 (SD 3.9) to 19.63 (SD 3.4), p < .001.", "consistent")]
    [InlineData("Sixty adolescents were randomized to a 14-week group programme with a parallel parent group (n = 30) or to a waitlist (n = 28). TASSK scores in the programme group rose from 11.8 (SD 3.9) to 19.65 (SD 3.4), p < .001.", "inconsistent")]
    [InlineData("Cinquante-huit adolescents ont été randomisés entre un programme de groupe (n = 30) et une liste d'attente (n = 28). Le score TASSK dans le groupe programme est passé de 11,8 (ET 3,9) à 19,63 (ET 3,4).", "consistent")]
    [InlineData("Cinquante-huit adolescents ont été randomisés entre un programme de groupe (n = 30) et une liste d'attente (n = 28). Le score TASSK dans le groupe programme est passé de 11,8 (ET 3,9) à 19,65 (ET 3,4).", "inconsistent")]
    public void TheArmNamedBeforeTheValueItChangedFrom(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Last());
    [Theory]
    // An arm's name with its elided article ("liste d'attente (n = 28)") is named without it ("dans le groupe en attente"):
    // its n of 28 applies (953/28 = 34.04; no whole total over 28 gives 34.02).
    [InlineData("Cinquante-huit enfants ont été répartis entre un programme parental (n = 30) et une liste d'attente (n = 28). Le score est passé de 35,8 ± 8,9 à 34,04 ± 9,6 dans le groupe en attente (p = 0,11).", "consistent")]
    [InlineData("Cinquante-huit enfants ont été répartis entre un programme parental (n = 30) et une liste d'attente (n = 28). Le score est passé de 35,8 ± 8,9 à 34,02 ± 9,6 dans le groupe en attente (p = 0,11).", "inconsistent")]
    [InlineData("Fifty-eight children were randomized to a parenting programme (n = 30) or a waiting list (n = 28). Scores went from 35.8 ± 8.9 to 34.02 ± 9.6 on the waiting list (p = 0.11).", "inconsistent")]
    public void AnArmNamedWithoutItsElidedArticle(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Last());
}
