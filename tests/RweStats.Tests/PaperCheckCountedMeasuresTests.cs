using RweStats.PaperCheck;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Measures the paper checker takes as integer-valued from the things they count: a French singular with what it is
/// of, changes of a thing given or fitted. Each with a correct control, an impossible value and a form that stays
/// real-valued; the arithmetic is spelled out in the comments (a median of integers is whole or a half under every
/// quantile definition; GRIM: the mean of n integers is a whole total over n).
/// </summary>
public class PaperCheckCountedMeasuresTests
{
    [Theory]
    // The French singular a count below 2 takes, with what it is of or where it took place: 1,7 is neither whole nor a
    // half, 1,5 is a half.
    [InlineData("Les 40 patients sous collyres ont eu 1,7 changement de collyre en médiane (Q1-Q3 : 1-2).", "inconsistent")]
    [InlineData("Les 40 patients sous collyres ont eu 1,5 changement de collyre en médiane (Q1-Q3 : 1-2).", "consistent")]
    [InlineData("Les 40 patients asthmatiques ont eu 1,3 passage aux urgences en médiane (Q1-Q3 : 1-2).", "inconsistent")]
    [InlineData("Les 40 patients diabétiques ont eu 1,4 épisode d'hypoglycémie en médiane (Q1-Q3 : 1-2).", "inconsistent")]
    public void AFrenchSingularCountWithWhatItIsOf(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile").Single());

    [Theory]
    // A time with a complement is a duration, not a thing counted.
    [InlineData("Les 40 patients ont eu 1,7 heure de sommeil en médiane (Q1-Q3 : 1-2).")]
    [InlineData("Les 40 patients ont eu 1,7 semaine d'arrêt en médiane (Q1-Q3 : 1-2).")]
    // A quantity measured after "de" makes a measure, not a thing counted: a weight gain.
    [InlineData("Les 40 patients ont eu 1,7 prise de poids en médiane (Q1-Q3 : 1-2).")]
    public void AFrenchSingularTimeWithAComplementIsNoCount(string text) => Assert.Empty(Verdicts(text, "quantile"));

    [Theory]
    // 34/13 = 2.6154 prints 2.62; 2.58 × 13 = 33.54, between 33/13 = 2.538 and 34/13 = 2.615.
    [InlineData("The 13 patients with hyperglycemia needed 2.62 (SD 1.12) changes of diabetes treatment.", "consistent")]
    [InlineData("The 13 patients with hyperglycemia needed 2.58 (SD 1.12) changes of diabetes treatment.", "inconsistent")]
    [InlineData("The 13 patients with hyperglycemia had 2.58 (SD 1.12) treatment switches.", "inconsistent")]
    [InlineData("Les 13 patients ayant une hyperglycémie ont eu 2,62 (ET 1,12) changements de traitement antidiabétique.", "consistent")]
    [InlineData("Les 13 patients ayant une hyperglycémie ont eu 2,58 (ET 1,12) changements de traitement antidiabétique.", "inconsistent")]
    public void ChangesOfAThingGivenAreCounted(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // Changes in a measure, or in what a treatment gives, are no count; nor are changes over a period (a rate).
    [InlineData("The 13 patients had 2.58 (SD 1.12) changes in treatment satisfaction.")]
    [InlineData("The 13 patients had 2.58 (SD 1.12) changes in body weight.")]
    [InlineData("The 13 patients had 2.58 (SD 1.12) changes of treatment per year.")]
    public void ChangesInAMeasureAreNoCount(string text) => Assert.Equal("not_checkable", Verdict(text, "grim"));

    [Theory]
    // A count per village, household or eye is each one's whole count: 4.7 is neither whole nor a half, 4.5 is a half.
    [InlineData("In the 40 villages, each round needed a median of 4.7 distribution teams per village (IQR 4–6).", "inconsistent")]
    [InlineData("In the 40 villages, each round needed a median of 4.5 distribution teams per village (IQR 4–6).", "consistent")]
    [InlineData("The 40 patients had a median of 2.3 injections per eye (IQR 1–4).", "inconsistent")]
    [InlineData("Dans les 40 villages, chaque tournée a mobilisé une médiane de 4,7 équipes par village (Q1-Q3 : 4-6).", "inconsistent")]
    [InlineData("Dans les 40 villages, chaque tournée a mobilisé une médiane de 4,5 équipes par village (Q1-Q3 : 4-6).", "consistent")]
    [InlineData("Les 40 patients ont reçu une médiane de 2,3 injections par œil (Q1-Q3 : 1-4).", "inconsistent")]
    public void ACountPerUnitOfObservation(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile").Single());

    [Theory]
    // A count per day, or per a number of people, is a rate.
    [InlineData("In the 40 villages, each round needed a median of 4.7 distribution teams per day (IQR 4–6).")]
    [InlineData("In the 40 villages, there was a median of 4.7 clinic visits per 1000 residents (IQR 4–6).")]
    [InlineData("Dans les 40 villages, chaque tournée a mobilisé une médiane de 4,7 équipes par jour (Q1-Q3 : 4-6).")]
    public void ACountPerTimeOrPerNumberIsARate(string text) => Assert.Empty(Verdicts(text, "quantile"));

    const string ActivityScoreEn = "Patients with active disease (clinical activity score [CAS] of 4 or more on a 7-point scale) were randomized.\n\nTable 1. Baseline characteristics\n\n| Characteristic | Drug (n = 41) | Placebo (n = 42) |\n|---|---|---|\n| CAS, median (IQR) | 5 (4–6) | {0} (4–6) |\n";
    const string ActivityScoreFr = "Les patients avaient une maladie active (score d'activité clinique [SAC] de 4 ou plus sur une échelle en 7 points).\n\nTableau 1. Caractéristiques initiales\n\n| Caractéristique | Traitement (n = 41) | Placebo (n = 42) |\n|---|---|---|\n| SAC, médiane (Q1-Q3) | 5 (4-6) | {0} (4-6) |\n";

    [Theory]
    // A score whose abbreviation the paper defines and gives as an N-point scale takes whole values wherever the
    // abbreviation stands alone (a table row): a median of 42 integers is whole or a half.
    [InlineData(ActivityScoreEn, "4.7", "inconsistent")]
    [InlineData(ActivityScoreEn, "4.5", "consistent")]
    [InlineData(ActivityScoreFr, "4,7", "inconsistent")]
    [InlineData(ActivityScoreFr, "4,5", "consistent")]
    public void AScoreDefinedAsAnNPointScale(string table, string median, string verdict) =>
        Assert.Equal(verdict, Verdicts(string.Format(table, median), "quantile")[1]);

    [Theory]
    // The N-point scale of another measure joined to it ("and pain on …") says nothing of the index defined before it.
    [InlineData("Disability was rated with the disability index [DI], and pain on an 11-point scale.\n\nTable 1. Baseline\n\n| Characteristic | Drug (n = 41) | Placebo (n = 42) |\n|---|---|---|\n| DI, median (IQR) | 5 (4–6) | 4.7 (4–6) |\n")]
    [InlineData("L'incapacité était mesurée par l'indice d'incapacité (II), et la douleur sur une échelle en 11 points.\n\nTableau 1. Inclusion\n\n| Caractéristique | Traitement (n = 41) | Placebo (n = 42) |\n|---|---|---|\n| II, médiane (Q1-Q3) | 5 (4-6) | 4,7 (4-6) |\n")]
    public void AnNPointScaleOfAnotherMeasure(string text) => Assert.Empty(Verdicts(text, "quantile"));

    [Theory]
    // A bracket after the scale's range saying its values are whole: 79/11 = 7.1818 prints 7.18; 7.22 × 11 = 79.42.
    [InlineData("Pain at rest was rated on a 0–10 numeric rating scale (NRS, whole numbers). The 11 patients with neuropathy had an NRS of 7.18 (SD 1.66).", "consistent")]
    [InlineData("Pain at rest was rated on a 0–10 numeric rating scale (NRS, whole numbers). The 11 patients with neuropathy had an NRS of 7.22 (SD 1.66).", "inconsistent")]
    [InlineData("La douleur était cotée sur une échelle numérique de 0 à 10 (EN, en points entiers). Les 11 patients neuropathiques avaient une EN de 7,18 (ET 1,66).", "consistent")]
    [InlineData("La douleur était cotée sur une échelle numérique de 0 à 10 (EN, en points entiers). Les 11 patients neuropathiques avaient une EN de 7,22 (ET 1,66).", "inconsistent")]
    // Counts of teeth and sums of whole item scores named by their abbreviation: 62/11 = 5.636 prints 5.64; 5.62 × 11 = 61.82.
    [InlineData("At baseline, the 11 children in the varnish arm had a dmft of 5.64 (SD 2.84).", "consistent")]
    [InlineData("At baseline, the 11 children in the varnish arm had a dmft of 5.62 (SD 2.84).", "inconsistent")]
    [InlineData("À l'inclusion, les 11 enfants du bras vernis avaient un CAO de 5,62 (ET 2,84).", "inconsistent")]
    [InlineData("The 11 patients given the 1-L preparation had a mean BBPS total of 7.22 (SD 1.52).", "inconsistent")]
    [InlineData("Les 11 patients du groupe exercice avaient un SPPB de 7,22 (ET 1,52) à 12 mois.", "inconsistent")]
    public void WholeValuesStatedOrKnownByTheInstrument(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    const string VisitTableEn = "Of the 22 patients, 11 were in the radiofrequency group and 11 in the sham group. Pain was rated on a 0–10 numeric rating scale (NRS, whole numbers).\n\nTable 5. Pain at rest (0–10 NRS), mean ± SD.\n\n| Visit | Radiofrequency (n = 11) | Sham |\n|---|---|---|\n| Baseline | {0} ± 1.21 | 6.91 ± 1.18 |\n| Week 12 | 4.91 ± 1.87 | {1} ± 1.52 |\n";
    const string VisitTableFr = "Sur les 22 patients, 11 étaient dans le groupe radiofréquence et 11 dans le groupe placebo. La douleur était cotée sur une échelle numérique de 0 à 10 (EN, en points entiers).\n\nTableau 5. Douleur au repos (EN de 0 à 10), moyenne ± ET.\n\n| Visite | Radiofréquence (n = 11) | Placebo |\n|---|---|---|\n| Inclusion | {0} ± 1,21 | 6,91 ± 1,18 |\n| Semaine 12 | 4,91 ± 1,87 | {1} ± 1,52 |\n";

    [Theory]
    // A table by visit whose columns are arms (an n in the header, or what the text calls a group): the one measure its
    // caption names is every cell's. With 11: 75/11 = 6.818 prints 6.82, 72/11 = 6.545 prints 6.55; 6.84 × 11 = 75.24
    // and 6.53 × 11 = 71.83 are no whole totals.
    [InlineData(VisitTableEn, "6.82", "6.55", "consistent", "consistent")]
    [InlineData(VisitTableEn, "6.84", "6.53", "inconsistent", "inconsistent")]
    [InlineData(VisitTableFr, "6,82", "6,55", "consistent", "consistent")]
    [InlineData(VisitTableFr, "6,84", "6,53", "inconsistent", "inconsistent")]
    public void ATableByVisitWithArmsInItsColumns(string table, string baseline, string week12, string first, string last)
    {
        var text = string.Format(table, baseline, week12);
        var grim = CheckText(text).Findings.Where(f => f.Check == "grim").ToList();
        Assert.Equal(first, Finding.VerdictName(grim.Single(f => text[f.Start..].StartsWith(baseline)).Verdict));
        Assert.Equal(last, Finding.VerdictName(grim.Single(f => text[f.Start..].StartsWith(week12)).Verdict));
    }

    [Theory]
    // Values with bare limits in a sentence that ends by saying they are medians with quartiles: a score's median of
    // 118 integers is whole or a half (38.3 is neither); the order of any data's quartiles (40 above 36 is not).
    [InlineData("In the 118 patients, the MIDAS score was 36 (24–58) at baseline and 38 (25–61) at week 12, median (IQR).", "quantile", "consistent,consistent")]
    [InlineData("In the 118 patients, the MIDAS score was 36 (24–58) at baseline and 38.3 (25–61) at week 12, median (IQR).", "quantile", "consistent,inconsistent")]
    [InlineData("In the 118 patients, the time to discharge was 36 (40–58) hours after surgery (median [IQR]).", "quantile_order", "inconsistent")]
    [InlineData("Chez les 131 enfants revus, le nombre d'exacerbations était de 2 [1 ; 3] avant l'inclusion et de 0 [0 ; 1] pendant le suivi (médiane [Q1 ; Q3]).", "quantile", "consistent,consistent")]
    [InlineData("Chez les 131 enfants revus, le nombre d'exacerbations était de 2 [1 ; 3] avant l'inclusion et de 0,7 [0 ; 1] pendant le suivi (médiane [Q1 ; Q3]).", "quantile", "consistent,inconsistent")]
    [InlineData("Chez les 131 enfants revus, le délai de sortie était de 36 [40 ; 58] heures (médiane [Q1 ; Q3]).", "quantile_order", "inconsistent")]
    public void MediansDeclaredAtTheSentencesEnd(string text, string check, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text, check)));

    [Theory]
    // Without the statement, bare limits may be a range, an interval or references: no median.
    [InlineData("In the 118 patients, the MIDAS score was 36 (24–58) at baseline and 38.3 (25–61) at week 12.")]
    [InlineData("Chez les 131 enfants revus, le nombre d'exacerbations était de 2 [1 ; 3] avant l'inclusion et de 0,7 [0 ; 1] pendant le suivi.")]
    public void BareLimitsWithoutTheStatement(string text) => Assert.Empty(Verdicts(text, "quantile").Concat(Verdicts(text, "quantile_order")));

    [Theory]
    // Things counted named before the statistic's name and a colon or comma: 229/67 = 3.4179 prints 3.42; 3.41 × 67 =
    // 228.47, between 228/67 = 3.403 and 229/67 = 3.418. A median of 37 integers is whole or a half.
    [InlineData("The 67 children in the silver foam group needed fewer dressing changes: mean 3.42 (SD 1.27).", "grim", "consistent")]
    [InlineData("The 67 children in the silver foam group needed fewer dressing changes: mean 3.41 (SD 1.27).", "grim", "inconsistent")]
    [InlineData("Les 67 enfants du groupe mousse ont eu moins de réfections de pansement : moyenne 3,41 (ET 1,27).", "grim", "inconsistent")]
    [InlineData("Les 37 patients avaient moins d'exacerbations sévères, médiane 1,5 (Q1-Q3 : 0-2).", "quantile", "consistent")]
    [InlineData("Les 37 patients avaient moins d'exacerbations sévères, médiane 1,3 (Q1-Q3 : 0-2).", "quantile", "inconsistent")]
    public void ThingsCountedBeforeTheStatisticsName(string text, string check, string verdict) => Assert.Equal(verdict, Verdicts(text, check).Single());

    [Theory]
    // A rate, or a measure in a plural, named so is no count.
    [InlineData("The 67 children had fewer hospital admissions per year: mean 3.41 (SD 1.27).")]
    [InlineData("The 67 children had lower body weights: mean 3.41 (SD 1.27).")]
    [InlineData("Les 67 enfants avaient moins de consultations par mois : moyenne 3,41 (ET 1,27).")]
    public void ARateOrAMeasureBeforeTheStatisticsName(string text) => Assert.Equal("not_checkable", Verdict(text, "grim"));

    [Theory]
    // The same median in another group, said by a pronoun with its bare limits: 21 outside [14; 18] whether they are
    // quartiles, a range or an interval; 16 inside.
    [InlineData("In the 62 patients treated at home, the median length of stay was 9 days [7–12]; in the 41 with a renal abscess, it was 16 days [14–18].", "consistent,consistent")]
    [InlineData("In the 62 patients treated at home, the median length of stay was 9 days [7–12]; in the 41 with a renal abscess, it was 21 days [14–18].", "consistent,inconsistent")]
    [InlineData("Chez les 62 patients traités à domicile, la durée médiane d'antibiothérapie était de 9,5 jours [7 ; 12] ; chez les 41 patients ayant un abcès rénal, elle était de 16 jours [14 ; 18].", "consistent,consistent")]
    [InlineData("Chez les 62 patients traités à domicile, la durée médiane d'antibiothérapie était de 9,5 jours [7 ; 12] ; chez les 41 patients ayant un abcès rénal, elle était de 21 jours [14 ; 18].", "consistent,inconsistent")]
    // No pronoun: the second value's limits may be anything.
    [InlineData("In the 62 patients treated at home, the median length of stay was 9 days [7–12]; the 41 with a renal abscess stayed 21 days [14–18].", "consistent")]
    public void TheSameMedianInAnotherGroupByItsPronoun(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text, "quantile_order")));

