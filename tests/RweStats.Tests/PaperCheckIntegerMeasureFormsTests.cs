using RweStats.PaperCheck;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Measures the paper checker takes as integer-valued from where the paper names them: an instrument's abbreviation
/// given with its range in points, a rating stated as a whole mark, a duration in full units, a thing counted named by
/// two words in the French singular. Each with a correct control and an impossible value; GRIM's arithmetic is spelled
/// out in the comments.
/// </summary>
public class PaperCheckIntegerMeasureFormsTests
{
    [Theory]
    // 299/14 = 21.357 prints 21.36; 21.37 × 14 = 299.18, between 299/14 = 21.357 and 300/14 = 21.429.
    [InlineData("Disability was graded on the functional disability inventory (FDI, 0–60 points). The 14 patients with anaemia had an FDI of 21.36 (SD 4.10).", "consistent")]
    [InlineData("Disability was graded on the functional disability inventory (FDI, 0–60 points). The 14 patients with anaemia had an FDI of 21.37 (SD 4.10).", "inconsistent")]
    // 160/13 = 12.308 prints 12.31; 12.35 × 13 = 160.55, between 160/13 = 12.308 and 161/13 = 12.385.
    [InlineData("L'incapacité était mesurée par le questionnaire de Roland (RMQ, 0 à 24 points entiers). Les 13 patients fumeurs avaient un RMQ initial de 12,31 (ET 3,20).", "consistent")]
    [InlineData("L'incapacité était mesurée par le questionnaire de Roland (RMQ, 0 à 24 points entiers). Les 13 patients fumeurs avaient un RMQ initial de 12,35 (ET 3,20).", "inconsistent")]
    // 79/11 = 7.1818 prints 7.18; 7.22 × 11 = 79.42, between 79/11 = 7.182 and 80/11 = 7.273.
    [InlineData("Sleep was rated with the PSQ (0–30 whole points). The 11 patients with insomnia had a PSQ of 7.18 (SD 2.66).", "consistent")]
    [InlineData("Sleep was rated with the PSQ (0–30 whole points). The 11 patients with insomnia had a PSQ of 7.22 (SD 2.66).", "inconsistent")]
    [InlineData("Le sommeil était évalué par le PSQ (0 à 30 points entiers). Les 11 patients insomniaques avaient un PSQ de 7,18 (ET 2,66).", "consistent")]
    [InlineData("Le sommeil était évalué par le PSQ (0 à 30 points entiers). Les 11 patients insomniaques avaient un PSQ de 7,22 (ET 2,66).", "inconsistent")]
    [InlineData("Pain was measured on a numeric scale (PNS) from 0 to 10 in whole points. The 11 patients with neuropathy had a PNS of 7.18 (SD 1.66).", "consistent")]
    [InlineData("Pain was measured on a numeric scale (PNS) from 0 to 10 in whole points. The 11 patients with neuropathy had a PNS of 7.22 (SD 1.66).", "inconsistent")]
    [InlineData("La douleur était mesurée sur une échelle numérique (EN) de 0 à 10, en points entiers. Les 11 patients neuropathiques avaient une EN de 7,18 (ET 1,66).", "consistent")]
    [InlineData("La douleur était mesurée sur une échelle numérique (EN) de 0 à 10, en points entiers. Les 11 patients neuropathiques avaient une EN de 7,22 (ET 1,66).", "inconsistent")]
    // An index with decimals stays real-valued whatever range the paper gives it.
    [InlineData("Activity was measured by the HAQ (HAQ, 0–3 points). The 11 patients with erosions had a HAQ of 1.22 (SD 0.66).", "not_checkable")]
    public void AnAbbreviationGivenWithItsRangeInPointsIsAScore(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Last());

    [Theory]
    // 74/14 = 5.2857 prints 5.29; 5.31 × 14 = 74.34, between 74/14 = 5.286 and 75/14 = 5.357.
    [InlineData("La satisfaction (note entière de 0 à 10) était de 5,29 (ET 1,20) chez les 14 patients.", "consistent")]
    [InlineData("La satisfaction (note entière de 0 à 10) était de 5,31 (ET 1,20) chez les 14 patients.", "inconsistent")]
    [InlineData("Satisfaction (whole numbers from 0 to 10) was 5.29 (SD 1.20) in the 14 patients.", "consistent")]
    [InlineData("Satisfaction (whole numbers from 0 to 10) was 5.31 (SD 1.20) in the 14 patients.", "inconsistent")]
    public void AWholeMarkIsIntegerValued(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Single());

