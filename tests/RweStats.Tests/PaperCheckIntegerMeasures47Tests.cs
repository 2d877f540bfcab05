using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Medians of whole days or things counted whose words run long or name the period counted over, table rows a narrow
/// column wraps or The Lancet prints with a raised decimal point, and within-patient comparisons whose n the sentence
/// gives in another way.
/// </summary>
public class PaperCheckIntegerMeasures47Tests
{
    [Theory]
    // Days counted within a stated period are whole: 5.4, 4.3 and 3.6 are no median of whole numbers (nor a half); the
    // number of the period ("the past 4 weeks", "des 2 dernières semaines") is no median.
    [InlineData("Patients in the exercise arm reported a median of 5.4 pain-free days in the past 4 weeks (IQR 3–8).")]
    [InlineData("Over follow-up, the median was 3.6 days with headache in the previous 30 days (IQR 2–6) in the 44 women.")]
    [InlineData("Les patients ont rapporté une médiane de 4,3 jours sans symptômes au cours des 2 dernières semaines (Q1-Q3 : 2-7).")]
    [InlineData("Dans le groupe placebo, la médiane était de 3,6 jours avec céphalée sur les 30 derniers jours (EIQ 2-6).")]
    // Up to ten words between a median of days and its quartiles.
    [InlineData("Fever resolved a median of 3.4 days after the first oral antibiotic at home (IQR 2–5).")]
    [InlineData("La fièvre a disparu 3,4 jours en médiane après la première dose de l'antibiotique oral donné à domicile (Q1-Q3 : 2-5).")]
    public void AMedianOfDaysCountedOverAPeriodOrWithLongWords(string text) => Assert.Equal("inconsistent", Verdict(text, "quantile"));

    [Theory]
    // A half is a median of whole numbers; a whole median says nothing of the data's precision (values in order).
    [InlineData("Those given placebo had a median of 4.5 symptom-free days in the last 2 weeks (IQR 2–7).")]
    [InlineData("Participants took a median of 4 days to return to full use of the injured hand (IQR 3–6).")]
    [InlineData("Crusts cleared a median of 3 days after the start of treatment with the antiseptic cream (IQR 2–4).")]
    [InlineData("Les participants ont mis 4 jours en médiane pour retrouver l'usage complet de la main blessée (Q1-Q3 : 3-6).")]
    public void AHalfOrAWholeMedianOfDaysIsInOrder(string text)
    {
        Assert.Null(Verdict(text, "quantile"));
        Assert.Equal("consistent", Verdict(text, "quantile_order"));
    }

    [Theory]
    // A raised decimal point in a Markdown table's cell: the row is read, and each cell is judged against its own
    // column's n (297/1187 = 25.02 %, not 297/1204 = 24.67 %).
    [InlineData("| | Surgery (n=1,204) | Observation (n=1,187) |\n|---|---|---|\n| Comorbid conditions, median (IQR) | 2 (1–3) | 1·6 (1–3) |\n| Smokers, n (%) | 301 (25·0) | 297 (25·0) |\n")]
    [InlineData("| | Chirurgie (n=1 204) | Surveillance (n=1 187) |\n|---|---|---|\n| Comorbidités, médiane (Q1-Q3) | 2 (1–3) | 1·6 (1–3) |\n| Fumeurs, n (%) | 301 (25·0) | 297 (25·0) |\n")]
    public void ARaisedDecimalPointInATableCell(string text)
    {
        Assert.Equal(new[] { "consistent", "inconsistent" }, Verdicts(text, "quantile"));
        Assert.Equal(new[] { "consistent", "consistent" }, Verdicts(text, "percentage"));
    }

    [Theory]
    // A row label a narrow column wraps after its comma: "Days from injury to surgery," then "median (IQR)" with the
    // cells; the label's days make the row's values whole, and 3.4 is no median of whole numbers.
    [InlineData("Table 1. Patients\n\nVariable                        Cast (n = 120)   Surgery (n = 64)\nMen, n (%)                      80 (66.7)        40 (62.5)\nDays from injury to surgery,\n  median (IQR)                  2 (1–4)          3.4 (2–6)\n")]
    [InlineData("Tableau 1. Patients\n\nVariable                        Plâtre (n = 120)   Chirurgie (n = 64)\nHommes, n (%)                   80 (66,7)          40 (62,5)\nJours d'hospitalisation,\n  médiane (Q1-Q3)               2 (1-4)            3,4 (2-6)\n")]
    public void ARowLabelWrappedAfterItsComma(string text) => Assert.Equal("inconsistent", Verdict(text, "quantile"));

