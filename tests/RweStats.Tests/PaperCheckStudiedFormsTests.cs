using RweStats.PaperCheck;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Forms papers print that the checker reads: a second group's value with its measure left out whose group is described
/// by a number or a relative clause, a median set apart from its quartiles by what it is timed from, a binary variable
/// stated as recorded 1 for yes, and medians of things counted whose quartiles are printed whole. Each with a correct
/// control and an impossible value; the arithmetic is given in the comments.
/// </summary>
public class PaperCheckStudiedFormsTests
{
    [Theory]
    // 37/16 = 2.3125 prints 2.31; 2.33 lies between 37/16 and 38/16 = 2.375. 19/12 = 1.583 prints 1,58; 1,55 lies
    // between 18/12 = 1.5 and 19/12. 37/14 = 2.643 prints 2.64; 2.61 lies between 36/14 = 2.571 and 37/14.
    [InlineData("The 18 women with a previous pregnancy attended 3.39 (SD 1.24) dietitian visits, the 16 women aged over 40 years 2.31 (SD 1.01).", "consistent")]
    [InlineData("The 18 women with a previous pregnancy attended 3.39 (SD 1.24) dietitian visits, the 16 women aged over 40 years 2.33 (SD 1.01).", "inconsistent")]
    [InlineData("Les 19 enfants ayant un trouble de l'attention ont eu 2,58 (DS 1,17) nuits avec réveil, et les 12 enfants de moins de 7 ans 1,58 (DS 0,51).", "consistent")]
    [InlineData("Les 19 enfants ayant un trouble de l'attention ont eu 2,58 (DS 1,17) nuits avec réveil, et les 12 enfants de moins de 7 ans 1,55 (DS 0,51).", "inconsistent")]
    [InlineData("The 21 women who took analgesics missed 1.86 (SD 1.15) classes, the 14 with a mother who had dysmenorrhea 2.64 (SD 1.19).", "consistent")]
    [InlineData("The 21 women who took analgesics missed 1.86 (SD 1.15) classes, the 14 with a mother who had dysmenorrhea 2.61 (SD 1.19).", "inconsistent")]
    [InlineData("Les 21 femmes sous antalgiques ont manqué 1,86 (ET 1,15) cours, et les 14 femmes qui avaient une mère dysménorrhéique 2,61 (ET 1,19).", "inconsistent")]
    // A group whose clause gives it a measure of its own inherits nothing.
    [InlineData("The 21 women who took analgesics missed 1.86 (SD 1.15) classes, and the 14 women who had a BMI over 30 had a weight of 81.23 (SD 9.12).", "not_checkable")]
    [InlineData("Les 21 femmes sous antalgiques ont manqué 1,86 (ET 1,15) cours, et les 14 femmes de plus de 40 ans avaient un poids de 81,23 (ET 9,12).", "not_checkable")]
    // A relative clause that leaves out the verb rating both keeps the measure: 104/27 = 3.852 prints 3.85; 3.87 lies
    // between 104/27 and 105/27 = 3.889.
    [InlineData("The 14 participants with leg pain rated it at 4.64 (SD 1.71) points, and the 27 who were working full time at 3.85 (SD 1.63).", "consistent")]
    [InlineData("The 14 participants with leg pain rated it at 4.64 (SD 1.71) points, and the 27 who were working full time at 3.87 (SD 1.63).", "inconsistent")]
    [InlineData("Les 14 participants avec une sciatique la cotaient à 4,64 (ET 1,71) points, et les 27 qui travaillaient à temps plein à 3,87 (ET 1,63).", "inconsistent")]
    [InlineData("The 19 infants had a mean of 9.63 (SD 2.07) glucose measurements, and the 40 patients who had a weight of 27.31 (SD 4.12).", "not_checkable")]
    [InlineData("Les 19 enfants avaient une moyenne de 9,63 (ET 2,07) glycémies capillaires, et les 40 patients qui avaient un IMC de 27,31 (ET 4,12).", "not_checkable")]
    public void ASecondGroupDescribedByANumberOrARelativeClause(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim")[^1]);

    [Theory]
    // A median below its first quartile is given by no data, whatever the median is timed from.
    [InlineData("Defervescence came a median of 36 hours after the start of the infusion (IQR 40–58).", "inconsistent")]
    [InlineData("Defervescence came a median of 46 hours after the start of the infusion (IQR 40–58).", "consistent")]
    [InlineData("La défervescence est survenue en médiane 36 heures après le début de la perfusion (EIQ 40-58).", "inconsistent")]
    [InlineData("La défervescence est survenue en médiane 46 heures après le début de la perfusion (EIQ 40-58).", "consistent")]
    public void AMedianTimedFromAnEventBeforeItsQuartiles(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile_order").Single());

    [Theory]
    // A 0/1 variable stated as recorded or scored 1 for yes: a proportion near 0.29 has an SD of at least 0.45 (0.29 ×
    // 0.71 = 0.206, √0.206 = 0.454); 0.32 with SD 0.47 is 16/50.
    [InlineData("Living alone, recorded as 1 for yes and 0 for no, averaged 0.32 (SD 0.47) in the 50 patients.", "consistent")]
    [InlineData("Living alone, recorded as 1 for yes and 0 for no, averaged 0.29 (SD 0.18) in the 50 patients.", "inconsistent")]
    [InlineData("Proton-pump inhibitor use (1 = yes, 0 = no) was 0.29 (SD 0.18) in the 50 patients.", "inconsistent")]
    [InlineData("Proton-pump inhibitor use (1 = yes, 0 = no) was 0.32 (SD 0.47) in the 50 patients.", "consistent")]
    [InlineData("Le fait de vivre seul, noté 1 pour oui et 0 pour non, valait 0,29 (ET 0,18) chez les 50 patients.", "inconsistent")]
    [InlineData("La prise d'IPP (1 = oui, 0 = non) valait 0,32 (ET 0,47) chez les 50 patients.", "consistent")]
    public void ABinaryVariableRecordedOneForYes(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "debit").Single());

    [Theory]
    // A bare Wilcoxon in a sentence that compares groups ("fewer", "moins de") is the rank-sum test of two groups; the
    // paper's within-patient p is then a paired test's: 3.1 points with SDs 1.1 and 1.9 in 17 women gives t ≥ 5.8 (ρ =
    // 0), p < .001, never .27.
    [InlineData("Women in the exercise group missed fewer days of class, Wilcoxon z = 2.71, p = .007. Among the 17 women who took a contraceptive, worst pain fell from 7.9 (SD 1.1) to 4.8 (SD 1.9), p = .27.", "inconsistent")]
    [InlineData("Women in the exercise group missed fewer days of class, Wilcoxon z = 2.71, p = .007. Among the 17 women who took a contraceptive, worst pain fell from 7.9 (SD 1.1) to 4.8 (SD 1.9), p < .001.", "consistent")]
    [InlineData("Les femmes du groupe exercice ont manqué moins de jours de cours (Wilcoxon z = 2,71 ; p = 0,007). Chez les 17 femmes sous contraceptif, la douleur est passée de 7,9 (ET 1,1) à 4,8 (ET 1,9) (p = 0,27).", "inconsistent")]
    // A signed-rank test named for the paper's paired comparisons leaves its p unchecked.
    [InlineData("Paired comparisons used the Wilcoxon signed-rank test. Among the 17 women who took a contraceptive, worst pain fell from 7.9 (SD 1.1) to 4.8 (SD 1.9), p = .27.", "not_checkable")]
    public void ARankSumTestOfGroupsSaysNothingOfThePairedTest(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "within_patient_p").Single());

