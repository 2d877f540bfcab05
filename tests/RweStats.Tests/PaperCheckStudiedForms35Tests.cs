using RweStats.PaperCheck;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Forms papers print that the checker reads: a ratio named before its bare limits and its p. Each with a correct
/// control and an impossible value; the arithmetic is given in the comments.
/// </summary>
public class PaperCheckStudiedForms35Tests
{
    [Theory]
    // On the log scale the SE is (ln 1.49 − ln 0.13) / (2 × 1.96) = 0.622 and z = |ln 0.44| / 0.622 = 1.32: p = 0.19.
    // (ln 1.21 − ln 0.19) / 3.92 = 0.472, z = |ln 0.48| / 0.472 = 1.55: p = 0.12. (ln 1.36 − ln 0.86) / 3.92 = 0.117,
    // z = ln 1.08 / 0.117 = 0.66: p = 0.51. (ln 1.29 − ln 0.39) / 3.92 = 0.305, z = |ln 0.71| / 0.305 = 1.12: p = 0.26.
    [InlineData("The hazard ratio for death was 0.41 (95% CI 0.20–0.83). The odds ratio for cellulitis was 0.44 (0.13–1.49; p=0.19).", "consistent,consistent")]
    [InlineData("The hazard ratio for death was 0.41 (95% CI 0.20–0.83). The odds ratio for cellulitis was 0.44 (0.13–1.49; p=0.003).", "consistent,inconsistent")]
    [InlineData("Intervals are 95% CI. The odds ratio of residual pain was 0.48 (0.19 to 1.21), P=0.12.", "consistent")]
    [InlineData("Intervals are 95% CI. The odds ratio of residual pain was 0.48 (0.19 to 1.21), P=0.009.", "inconsistent")]
    [InlineData("Intervals are 95% CI. Age over 40 years was not associated with the outcome (adjusted odds ratio 1.08, 0.86 to 1.36; P=0.51).", "consistent")]
    [InlineData("Intervals are 95% CI. Age over 40 years was not associated with the outcome (adjusted odds ratio 1.08, 0.86 to 1.36; P=0.01).", "inconsistent")]
    [InlineData("Intervals are 95% CI. The hazard ratio for a first exacerbation was 0.71 (0.39–1.29; p=0.26).", "consistent")]
    [InlineData("Intervals are 95% CI. The hazard ratio for a first exacerbation was 0.71 (0.39–1.29; p=0.026).", "inconsistent")]
    [InlineData("Les résultats sont donnés avec leur IC à 95 % dans le texte et les tableaux. L'odds ratio de la cellulite était de 0,44 (0,13-1,49 ; p = 0,19).", "consistent")]
    [InlineData("Les résultats sont donnés avec leur IC à 95 % dans le texte et les tableaux. L'odds ratio de la cellulite était de 0,44 (0,13-1,49 ; p = 0,003).", "inconsistent")]
    [InlineData("Les résultats sont donnés avec leur IC à 95 % dans le texte et les tableaux. Le risque relatif de douleur résiduelle était de 0,48 (0,19 à 1,21), p = 0,009.", "inconsistent")]
    // A median with its quartiles after a ratio, or limits with no p, are not read as the ratio's.
    [InlineData("Intervals are 95% CI. The odds ratio was 0.44 (0.13–1.49); the median delay was 2.4 (1.3–3.9; p=0.003) days.", "consistent")]
    [InlineData("Intervals are 95% CI. The odds ratio of residual pain was 0.48 (0.19 to 1.21).", "")]
    public void ARatioNamedBeforeItsBareLimitsAndItsP(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text, "ci_vs_p")));

    [Theory]
    // With n = 38, r = 0.09 (0.085 to 0.095) gives a two-sided p from 0.570 to 0.612: a p of 0.02 is below even its
    // one-sided half (0.285), and fewer patients only raise it; 0.61 is given by all 38, and 0.80 by fewer.
    [InlineData("We randomly assigned 38 patients to the two diets. Weight loss correlated with the shortening of the eating window (r = 0.09, P = 0.02).", "inconsistent")]
    [InlineData("We randomly assigned 38 patients to the two diets. Weight loss correlated with the shortening of the eating window (r = 0.09, P = 0.61).", "consistent")]
    [InlineData("We randomly assigned 38 patients to the two diets. Weight loss correlated with the shortening of the eating window (r = 0.09, P = 0.80).", "consistent")]
    [InlineData("Nous avons inclus 38 patients dans les deux groupes. La perte de poids était corrélée à la durée du jeûne (r = 0,09 ; p = 0,02).", "inconsistent")]
    [InlineData("Nous avons inclus 38 patients dans les deux groupes. La perte de poids était corrélée à la durée du jeûne (r = 0,09 ; p = 0,61).", "consistent")]
    // A correlation over other units than the study's patients (eyes) may have more of them: its n is not bounded.
    [InlineData("We randomly assigned 38 patients to the two lasers. Across the treated eyes, thickness correlated with acuity (r = 0.09, P = 0.02).", "not_checkable")]
    public void ACorrelationWithoutItsNInAStudyOfKnownSize(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Theory]
    // n = 60 (58 df): r = 0.21 (0.205 to 0.215) gives p from 0.099 to 0.116.
    [InlineData("The reduction correlated with the baseline number (r = 0.21, p = 0.10, 60 patients).", "consistent")]
    [InlineData("The reduction correlated with the baseline number (r = 0.21, p = 0.01, 60 patients).", "inconsistent")]
    [InlineData("La réduction des bouffées était corrélée à leur nombre initial (r = 0,21 ; p = 0,10 ; 60 femmes).", "consistent")]
    [InlineData("La réduction des bouffées était corrélée à leur nombre initial (r = 0,21 ; p = 0,01 ; 60 femmes).", "inconsistent")]
    public void ACorrelationWhosePeopleCloseTheBracketOfItsP(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));

    [Theory]
    // The 9 women are the first clause's: a binary share of 0.55 has SD √(0.55 × 0.45) = 0.497 (population) or more
    // (sample), which 0.50 is for some n (not 9: 5/9 = 0.556 gives 0.527), while 0.30 is below the least any n gives.
    [InlineData("Les 9 femmes sous œstrogènes avaient consulté 2,44 (DS 0,26) fois, et la prise de canneberge, codée 1 pour oui et 0 pour non, était de 0,55 (DS 0,50) dans le groupe placebo.", "consistent")]
    [InlineData("Les 9 femmes sous œstrogènes avaient consulté 2,44 (DS 0,26) fois, et la prise de canneberge, codée 1 pour oui et 0 pour non, était de 0,55 (DS 0,30) dans le groupe placebo.", "inconsistent")]
    [InlineData("The 9 women on estrogen had consulted 2.44 (SD 0.26) times, and cranberry use, coded 1 for yes and 0 for no, was 0.55 (SD 0.50) in the placebo group.", "consistent")]
    [InlineData("The 9 women on estrogen had consulted 2.44 (SD 0.26) times, and cranberry use, coded 1 for yes and 0 for no, was 0.55 (SD 0.30) in the placebo group.", "inconsistent")]
    // The group counted in the statistic's own clause keeps its n: 5/9 gives SD 0.527 (sample), not 0.50.
    [InlineData("Cranberry use, coded 1 for yes and 0 for no, was 0.55 (SD 0.50) in the 9 women on estrogen.", "inconsistent")]
    public void ABinaryShareInAClauseNamingItsOwnGroup(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "debit"));

    [Theory]
    // A hyphen at a line's end is the word's own when the paper prints the pair hyphenated within a line and never joined.
    [InlineData("Women in the dissection-alone group were older.\nOf them, 9 of 78 in the dissection-\nalone group (11.5%) had cellulitis.", "dissection-alone group (11.5%)")]
    [InlineData("Les non-répondeurs étaient plus âgés.\nParmi les 40 non-\nrépondeurs, 12 (30,0 %) avaient arrêté.", "40 non-répondeurs, 12 (30,0 %)")]
    // Else the parts are joined, as a word broken by the typesetter is: never printed hyphenated, or printed whole.
    [InlineData("Of them, 9 of 78 immuno-\nsuppressed patients (11.5%) had cellulitis.", "78 immunosuppressed patients (11.5%)")]
    [InlineData("Les immunomodulateurs et les anti-inflammatoires.\nParmi les 40 patients sous immuno-\nmodulateurs, 12 (30,0 %) avaient arrêté.", "sous immunomodulateurs, 12 (30,0 %)")]
    public void AHyphenAtALineEndKeptWhenThePaperPrintsThePairHyphenated(string text, string inFlow) =>
        Assert.Contains(inFlow, PaperText.FromString("paper.txt", text).Flow);

    [Theory]
    // n = 19: the SD of the changes is at most 5.15 + 5.85 = 11.0 (correlation −1), so t is at least
    // (26.25 − 18.85) / (11.0 / √19) = 2.93 on 18 df: p at most 0.009, never 0.31.
    [InlineData("Among the 19 participants taking propranolol, scores fell from 26.2 (SD 5.1) to 18.9 (SD 5.8), p = .31. Active stimulation improved spiral drawing, Wilcoxon z = 2.18, p = .029.", "inconsistent")]
    [InlineData("Among the 19 participants taking propranolol, scores fell from 26.2 (SD 5.1) to 18.9 (SD 5.8), p < .001. Active stimulation improved spiral drawing, Wilcoxon z = 2.18, p = .029.", "consistent")]
    [InlineData("Chez les 19 participants sous propranolol, le score est passé de 26,2 (DS 5,1) à 18,9 (DS 5,8), p = 0,31. Le dessin de spirale s'est amélioré sous stimulation active, Wilcoxon z = 2,18, p = 0,029.", "inconsistent")]
    // A paper that names the signed-rank test for its paired comparisons reports that test's p.
    [InlineData("Visits were compared with the Wilcoxon signed-rank test. Among the 19 participants taking propranolol, scores fell from 26.2 (SD 5.1) to 18.9 (SD 5.8), p = .31.", "not_checkable")]
    [InlineData("Les visites ont été comparées par le test des rangs signés de Wilcoxon. Chez les 19 participants sous propranolol, le score est passé de 26,2 (DS 5,1) à 18,9 (DS 5,8), p = 0,31.", "not_checkable")]
    public void ABareWilcoxonWithItsOwnStatisticSaysNothingOfTheVisitsTest(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "within_patient_p"));

    [Theory]
    // SE = (6.0 − (−1.8)) / (2 × 1.96) = 1.99, z = 2.1 / 1.99 = 1.06: p = 0.29, never 0.03.
    [InlineData("The score differed by 2.1 points in favour of minimally invasive surgery (95% confidence interval −1.8 to 6.0; P=0.29).", "consistent")]
    [InlineData("The score differed by 2.1 points in favour of minimally invasive surgery (95% confidence interval −1.8 to 6.0; P=0.03).", "inconsistent")]
    [InlineData("Le score différait de 2,1 points en faveur de la chirurgie mini-invasive (IC à 95 % : −1,8 à 6,0 ; p = 0,29).", "consistent")]
    [InlineData("Le score différait de 2,1 points en faveur de la chirurgie mini-invasive (IC à 95 % : −1,8 à 6,0 ; p = 0,03).", "inconsistent")]
    public void AnEstimateInFavourOfAGroupWithItsInterval(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "ci_vs_p"));

    [Theory]
    // n = 41: the SD of the changes is at most 9.65 + 10.45 = 20.1, so t is at least (41.05 − 38.25) / (20.1 / √41)
    // = 0.89 on 40 df (the rounded ends least apart): p at most 0.38, never 0.64.
    [InlineData("Scores were 4 (IQR 2–9) at the first session and 2 (IQR 0–4) at week 4 (Wilcoxon signed-rank test, p < .001). In the 41 patients seen at week 24, the score rose from 38.2 ± 9.6 to 41.1 ± 10.4 (P=0.64).", "inconsistent")]
    [InlineData("Les scores étaient de 4 (EIQ 2-9) à la première séance et de 2 (EIQ 0-4) à la semaine 4 (test des rangs signés de Wilcoxon, p < 0,001). Chez les 41 patients vus à la semaine 24, le score est passé de 38,2 ± 9,6 à 41,1 ± 10,4 (p = 0,64).", "inconsistent")]
    // Named for a comparison of means, the signed-rank test is the paper's: not checkable.
    [InlineData("Scores went from 5.1 ± 2.0 to 3.2 ± 1.9 at week 4 (Wilcoxon signed-rank test, p < .001). In the 41 patients seen at week 24, the score rose from 38.2 ± 9.6 to 41.1 ± 10.4 (P=0.64).", "not_checkable")]
    public void ARankTestNamedForAResultOnMediansIsThatResultsOwn(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "within_patient_p")[^1]);

    [Theory]
    // 1/73 = 1.37 % prints 1.4 %, never 2.4 %.
    [InlineData("Pyelonephritis occurred in 1 woman out of 73 (1.4%) in the D-mannose group.", "consistent")]
    [InlineData("Pyelonephritis occurred in 1 woman out of 73 (2.4%) in the D-mannose group.", "inconsistent")]
    [InlineData("Une pyélonéphrite est survenue chez 1 femme sur 73 (1,4 %) dans le groupe D-mannose.", "consistent")]
    [InlineData("Une pyélonéphrite est survenue chez 1 femme sur 73 (2,4 %) dans le groupe D-mannose.", "inconsistent")]
    [InlineData("Un asthme a été noté chez 1 enfant sur 73 (2,4 %).", "inconsistent")]
    public void ACountOfOnePersonOutOfItsDenominator(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));
}