    [Theory]
    // The group after the second visit's mean, named by any noun after "chez les" or by a relative clause: a fall of 4
    // points with SDs near 2 in 28 people gives a p far below .41 whatever the correlation.
    [InlineData("Pain fell from 6.2 ± 1.8 to 2.1 ± 1.5 in the 28 dancers who completed both visits (P = .41).", "inconsistent")]
    [InlineData("Pain fell from 6.2 ± 1.8 to 2.1 ± 1.5 in the 28 dancers who completed both visits (P < .001).", "consistent")]
    [InlineData("Le score de douleur est passé de 6,2 ± 1,8 à 2,1 ± 1,5 chez les 28 danseurs du groupe A (p = 0,41).", "inconsistent")]
    [InlineData("Le score de douleur est passé de 6,2 ± 1,8 à 2,1 ± 1,5 chez les 28 danseurs du groupe A (p < 0,001).", "consistent")]
    // The group the sentence opens on gives each comparison of the sentence its n, past a scale's range, a time and an
    // earlier comparison.
    [InlineData("In the 64 nurses who answered at baseline and 12 weeks, burnout (0–54, whole points) fell from 28.4 ± 9.1 to 25.0 ± 8.8 (p < 0.001), and engagement from 3.9 ± 1.0 to 5.9 ± 1.1 (p = 0.41).", "consistent,inconsistent")]
    [InlineData("Among the 118 converters, the symptom count (0–8) fell from 4.3 ± 1.6 to 0.9 ± 1.1 at week 8 (P = .27).", "inconsistent")]
    [InlineData("Chez les 64 infirmières ayant répondu à l'inclusion et à 12 semaines, l'épuisement (0 à 54, points entiers) est passé de 28,4 ± 9,1 à 25,0 ± 8,8 (p < 0,001) et l'engagement de 3,9 ± 1,0 à 5,9 ± 1,1 (p = 0,41).", "consistent,inconsistent")]
    // A questionnaire returned by a number of patients, and an n with the p in its bracket.
    [InlineData("The questionnaire (0–30, whole points) was returned at baseline and at 1 year by 412 patients: the score fell from 14.2 ± 6.1 to 8.9 ± 6.3 (p = 0.62).", "inconsistent")]
    [InlineData("Le questionnaire (0 à 30, points entiers) a été rempli à l'inclusion et à 1 an par 412 patientes : le score est passé de 14,2 ± 6,1 à 8,9 ± 6,3 (p = 0,62).", "inconsistent")]
    [InlineData("Visual acuity was 61.2 ± 12.4 letters at baseline and 70.5 ± 13.1 letters at 1 year (P = .38; all 96 eyes).", "inconsistent")]
    [InlineData("L'acuité visuelle était de 61,2 ± 12,4 lettres à l'inclusion et de 70,5 ± 13,1 lettres à 1 an (p = 0,38 ; 96 yeux).", "inconsistent")]
    public void AWithinPatientComparisonWhoseNTheSentenceGivesAnotherWay(string text, string verdicts) =>
        Assert.Equal(verdicts, string.Join(",", Verdicts(text, "within_patient_p")));

    [Theory]
    // Places, groups and staff who rate are no n of the patients compared.
    [InlineData("In the 3 hospitals, pain fell from 6.2 ± 1.8 to 2.1 ± 1.5 (P = .41).")]
    [InlineData("Among the 4 centres, pain fell from 6.2 ± 1.8 to 2.1 ± 1.5 (P = .41).")]
    [InlineData("Pain was rated at baseline and at 6 weeks by 3 nurses: it fell from 6.2 ± 1.8 to 2.1 ± 1.5 (p = 0.41).")]
    [InlineData("Dans les 3 centres, la douleur est passée de 6,2 ± 1,8 à 2,1 ± 1,5 (p = 0,41).")]
    [InlineData("La douleur a été cotée à l'inclusion et à 6 semaines par 3 infirmières : elle est passée de 6,2 ± 1,8 à 2,1 ± 1,5 (p = 0,41).")]
    public void NoNOfPlacesOrRaters(string text) => Assert.DoesNotContain("inconsistent", Verdicts(text, "within_patient_p"));