    [Theory]
    // 192/30 = 6.4, 193/30 = 6.4333: 6.43 is a total over 30, 6.42 none.
    [InlineData("At baseline, the fatigue scale of the short form (from 0 to 12) for each patient was on average 6.43 (SD 1.38) in the 30 patients.", "consistent")]
    [InlineData("At baseline, the fatigue scale of the short form (from 0 to 12) for each patient was on average 6.42 (SD 1.38) in the 30 patients.", "inconsistent")]
    [InlineData("À l'inclusion, le score de fatigue (version courte, de 0 à 12) était en moyenne de 6,43 (ET 1,38) chez les 30 patients.", "consistent")]
    [InlineData("À l'inclusion, le score de fatigue (version courte, de 0 à 12) était en moyenne de 6,42 (ET 1,38) chez les 30 patients.", "inconsistent")]
    // A change of a score is no score; a value with a unit is no score.
    [InlineData("At the last visit, the change in the fatigue scale (short form, 0 to 12) from inclusion onwards was on average 1.42 (SD 1.38) in the 30 patients.", "not_checkable")]
    [InlineData("À la dernière visite, la variation du score de fatigue (version courte, de 0 à 12) depuis l'inclusion était en moyenne de 1,42 (ET 1,38) chez les 30 patients.", "not_checkable")]
    // Nor something measured of the scale other than its value, nor a value in minutes.
    [InlineData("At the last visit, the fatigue questionnaire of the short form used in the trial had a completion time of 6.42 (SD 1.38) in the 30 patients.", "not_checkable")]
    [InlineData("À la dernière visite, le questionnaire de fatigue en version courte utilisé dans l'essai avait un temps de passation moyen de 6,42 (ET 1,38) chez les 30 patients.", "not_checkable")]
    [InlineData("At the last visit, the questionnaire (short form, 0 to 12) was completed in 6.42 (SD 1.38) minutes by the 30 patients.", "not_checkable")]
    public void AScaleNamedAsTheClausesSubjectIsIntegerValued(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Single());

