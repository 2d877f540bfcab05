using RweStats.PaperCheck;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Measures a paper prints as integer-valued, in forms the checker reads: a scale whose bracket says it is scored in whole
/// points, and a second group's value whose group is described by an aside in brackets. Each with a correct control and
/// an impossible value; the arithmetic is given in the comments.
/// </summary>
public class PaperCheckCountedMeasures37Tests
{
    [Theory]
    // The row says the scale is scored in whole points: with n = 47 (odd) the median of whole numbers is one of them,
    // so 2.7 is impossible and 3 possible; a visual analogue scale stated so is integer-valued like any other.
    [InlineData("Characteristic  Drug (n = 48)  Placebo (n = 47)\nAge (years), median (IQR)  53 (46-60)  55 (47-62)\nPruritus (VAS 0-10, whole points), median (IQR)  3 (1-5)  2.7 (1-5)\n", "consistent,inconsistent")]
    [InlineData("Caractéristique  Bézafibrate (n = 48)  Placebo (n = 47)\nÂge (ans), médiane (Q1-Q3)  53 (46-60)  55 (47-62)\nPrurit (EVA 0-10, points entiers), médiane (Q1-Q3)  3 (1-5)  2,7 (1-5)\n", "consistent,inconsistent")]
    // Without the statement a visual analogue scale may be read to a decimal: nothing is said of which values it allows.
    [InlineData("Caractéristique  Bézafibrate (n = 48)  Placebo (n = 47)\nÂge (ans), médiane (Q1-Q3)  53 (46-60)  55 (47-62)\nPrurit (EVA 0-10), médiane (Q1-Q3)  3 (1-5)  2,7 (1-5)\n", "")]
    public void AScaleStatedInWholePointsInItsBracket(string text, string verdicts) =>
        Assert.Equal(verdicts, string.Join(",", Verdicts(text, "quantile")));

    [Theory]
    // The same statement in running text: with n = 46, 212/46 = 4.609 prints 4.61 and 213/46 = 4.630 prints 4.63, so
    // 4.62 (46 × 4.62 = 212.52, between two whole totals) is impossible.
    [InlineData("Pruritus (VAS 0-10, whole points) was 4.61 (SD 2.40) in the 46 patients given bezafibrate at 24 months.", "consistent")]
    [InlineData("Pruritus (VAS 0-10, whole points) was 4.62 (SD 2.40) in the 46 patients given bezafibrate at 24 months.", "inconsistent")]
    [InlineData("Le prurit (EVA 0-10, points entiers) était de 4,61 (ET 2,40) chez les 46 patients sous bézafibrate à 24 mois.", "consistent")]
    [InlineData("Le prurit (EVA 0-10, points entiers) était de 4,62 (ET 2,40) chez les 46 patients sous bézafibrate à 24 mois.", "inconsistent")]
    public void AScaleStatedInWholePointsInItsBracketInRunningText(string text, string verdict) =>
        Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // 14 × 2.71 = 37.94: 38/14 = 2.714 prints 2.71. 10 × 3.45 = 34.5: no whole number of visits over 10 patients gives
    // 3.45 (34/10 = 3.40, 35/10 = 3.50); 3.40 is possible.
    [InlineData("The 14 patients who needed a second procedure attended 2.71 (SD 1.14) clinic visits, and the 10 with a diathesis (knuckle pads or bilateral disease) 3.40 (SD 1.26).", "consistent,consistent")]
    [InlineData("The 14 patients who needed a second procedure attended 2.71 (SD 1.14) clinic visits, and the 10 with a diathesis (knuckle pads or bilateral disease) 3.45 (SD 1.26).", "consistent,inconsistent")]
    [InlineData("Les 14 patients réopérés ont eu 2,71 (ET 1,14) consultations, et les 10 ayant une diathèse (coussinets des phalanges ou atteinte bilatérale) 3,45 (ET 1,26).", "consistent,inconsistent")]
    [InlineData("Les 14 patients réopérés ont eu 2,71 (ET 1,14) consultations, et les 10 ayant une diathèse (coussinets des phalanges ou atteinte bilatérale) 3,40 (ET 1,26).", "consistent,consistent")]
    // An aside holding an abbreviation or a number may name a measure of its own: the second value is not read as visits.
    [InlineData("The 14 patients who needed a second procedure attended 2.71 (SD 1.14) clinic visits, and the 10 with a diathesis (BMI) 3.45 (SD 1.26).", "consistent,not_checkable")]
    public void ASecondGroupDescribedByAnAside(string text, string verdicts) =>
        Assert.Equal(verdicts, string.Join(",", Verdicts(text, "grim")));
}
