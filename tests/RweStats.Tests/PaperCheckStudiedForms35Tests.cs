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
}
