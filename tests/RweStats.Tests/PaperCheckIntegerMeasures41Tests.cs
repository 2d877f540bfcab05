using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// A median whose own printed numbers show the data are whole: its quartiles, range or limits printed whole while it
/// has a tenth no half (a median of whole numbers is whole or a half under every quantile definition), or a maximum
/// with a fraction beside a whole median and minimum (the maximum is one of the values). Only for a measure recorded in
/// a whole unit: a time, things counted, a table row whose label names a time or whose other cells print the same
/// measure whole; never a physical or laboratory quantity.
/// </summary>
public class PaperCheckIntegerMeasures41Tests
{
    [Theory]
    // 4.6, 3.4 and 12.4 are no whole number nor a half; the limits printed whole say the weeks, months and days were counted whole.
    [InlineData("Symptoms resolved after a median of 4.6 weeks (IQR 3–7) in the 52 patients.")]
    [InlineData("Return to work took 12.4 days (interquartile range 8–19) after the repair.")]
    [InlineData("Among the 30 children, seizures recurred after 3.4 months in median (range 1–11).")]
    [InlineData("Les patients ont repris le travail après une médiane de 3,4 mois (Q1-Q3 : 2-6).")]
    [InlineData("La cicatrisation a demandé 4,6 semaines en médiane après la greffe (EIQ 3-7) chez les 52 patients.")]
    // Things counted: 2.6 and 3.3 are no whole number nor a half.
    [InlineData("Before referral the 45 patients had received a median of 2.6 antibiotic courses (IQR 1–4).")]
    [InlineData("Avant l'adressage, les patients avaient eu 3,3 fibroscopies en médiane (Q1-Q3 : 2-5).")]
    // The maximum is one of the values: 14.5 nights beside a whole median and minimum.
    [InlineData("The stay lasted a median of 6 nights (range 2–14.5).")]
    [InlineData("Le séjour a duré 6 nuits en médiane (extrêmes 2-14,5).")]
    public void AMedianWithATenthBesideWholeLimitsOfAWholeUnitIsImpossible(string text) => Assert.Equal("inconsistent", Verdict(text, "quantile"));

    [Theory]
    // A half is a median of whole numbers (an even n); limits with decimals are of real-valued data; a mass, a pressure
    // or a concentration is measured, not counted; a count per day is a rate; minutes are measured; a minimum of half a
    // day may be a real stay.
    [InlineData("Symptoms resolved after a median of 4.5 weeks (IQR 3–7) in the 52 patients.")]
    [InlineData("Symptoms resolved after a median of 4.6 weeks (IQR 3.1–7.2) in the 52 patients.")]
    [InlineData("The median weight loss was 4.6 kg (IQR 3–7) at one year.")]
    [InlineData("La perte de poids médiane était de 4,6 kg (Q1-Q3 : 3-7) à un an.")]
    [InlineData("Smokers in the clinic arm smoked a median of 8.3 cigarettes per day (IQR 5–12).")]
    [InlineData("Les patients utilisaient une médiane de 2,6 bouffées par jour (Q1-Q3 : 1-4).")]
    [InlineData("Procedures took a median of 23.4 minutes (IQR 15–30).")]
    [InlineData("The stay lasted a median of 6 days (range 0.5–14).")]
    [InlineData("Le séjour a duré 6 jours en médiane (extrêmes 0,5-14).")]
    public void AHalfDecimalLimitsOrAMeasuredQuantityAreNotFlagged(string text)
    {
        Assert.Null(Verdict(text, "quantile"));
        Assert.Equal("consistent", Verdict(text, "quantile_order"));
    }

    [Theory]
    // The row's other cell prints the same measure whole, median and limits: 1.6, 3.4 and 8.4 are no median of whole numbers.
    [InlineData("Characteristic | Surgery (n = 30) | Observation (n = 31)\n|---|---|---|\n| Parity, median (IQR) | 2 (1–3) | 1.6 (1–3) |\n")]
    [InlineData("Characteristic  Surgery (n = 30)  Observation (n = 31)\nDuration of symptoms, months, median (IQR)  7 (4–12)  8.4 (5–13)\n")]
    [InlineData("Caractéristique  Chirurgie (n = 30)  Surveillance (n = 31)\nStade de Tanner, médiane (Q1-Q3)  3 (2-4)  3,4 (2-4)\n")]
    [InlineData("| Caractéristique | Chirurgie (n = 30) | Surveillance (n = 31) |\n|---|---|---|\n| Crises par mois, médiane (extrêmes) | 4 (1-9) | 3,3 (1-8) |\n")]
    [InlineData("Variable  Drug (n = 40)  Placebo (n = 40)\nYears since diagnosis, Mdn (IQR)  6 (3–10)  5.2 (3–9)\n")]
    public void ATableMedianWithATenthBesideCellsPrintedWholeIsImpossible(string text) => Assert.Equal("inconsistent", Verdict(text, "quantile"));

    [Theory]
    // A laboratory or physical quantity, a body mass index, or a row whose other cell prints decimals: real-valued.
    [InlineData("Characteristic | Surgery (n = 30) | Observation (n = 31)\n|---|---|---|\n| CRP, mg/L, median (IQR) | 5 (3–9) | 5.3 (3–9) |\n")]
    [InlineData("Characteristic  Surgery (n = 30)  Observation (n = 31)\nBMI, median (IQR)  24 (22–27)  24.3 (22–27)\n")]
    [InlineData("Caractéristique  Chirurgie (n = 30)  Surveillance (n = 31)\nClairance, mL/min, médiane (Q1-Q3)  61 (48-75)  58,4 (47-72)\n")]
    [InlineData("Caractéristique  Chirurgie (n = 30)  Surveillance (n = 31)\nVolume de la lésion, médiane (Q1-Q3)  3,1 (2,0-4,2)  3,4 (2-4)\n")]
    public void ATableMedianOfAMeasuredQuantityIsNotFlagged(string text) => Assert.DoesNotContain("inconsistent", Verdicts(text, "quantile").Concat(Verdicts(text, "quantile_order")));