    [Theory]
    // Days missed or lost are whole: 2.36 x 14 = 33.04 (33/14 = 2.357), 2.37 x 14 = 33.18 (no whole total); 3.43 x 15
    // = 51.45 (51/15 = 3.4, 52/15 = 3.467); 4.62 x 13 = 60.06 (60/13 = 4.615), 4.60 x 13 = 59.8 (59/13 = 4.538).
    [InlineData("The 14 children given the vaccine missed 2.36 (SD 1.18) school days.", "consistent")]
    [InlineData("The 14 children given the vaccine missed 2.37 (SD 1.18) school days.", "inconsistent")]
    [InlineData("Work days lost because of back pain averaged 3.43 (SD 1.41) in the 15 nurses of the exercise group.", "inconsistent")]
    [InlineData("In the 13 patients with flares, days off work averaged 4.60 (SD 2.10).", "inconsistent")]
    [InlineData("Les 14 enfants vaccinés ont eu 2,37 (ET 1,18) jours d'absence scolaire.", "inconsistent")]
    [InlineData("Chez les 13 patients ayant une poussée, les journées de travail manquées étaient en moyenne de 4,62 (ET 2,10).", "consistent")]
    [InlineData("Chez les 13 patients ayant une poussée, les journées de travail manquées étaient en moyenne de 4,60 (ET 2,10).", "inconsistent")]
    public void AMeanOfDaysMissed(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "grim"));

    [Theory]
    // A stay or a time to an event may be timed: not whole days.
    [InlineData("The 14 children in the hospital stayed 2.37 (SD 1.18) days.")]
    [InlineData("Les 14 enfants hospitalisés sont restés 2,37 (ET 1,18) jours.")]
    public void AStayInDaysIsNotCounted(string text) => Assert.Equal("not_checkable", Verdict(text, "grim"));

    [Theory]
    // Days counted within a stated period are whole, and a second group given the same verb and unit measures the same:
    // 2.17 x 12 = 26.04 (26/12 = 2.167); 2.18 x 12 = 26.16 (26/12 = 2.167, 27/12 = 2.25); 3.43 x 15 = 51.45 (51/15 = 3.4,
    // 52/15 = 3.467).
    [InlineData("The 12 women reported 2.17 (SD 1.20) days with pain in the past 4 weeks, and the 15 men reported 3.43 (SD 1.41) days.", "consistent,inconsistent")]
    [InlineData("The 10 girls took 4.30 (SD 1.95) days of antihistamines in the last week, and the 15 boys took 3.43 (SD 1.41) days.", "consistent,inconsistent")]
    [InlineData("The 12 women slept 2.18 (SD 1.20) nights without waking in the last 2 weeks.", "inconsistent")]
    [InlineData("Les 12 femmes ont rapporté 2,17 (ET 1,20) jours avec douleur au cours des 4 dernières semaines, et les 15 hommes ont rapporté 3,43 (ET 1,41) jours.", "consistent,inconsistent")]
    [InlineData("Les 12 femmes ont dormi 2,18 (ET 1,20) nuits sans réveil au cours de la dernière semaine.", "inconsistent")]
    // A stay may be timed: the same verb and unit inherit nothing from a measure not counted.
    [InlineData("The 12 patients stayed 2.18 (SD 1.20) days in hospital, and the 15 controls stayed 3.43 (SD 1.41) days.", "not_checkable,not_checkable")]
    public void DaysCountedInAPeriodAndASecondGroupWithTheSameVerb(string text, string verdicts) =>
        Assert.Equal(verdicts, string.Join(",", Verdicts(text, "grim")));

    [Theory]
    // A value known as a median by its quartiles alone, the period its days were counted over between them.
    [InlineData("Patients given placebo reported 4.3 symptom-free days in the last 2 weeks (IQR 2–7).", "inconsistent")]
    [InlineData("Children in the control group had 3.6 nights with wheeze in the past 4 weeks (IQR 1–6).", "inconsistent")]
    [InlineData("Les élèves du groupe témoin ont eu 4,3 jours d'absence sur les 4 dernières semaines (EIQ 2-7).", "inconsistent")]
    [InlineData("Les élèves du groupe témoin ont eu 4,5 jours d'absence sur les 4 dernières semaines (EIQ 2-7).", "consistent")]
    public void AMedianByItsQuartilesOfDaysCountedOverAPeriod(string text, string verdict) =>
        Assert.Equal(verdict, Verdict(text, "quantile") ?? Verdict(text, "quantile_order"));
}