    [Theory]
    // A second group with its own n in brackets, its verb and measure left out, gives the same score: 162/22 = 7.3636
    // prints 7.36; with 26, 277/26 = 10.654 prints 10.65 and 10.67 × 26 = 277.42 is no whole total.
    [InlineData("The 22 participants who attended all eight sessions had a mean GAD-7 score of 7.36 (SD = 3.90) at post-test, and those who missed at least one session (n = 26) a mean of 10.65 (SD = 4.53).", "consistent,consistent")]
    [InlineData("The 22 participants who attended all eight sessions had a mean GAD-7 score of 7.36 (SD = 3.90) at post-test, and those who missed at least one session (n = 26) a mean of 10.67 (SD = 4.53).", "consistent,inconsistent")]
    [InlineData("Les 22 participants assidus avaient un score GAD-7 moyen de 7,36 (ET 3,90), et ceux qui avaient manqué une séance (n = 26) une moyenne de 10,65 (ET 4,53).", "consistent,consistent")]
    [InlineData("Les 22 participants assidus avaient un score GAD-7 moyen de 7,36 (ET 3,90), et ceux qui avaient manqué une séance (n = 26) une moyenne de 10,67 (ET 4,53).", "consistent,inconsistent")]
    public void ASecondGroupWithItsOwnNInBrackets(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text, "grim")));

    [Theory]
    // A named median given per a period, with bare limits: inside them, or outside whatever they are.
    [InlineData("At 12 months, the median seizure frequency was 3 per month [1–7] in the 74 patients.", "consistent")]
    [InlineData("At 12 months, the median seizure frequency was 3 per month [8–12] in the 74 patients.", "inconsistent")]
    [InlineData("À 12 mois, la fréquence médiane des crises était de 3 par mois [1 ; 7] chez les 74 patients.", "consistent")]
    [InlineData("À 12 mois, la fréquence médiane des crises était de 3 par mois [8 ; 12] chez les 74 patients.", "inconsistent")]
    public void ANamedMedianPerAPeriodWithBareLimits(string text, string verdict) => Assert.Equal(verdict, Verdicts(text, "quantile_order").Single());

    [Theory]
    // APA's "M =" names the second mean of a score "from … to": 355/58 = 6.1207 prints 6.12; 6.13 × 58 = 355.54 is no
    // whole total. A measure of its own (body weight) inherits nothing.
    [InlineData("In the 58 patients of the BA group, GDS-15 scores decreased from M = 9.91 (SD = 2.38) to M = 6.12 (SD = 3.04), t(57) = 5.12, p < .001.", "consistent,consistent")]
    [InlineData("In the 58 patients of the BA group, GDS-15 scores decreased from M = 9.91 (SD = 2.38) to M = 6.13 (SD = 3.04), t(57) = 5.12, p < .001.", "consistent,inconsistent")]
    [InlineData("Chez les 58 patients du groupe AC, les scores GDS-15 sont passés de M = 9,91 (ET = 2,38) à M = 6,12 (ET = 3,04).", "consistent,consistent")]
    [InlineData("Chez les 58 patients du groupe AC, les scores GDS-15 sont passés de M = 9,91 (ET = 2,38) à M = 6,13 (ET = 3,04).", "consistent,inconsistent")]
    [InlineData("In the 58 patients, body weight decreased from M = 80.91 (SD = 2.38) to M = 76.13 (SD = 3.04), t(57) = 5.12, p < .001.", "not_checkable,not_checkable")]
    public void APAsMeanNamedAgainAfterTo(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text, "grim")));

    const string DayOfIllnessEn = "Table 1. Baseline\n\nCharacteristic  Oral (n = 203)  Intravenous (n = 207)\nAge, median (IQR), y  14 (12–16)  14 (12–17)\nDay of illness, median (IQR)  4 (4–5)  {0} (3–5)\n\nText follows here.\n";
    const string DayOfIllnessFr = "Tableau 1. Inclusion\n\nCaractéristique  Oral (n = 203)  Intraveineux (n = 207)\nÂge, médiane (Q1-Q3), ans  14 (12-16)  14 (12-17)\nJour de maladie, médiane (Q1-Q3)  4 (4-5)  {0} (3-5)\n\nLe texte suit.\n";

    [Theory]
    // The day of an illness is a day's number, whole: with whole quartiles, a median of 4.7 is neither whole nor a half.
    // A median printed as a half says nothing of the data's precision (the days rule): left real-valued.
    [InlineData(DayOfIllnessEn, "4.7", "inconsistent")]
    [InlineData(DayOfIllnessEn, "4.5", "")]
    [InlineData(DayOfIllnessFr, "4,7", "inconsistent")]
    [InlineData(DayOfIllnessFr, "4,5", "")]
    public void TheDayOfAnIllnessInATableRow(string table, string median, string verdict) =>
        Assert.Equal(verdict, string.Join(",", Verdicts(string.Format(table, median), "quantile")));

    [Theory]
    // A scale opening the bracket that says its points are whole, its range between: 231/39 = 5.9231 prints 5.92; 5.93 ×
    // 39 = 231.27 is no whole total. Without the statement a visual analogue scale is real-valued.
    [InlineData("Chez les 39 patients ayant des acouphènes, leur intensité (EVA de 0 à 10, en points entiers) était de 5,92 (DS 2,11) à l'inclusion.", "consistent")]
    [InlineData("Chez les 39 patients ayant des acouphènes, leur intensité (EVA de 0 à 10, en points entiers) était de 5,93 (DS 2,11) à l'inclusion.", "inconsistent")]
    [InlineData("In the 39 patients with tinnitus, its loudness (VAS 0 to 10, in whole points) was 5.92 (SD 2.11) at baseline.", "consistent")]
    [InlineData("In the 39 patients with tinnitus, its loudness (VAS 0 to 10, in whole points) was 5.93 (SD 2.11) at baseline.", "inconsistent")]
    [InlineData("In the 39 patients with tinnitus, its loudness (VAS 0 to 10) was 5.93 (SD 2.11) at baseline.", "not_checkable")]
    [InlineData("Chez les 39 patients ayant des acouphènes, leur intensité (EVA de 0 à 10) était de 5,93 (DS 2,11) à l'inclusion.", "not_checkable")]
    public void AScaleOpeningTheBracketThatSaysItsPointsAreWhole(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Fact]
    // A column headed by another measure with its n is no arm: the caption's scores do not make the BMI whole.
    public void AColumnOfAnotherMeasureWithItsNIsNoArm() =>
        Assert.Equal("not_checkable", Verdicts("The 11 patients were seen at each visit.\n\nTable 3. Scores by visit, mean ± SD.\n\n| Visit | MADRS (n = 11) | BMI (n = 11) |\n|---|---|---|\n| Baseline | 26.82 ± 4.21 | 27.84 ± 3.10 |\n", "grim")[1]);
}