    [Theory]
    // The median of 9 integers is one of them: 5.2 is none; 5 is.
    [InlineData("In the 9 workers with silicosis, the median time in the trade was 5 full years (IQR 4–7).", "consistent")]
    [InlineData("In the 9 workers with silicosis, the median time in the trade was 5.2 full years (IQR 4–7).", "inconsistent")]
    [InlineData("Chez les 9 ouvriers atteints de silicose, l'ancienneté médiane était de 5 années pleines (Q1-Q3 : 4-7).", "consistent")]
    [InlineData("Chez les 9 ouvriers atteints de silicose, l'ancienneté médiane était de 5,2 années pleines (Q1-Q3 : 4-7).", "inconsistent")]
    public void ADurationInFullUnitsIsCounted(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile").Single());

    [Theory]
    // A median of integers is a whole number or a half, whatever n: 1.5 may be, 1.3 may not.
    [InlineData("Les patients ont eu 1,5 ponction pleurale en médiane (Q1-Q3 : 1-2).", "consistent")]
    [InlineData("Les patients ont eu 1,3 ponction pleurale en médiane (Q1-Q3 : 1-2).", "inconsistent")]
    // "was adjusted" in the passive is something done, not a model's estimate.
    [InlineData("The insulin dose was adjusted a median of 2 times (IQR 1–3), and patients missed a median of 1.5 scheduled injections (IQR 1–3).", "consistent")]
    [InlineData("The insulin dose was adjusted a median of 2 times (IQR 1–3), and patients missed a median of 1.3 scheduled injections (IQR 1–3).", "inconsistent")]
    [InlineData("La dose d'insuline a été ajustée 2 fois en médiane (Q1-Q3 : 1-3), et les patients ont eu 1,3 injection supplémentaire en médiane (Q1-Q3 : 1-3).", "inconsistent")]
    public void ThingsCountedWhateverTheSentenceDoesBefore(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile").Last());

    [Fact]
    public void AMeanAdjustedForCovariatesIsAModelsEstimate() =>
        // 6.43 × 30 = 192.9: a total of 193 gives it, 6.42 none; but a model's adjusted mean is no total over n.
        Assert.Equal("not_checkable", Verdicts("The scores were adjusted for age: the 30 patients had a mean score of 6.42 (SD 1.38).", "grim").Single());

    [Theory]
    // 61/23 = 2.652 prints 2.65; 2.67 × 23 = 61.41, between 61/23 = 2.652 and 62/23 = 2.696.
    [InlineData("The 23 patients who received a red-cell transfusion were given 2.65 (SD 1.08) units.", "consistent")]
    [InlineData("The 23 patients who received a red-cell transfusion were given 2.67 (SD 1.08) units.", "inconsistent")]
    // 33/14 = 2.357 prints 2.36; 2.38 × 14 = 33.32, between 33/14 = 2.357 and 34/14 = 2.429.
    [InlineData("Les 14 patients transfusés ont reçu 2,36 (ET 1,10) unités de globules rouges.", "consistent")]
    [InlineData("Les 14 patients transfusés ont reçu 2,38 (ET 1,10) unités de globules rouges.", "inconsistent")]
    // Units of insulin are no bags of blood.
    [InlineData("The 23 patients on basal insulin were given 2.67 (SD 1.08) units at bedtime.", "not_checkable")]
    public void UnitsOfBloodTransfusedAreCounted(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").First());

    [Theory]
    // A second group named in up to eight words, its verb and measure left out: 160/14 = 11.4286 prints 11.43; 11.45 × 14 = 160.3 is no total.
    [InlineData("The 20 boys had a mean total score of 12.35 (SD 3.10), and the 14 girls with a history of school difficulties a mean of 11.43 (SD 2.95).", "consistent")]
    [InlineData("The 20 boys had a mean total score of 12.35 (SD 3.10), and the 14 girls with a history of school difficulties a mean of 11.45 (SD 2.95).", "inconsistent")]
    [InlineData("Les 20 garçons avaient un score total moyen de 12,35 (ET 3,10), et les 14 filles ayant des antécédents de difficultés scolaires précoces de 11,43 (ET 2,95).", "consistent")]
    [InlineData("Les 20 garçons avaient un score total moyen de 12,35 (ET 3,10), et les 14 filles ayant des antécédents de difficultés scolaires précoces de 11,45 (ET 2,95).", "inconsistent")]
    public void ASecondGroupNamedAtLengthKeepsTheMeasure(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Last());

    [Theory]
    // 299/14 = 21.357 prints 21.36; 21.37 × 14 = 299.18 is no total over 14. The bracket may go on after the range.
    [InlineData("The primary outcome was the Oxford Knee Rating (OKR; 0 to 48 in whole points, higher is better). The 14 patients with a revision had an OKR of 21.36 (SD 4.10).", "consistent")]
    [InlineData("The primary outcome was the Oxford Knee Rating (OKR; 0 to 48 in whole points, higher is better). The 14 patients with a revision had an OKR of 21.37 (SD 4.10).", "inconsistent")]
    [InlineData("Le critère principal était la cotation du genou (CGO ; 0 à 48 en points entiers, plus élevée si meilleure). Les 14 patients repris avaient une CGO de 21,36 (ET 4,10).", "consistent")]
    [InlineData("Le critère principal était la cotation du genou (CGO ; 0 à 48 en points entiers, plus élevée si meilleure). Les 14 patients repris avaient une CGO de 21,37 (ET 4,10).", "inconsistent")]
    // A score's abbreviation defined with its range: 160/13 = 12.308 prints 12.31; 12.35 × 13 = 160.55 is no total over 13.
    [InlineData("Motor function was assessed with the Lower Limb Motor Score (LLMS, 0–50). The 13 patients with paraplegia had an LLMS of 12.31 (SD 3.20).", "consistent")]
    [InlineData("Motor function was assessed with the Lower Limb Motor Score (LLMS, 0–50). The 13 patients with paraplegia had an LLMS of 12.35 (SD 3.20).", "inconsistent")]
    [InlineData("La motricité était évaluée par le score moteur des membres inférieurs (SMMI, 0-50). Les 13 patients paraplégiques avaient un SMMI de 12,31 (ET 3,20).", "consistent")]
    [InlineData("La motricité était évaluée par le score moteur des membres inférieurs (SMMI, 0-50). Les 13 patients paraplégiques avaient un SMMI de 12,35 (ET 3,20).", "inconsistent")]
    public void AnAbbreviationDefinedWithItsWholeRange(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Last());

    [Theory]
    // The measure's intensity rated on a numeric scale: the measure is integer-valued where the paper names it again.
    // 64/14 = 4.5714, 65/14 = 4.6429: 4.64 is a total over 14, 4.62 none.
    [InlineData("Pain intensity was rated on a 0–10 numeric rating scale. The 14 participants with radiating leg pain rated it at 4.64 (SD 1.71) at baseline.", "consistent")]
    [InlineData("Pain intensity was rated on a 0–10 numeric rating scale. The 14 participants with radiating leg pain rated it at 4.62 (SD 1.71) at baseline.", "inconsistent")]
    [InlineData("L'intensité de la douleur était cotée sur une échelle numérique de 0 à 10. Les 14 patients ayant une sciatique avaient une douleur initiale à 4,64 (ET 1,71).", "consistent")]
    [InlineData("L'intensité de la douleur était cotée sur une échelle numérique de 0 à 10. Les 14 patients ayant une sciatique avaient une douleur initiale à 4,62 (ET 1,71).", "inconsistent")]
    // Never a visual analogue scale, and never a value in hours.
    [InlineData("L'intensité de la douleur était cotée sur une échelle visuelle analogique de 0 à 10. Les 14 patients ayant une sciatique avaient une douleur initiale à 4,62 (ET 1,71).", "not_checkable")]
    [InlineData("Pain intensity was rated on a 0–10 numeric rating scale. The 14 participants with radiating leg pain had pain for 4.62 (SD 1.71) hours a day.", "not_checkable")]
    public void AMeasuresIntensityRatedOnANumericScale(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Last());

    [Theory]
    // Instruments the paper calls integer scores, in their bracket or for a list: 74/14 = 5.2857 prints 5.29, 5.31 × 14 =
    // 74.34 is no total; 299/14 = 21.357 prints 21.36, 21.37 × 14 = 299.18 is none.
    [InlineData("Outcomes were the itch index (WII, 0–19) and the sleep disturbance scale (SDS, 0–12), all integer scores. The 14 patients with eczema had an SDS of 5.29 (SD 1.20).", "consistent")]
    [InlineData("Outcomes were the itch index (WII, 0–19) and the sleep disturbance scale (SDS, 0–12), all integer scores. The 14 patients with eczema had an SDS of 5.31 (SD 1.20).", "inconsistent")]
    [InlineData("L'épuisement avait trois dimensions : émotionnelle (EPE, 0-54), dépersonnalisation (DEP, 0-30) et accomplissement (ACP, 0-48), scores entiers. Les 14 patients opérés avaient une DEP de 5,29 (ET 1,20).", "consistent")]
    [InlineData("L'épuisement avait trois dimensions : émotionnelle (EPE, 0-54), dépersonnalisation (DEP, 0-30) et accomplissement (ACP, 0-48), scores entiers. Les 14 patients opérés avaient une DEP de 5,31 (ET 1,20).", "inconsistent")]
    [InlineData("Handicap was measured with the hearing handicap inventory (HHI; 0–40, integer scores). The 14 patients fitted late had an HHI of 21.36 (SD 4.10).", "consistent")]
    [InlineData("Handicap was measured with the hearing handicap inventory (HHI; 0–40, integer scores). The 14 patients fitted late had an HHI of 21.37 (SD 4.10).", "inconsistent")]
    [InlineData("La fatigue était mesurée par l'inventaire de fatigue (IFM, 0-84, scores entiers). Les 14 patientes ménopausées avaient une IFM de 21,36 (ET 4,10).", "consistent")]
    [InlineData("La fatigue était mesurée par l'inventaire de fatigue (IFM, 0-84, scores entiers). Les 14 patientes ménopausées avaient une IFM de 21,37 (ET 4,10).", "inconsistent")]
    public void InstrumentsThePaperCallsIntegerScores(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Last());

    [Theory]
    // A second group named with an ordinal ("1st", "1re") keeps the first group's count: 72/41 = 1.7561 prints 1.76;
    // 1.74 × 41 = 71.34, between 71/41 = 1.732 and 72/41 = 1.756.
    [InlineData("The 9 patients with tophi had 2.58 (SD 1.12) affected joints, and the 41 patients with disease of the 1st metatarsal joint 1.76 (SD 0.83).", "consistent")]
    [InlineData("The 9 patients with tophi had 2.58 (SD 1.12) affected joints, and the 41 patients with disease of the 1st metatarsal joint 1.74 (SD 0.83).", "inconsistent")]
    [InlineData("Les 9 patients porteurs de tophus avaient 2,58 (ET 1,12) articulations atteintes, et les 41 patients avec atteinte de la 1re MTP 1,76 (ET 0,83).", "consistent")]
    [InlineData("Les 9 patients porteurs de tophus avaient 2,58 (ET 1,12) articulations atteintes, et les 41 patients avec atteinte de la 1re MTP 1,74 (ET 0,83).", "inconsistent")]
    public void ASecondGroupNamedWithAnOrdinal(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim").Last());

    [Theory]
    // A count over a period is a rate, whatever its words: its median need not be whole or a half, only in order.
    [InlineData("Les patients ont eu 1,3 injection quotidienne en médiane (Q1-Q3 : 1-2).")]
    [InlineData("Patients had 1.3 injections daily in median (IQR 1–2).")]
    public void ACountOverAPeriodIsARate(string text)
    {
        Assert.Empty(Verdicts(text, "quantile"));
        Assert.Equal("consistent", Verdicts(text, "quantile_order").Single());
    }
}