    [Theory]
    // Records a test prints are counted, not a mass: 35/8 = 4.375 needs values of 4 and 5, whose SD is 0.52, never 0.29
    // (GRIMMER); 58/18 = 3.222 prints 3.22, and 3.25 lies between 58/18 and 59/18 = 3.278 (GRIM).
    [InlineData("The 8 children with aneurysms had 4.38 (SD 0.52) echocardiograms in the first year.", "grimmer", "consistent")]
    [InlineData("The 8 children with aneurysms had 4.38 (SD 0.29) echocardiograms in the first year.", "grimmer", "inconsistent")]
    [InlineData("Les 8 enfants ayant un anévrisme ont eu 4,38 (ET 0,29) échocardiogrammes la première année.", "grimmer", "inconsistent")]
    [InlineData("The 8 children with aneurysms received 4.38 (SD 0.29) milligrams a day.", "grim", "not_checkable")]
    [InlineData("The 18 children with incomplete disease met 3.22 (SD 0.81) principal clinical criteria.", "grim", "consistent")]
    [InlineData("The 18 children with incomplete disease met 3.25 (SD 0.81) principal clinical criteria.", "grim", "inconsistent")]
    [InlineData("Les 18 enfants ayant une forme incomplète remplissaient 3,25 (ET 0,81) critères cliniques.", "grim", "inconsistent")]
    public void RecordsAndCriteriaAreCounted(string text, string check, string verdict) => Assert.Equal(verdict, Verdicts(text, check).Single());