    [Theory]
    // "Mdn (IQR)" names a median and its quartiles as "median (IQR)" does: the cells are read and their order checked.
    [InlineData("Variable | Drug (n = 40) | Placebo (n = 40)\n|---|---|---|\n| Age, years, Mdn (IQR) | 44 (37–51) | 45 (38–53) |\n", "consistent,consistent")]
    [InlineData("Variable | Drug (n = 40) | Placebo (n = 40)\n|---|---|---|\n| Age, years, Mdn (IQR) | 44 (37–51) | 55 (38–53) |\n", "consistent,inconsistent")]
    public void MdnNamesAMedianInATable(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text, "quantile_order")));

    [Theory]
    // Things counted over one stated period: each one's count over a week or a day is whole, so the mean is a whole
    // total over n. 3.64 × 11 = 40.04 (40/11 = 3.636 prints 3.64); 3.61 × 11 = 39.71, between 39/11 = 3.545 and 40/11 =
    // 3.636; 2.47 × 15 = 37.05 (37/15 = 2.467); 2.43 × 15 = 36.45, between 36/15 = 2.40 and 37/15 = 2.467.
    [InlineData("In the 11 patients with an infected wound, nurses made 3.64 (SD 1.02) home visits a week.", "consistent")]
    [InlineData("In the 11 patients with an infected wound, nurses made 3.61 (SD 1.02) home visits a week.", "inconsistent")]
    [InlineData("The 15 children given the spacer used 2.43 (SD 0.91) rescue inhalations per day during the first month.", "inconsistent")]
    [InlineData("The 15 children given the spacer needed their inhaler 2.47 (SD 0.91) times a day.", "consistent")]
    [InlineData("The 15 children given the spacer needed their inhaler 2.43 (SD 0.91) times a day.", "inconsistent")]
    [InlineData("Chez les 11 patients avec une plaie infectée, les infirmières ont fait 3,61 (ET 1,02) visites à domicile par semaine.", "inconsistent")]
    [InlineData("Les 15 enfants sous chambre d'inhalation utilisaient 2,47 (ET 0,91) bouffées de secours par jour.", "consistent")]
    [InlineData("Les 15 enfants sous chambre d'inhalation utilisaient leur inhalateur 2,43 (ET 0,91) fois par jour.", "inconsistent")]
    public void AMeanOfThingsCountedOverOnePeriod(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // A measured quantity over a period, a count per month (a frequency normalised over a longer diary), per a number of
    // people or per person-time, is a rate: not checked.
    [InlineData("The 11 patients lost 0.64 (SD 0.21) kg a week.")]
    [InlineData("Les 11 patients perdaient 0,64 (ET 0,21) kg par semaine.")]
    [InlineData("The 11 wards recorded 3.61 (SD 1.02) falls per 1000 bed-days.")]
    [InlineData("The 11 patients drank 1.64 (SD 0.21) litres a day.")]
    [InlineData("The 11 patients had 3.61 (SD 1.02) migraine attacks per month.")]
    [InlineData("Les 11 patients avaient 3,61 (ET 1,02) consultations par mois.")]
    public void AMeasuredQuantityOrARatePerNumberIsNotCounted(string text) => Assert.NotEqual("inconsistent", Verdict(text, "grim"));

    [Theory]
    // Days on which a thing happened are counted whole: 5.43 × 21 = 114.03 (114/21 = 5.429); 5.45 × 21 = 114.45, between
    // 114/21 = 5.429 and 115/21 = 5.476; 1.92 × 12 = 23.04 (23/12 = 1.917); 1.95 × 12 = 23.4, between 23/12 = 1.917 and 24/12 = 2.
    [InlineData("The 21 patients in the home arm took their rescue spray on 5.43 (SD 2.18) days.", "consistent")]
    [InlineData("The 21 patients in the home arm took their rescue spray on 5.45 (SD 2.18) days.", "inconsistent")]
    [InlineData("The 21 patients in the home arm were treated on a mean of 5.45 days (SD 2.18) during the season.", "inconsistent")]
    [InlineData("The 12 children kept at home had 1.95 (SD 0.83) days with fever.", "inconsistent")]
    [InlineData("Les 12 enfants gardés à domicile avaient eu 1,92 (DS 0,83) jours de fièvre.", "consistent")]
    [InlineData("Les 12 enfants gardés à domicile avaient eu 1,95 (DS 0,83) jours d'absentéisme.", "inconsistent")]
    public void AMeanOfDaysOnWhichAThingHappened(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // An age or a duration of life or treatment in days is no count of days on which a thing happened.
    [InlineData("The 12 infants were 5.45 (SD 2.18) days of age at inclusion.")]
    [InlineData("Les 12 nourrissons avaient 5,45 (ET 2,18) jours de vie à l'inclusion.")]
    public void AnAgeInDaysIsNotACountOfDays(string text) => Assert.NotEqual("inconsistent", Verdict(text, "grim"));
}