    [Theory]
    // Days counted, whatever days they are, with whole quartiles: a median of whole numbers is whole or a half, never 2.3.
    [InlineData("Those with a full-time brace missed a median of 2.3 school days for brace fittings (IQR 1–4).", "inconsistent")]
    // School days missed are whole, and a half is a median of whole numbers: some sample sizes give these values.
    [InlineData("Those with a full-time brace missed a median of 2.5 school days for brace fittings (IQR 1–4).", "consistent")]
    [InlineData("Les patients ont eu une médiane de 2,3 jours d'arrêt de travail (EIQ 1-4).", "inconsistent")]
    [InlineData("Les patients ont manqué en médiane 2,3 journées scolaires (EIQ 1-4).", "inconsistent")]
    public void AMedianOfDaysCountedWithWholeQuartiles(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile").DefaultIfEmpty("not_checkable").Single());

    [Theory]
    // A median of things counted with what they were counted over between it and its quartiles.
    [InlineData("Those who increased the dose still reported a median of 1.3 nights woken by cough per week (IQR 1–3).", "inconsistent")]
    [InlineData("Ceux qui avaient augmenté la dose rapportaient encore une médiane de 1,3 nuits réveillées par la toux par semaine (EIQ 1-3).", "inconsistent")]
    public void AMedianOfNightsCounted(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile").Single());

    [Theory]
    // A second group named by its arm: 40/16 = 2.5, 39/16 = 2.4375, so 2.47 is impossible with 16; 2.44 is possible.
    [InlineData("The 18 children with incomplete disease in the prednisolone group met 3.22 (SD 0.81) principal clinical criteria, and the 16 in the IVIG-alone group 2.44 (SD 0.52).", "consistent")]
    [InlineData("The 18 children with incomplete disease in the prednisolone group met 3.22 (SD 0.81) principal clinical criteria, and the 16 in the IVIG-alone group 2.47 (SD 0.52).", "inconsistent")]
    [InlineData("Les 18 enfants du groupe prednisolone avaient eu 3,22 (ET 0,81) consultations, et les 16 du groupe IgIV seules 2,47 (ET 0,52).", "inconsistent")]
    [InlineData("Les 18 enfants du groupe prednisolone avaient eu 3,22 (ET 0,81) consultations, et les 16 du groupe IgIV seules 2,44 (ET 0,52).", "consistent")]
    public void ASecondGroupNamedByItsArm(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "grim")[^1]);

    [Theory]
    // A second median after the first's arm, its limits bare: a median below its first quartile is given by no data.
    [InlineData("Worst itch at baseline had a median of 7 [IQR 6–8] with tozacitinib and 7 [8–9] with vehicle.", "inconsistent")]
    [InlineData("Worst itch at baseline had a median of 7 [IQR 6–8] with tozacitinib and 8 [7–9] with vehicle.", "consistent")]
    [InlineData("Le prurit initial avait une médiane de 7 [EIQ 6-8] sous tozacitinib et de 7 [8-9] sous excipient.", "inconsistent")]
    [InlineData("Le prurit initial avait une médiane de 7 [EIQ 6-8] sous tozacitinib et de 8 [7-9] sous excipient.", "consistent")]
    public void ASecondMedianAfterTheFirstsArm(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile_order")[^1]);

    [Theory]
    // The arm given after the first median ("after radiofrequency"): the second median, 3.2 days counted, is given by no
    // integer data (a median of whole numbers is whole or a half); 3,5 is possible.
    [InlineData("The number of days with rescue paracetamol had a median of 2 [IQR 0–4] after radiofrequency and of 3.2 [1–5] after sham.", "inconsistent")]
    [InlineData("Le nombre de jours avec paracétamol de secours avait une médiane de 2 [EIQ 0-4] après radiofréquence et de 3,2 [1-5] après simulation.", "inconsistent")]
    [InlineData("Le nombre de jours avec paracétamol de secours avait une médiane de 2 [EIQ 0-4] après radiofréquence et de 3,5 [1-5] après simulation.", "consistent")]
    public void ASecondMedianAfterTheFirstsArmNamedByAfter(string text, string verdict) =>
        Assert.Equal(verdict, CheckText(text).Findings.Where(f => f.Check == "quantile").OrderBy(f => f.Start).Select(f => Finding.VerdictName(f.Verdict)).Last());

    [Theory]
    // A second median known by its quartiles, named by five words: days off work with whole quartiles, 3.2 is given by no
    // whole days; with a quartile not whole, the quartiles are only in order.
    [InlineData("Les répondants déclaraient une médiane de 12 heures supplémentaires par mois (Q1-Q3 : 4-20) et, sur les douze derniers mois, de 3,2 jours en arrêt de travail (Q1-Q3 : 0-9).", "quantile", "inconsistent")]
    [InlineData("Respondents reported a median of 12 overtime hours a month (IQR 4–20) and, over the last twelve months, of 3.2 days off sick from work (IQR 0–9).", "quantile", "inconsistent")]
    [InlineData("Respondents reported a median of 12 overtime hours a month (IQR 4–20) and, over the last twelve months, of 3.2 days off sick from work (IQR 0.5–9).", "quantile_order", "consistent")]
    public void AMedianNamedInFiveWordsBeforeItsQuartiles(string text, string check, string verdict) =>
        Assert.Equal(verdict, CheckText(text).Findings.Where(f => f.Check == check).OrderBy(f => f.Start).Select(f => Finding.VerdictName(f.Verdict)).Last());

    [Theory]
    // A median of whole numbers is whole or a half: 4.8 cycles is given by no data; 4.5 is (with 12 responders).
    [InlineData("Patients received a median of 6 cycles (range 2–19); the median number of cycles before a first response was 4.8 in the 12 responders.", "inconsistent")]
    [InlineData("Patients received a median of 6 cycles (range 2–19); the median number of cycles before a first response was 4.5 in the 12 responders.", "consistent")]
    [InlineData("Les patients ont reçu une médiane de 6 cycles (extrêmes 2-19) ; le nombre médian de cycles avant la première réponse était de 4,8 chez les 12 répondeurs.", "inconsistent")]
    [InlineData("Les patients ont reçu une médiane de 6 cycles (extrêmes 2-19) ; le nombre médian de cycles avant la première réponse était de 4,5 chez les 12 répondeurs.", "consistent")]
    public void AMedianAloneWithItsMeasureBetweenTheWordAndTheVerb(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile")[^1]);
}
