using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Forms papers print that the checker reads, or must not read: a drug's concentration in its formulation. Each with a
/// correct control and, where a value is checked, an impossible one; the arithmetic is given in the comments.
/// </summary>
public class PaperCheckStudiedForms37Tests
{
    [Theory]
    // "0.1% ointment (n=36)": 0.1 % of a count of 36 needs 24 000 to 72 000 people, more than the 71 randomised; but the
    // percentage is the drug's strength in the ointment, not a share of the arm, and is not checked at all.
    [InlineData("We randomly assigned 71 patients to tacrolimus 0.1% ointment (n=36) or clobetasol 0.05% gel (n=35) twice daily.")]
    [InlineData("We randomly assigned 71 patients to 0.1% tacrolimus ointment (n=36) or to 0.05% clobetasol propionate gel (n=35).")]
    [InlineData("Eyes were treated with timolol 0.5% eye drops (n = 40) or with latanoprost 0.005% solution (n = 38).")]
    [InlineData("Nous avons réparti 71 patients entre le tacrolimus en pommade à 0,1 % (n = 36) et le clobétasol en gel à 0,05 % (n = 35).")]
    [InlineData("Les patients recevaient une crème de kétoconazole à 2 % (n = 30) ou un collyre dosé à 0,5 % (n = 28).")]
    public void AConcentrationInItsFormulationIsNoShareOfPeople(string text) => Assert.Empty(Verdicts(text, "percentage"));

    [Theory]
    // A share of people a formulation word follows further on stays checked: 12 of 40 is 30.0 %; 45 % of a count of 12
    // needs 26.7 (26 to 27) people, and 40 are here.
    [InlineData("Of the 40 patients, 12 (30.0%) applied the ointment daily.", "consistent")]
    [InlineData("Of the 40 patients, 12 (45.0%) applied the ointment daily.", "inconsistent")]
    [InlineData("Sur les 40 patients, 12 (30,0 %) appliquaient la pommade chaque jour.", "consistent")]
    [InlineData("Sur les 40 patients, 12 (45,0 %) appliquaient la pommade chaque jour.", "inconsistent")]
    public void AShareOfPeopleBeforeAFormulationWordIsStillChecked(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));

    [Theory]
    // Log scale: SE = (ln 2.85 − ln 1.20) / 3.92 = 0.221, z = ln 1.85 / 0.221 = 2.79: p = 0.005. SE = (ln 2.03 − ln 0.86)
    // / 3.92 = 0.219, z = ln 1.32 / 0.219 = 1.27: p = 0.20 (0.02 is impossible). The second value, right after "and" or
    // "et de", is the same ratio's; on the linear scale its interval is not symmetric, so it was left unchecked.
    [InlineData("The odds ratio of fistula was 1.85 (95% CI 1.20–2.85; p=0.005) after a proximal repair and 1.32 (95% CI 0.86–2.03; p=0.20) after a distal one.", "consistent,consistent")]
    [InlineData("The odds ratio of fistula was 1.85 (95% CI 1.20–2.85; p=0.005) after a proximal repair and 1.32 (95% CI 0.86–2.03; p=0.02) after a distal one.", "consistent,inconsistent")]
    [InlineData("L'OR de fistule était de 1,85 (IC à 95 % : 1,20-2,85 ; p = 0,005) pour une forme proximale et de 1,32 (IC à 95 % : 0,86-2,03 ; p = 0,20) pour une forme distale.", "consistent,consistent")]
    [InlineData("L'OR de fistule était de 1,85 (IC à 95 % : 1,20-2,85 ; p = 0,005) pour une forme proximale et de 1,32 (IC à 95 % : 0,86-2,03 ; p = 0,02) pour une forme distale.", "consistent,inconsistent")]
    public void TheSecondValueOfARatioAfterAndIsARatio(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text, "ci_vs_p")));

    [Theory]
    // SE = (ln 0.76 − ln 0.19) / 3.92 = 0.354, z = |ln 0.38| / 0.354 = 2.74: p = 0.006. SE = (ln 1.08 − ln 0.25) / 3.92 =
    // 0.373, z = |ln 0.52| / 0.373 = 1.75: p = 0.08 (0.008 is impossible). "at 6 months" between the ratio's name and its
    // value is the time it is read at, not another estimate.
    [InlineData("The hazard ratio for recurrence was 0.38 (95% confidence interval 0.19 to 0.76), P=0.006; the adjusted odds ratio for taking any analgesic at 6 months was 0.52 (0.25 to 1.08), P=0.08.", "consistent,consistent")]
    [InlineData("The hazard ratio for recurrence was 0.38 (95% confidence interval 0.19 to 0.76), P=0.006; the adjusted odds ratio for taking any analgesic at 6 months was 0.52 (0.25 to 1.08), P=0.008.", "consistent,inconsistent")]
    [InlineData("Le hazard ratio de récidive était de 0,38 (IC à 95 % : 0,19-0,76), p = 0,006 ; l'odds ratio ajusté de prise d'un antalgique à 6 mois était de 0,52 (0,25 à 1,08), p = 0,08.", "consistent,consistent")]
    [InlineData("Le hazard ratio de récidive était de 0,38 (IC à 95 % : 0,19-0,76), p = 0,006 ; l'odds ratio ajusté de prise d'un antalgique à 6 mois était de 0,52 (0,25 à 1,08), p = 0,008.", "consistent,inconsistent")]
    public void ARatioReadAtATimePointBeforeItsBareLimits(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text, "ci_vs_p")));

    [Theory]
    // 1,843 of 27,102 is 6.80 %; 982 of 11,420 is 8.60 % (9.6 % is impossible). 12 of 43 is 27.9 %; 31 of 43 is 72.1 %
    // (62.1 % is impossible). A count with thousands separators, or a bracket that goes on after the denominator.
    [InlineData("Mortality at 30 days was 6.8% (1,843 of 27,102) after early surgery and 8.6% (982 of 11,420) after later surgery.", "consistent,consistent")]
    [InlineData("Mortality at 30 days was 6.8% (1,843 of 27,102) after early surgery and 9.6% (982 of 11,420) after later surgery.", "consistent,inconsistent")]
    [InlineData("The objective response rate was 27.9% (12 of 43; exact 95% CI, 15.2–43.6) and the disease control rate 72.1% (31 of 43).", "consistent,consistent")]
    [InlineData("The objective response rate was 27.9% (12 of 43; exact 95% CI, 15.2–43.6) and the disease control rate 62.1% (31 of 43).", "consistent,inconsistent")]
    [InlineData("La mortalité à 30 jours était de 6,8 % (1 843 sur 27 102) après chirurgie précoce et de 8,6 % (982 sur 11 420) après chirurgie tardive.", "consistent,consistent")]
    [InlineData("La mortalité à 30 jours était de 6,8 % (1 843 sur 27 102) après chirurgie précoce et de 9,6 % (982 sur 11 420) après chirurgie tardive.", "consistent,inconsistent")]
    [InlineData("Le taux de réponse objective était de 27,9 % (12 sur 43 ; IC exact à 95 % : 15,3-43,7).", "consistent")]
    [InlineData("Le taux de réponse objective était de 37,9 % (12 sur 43 ; IC exact à 95 % : 15,3-43,7).", "inconsistent")]
    // A bracket that goes on only after a count of a denominator: "(14,8 à 6,8 mg/j)", "(14.8 to 6.8 mg/day)" hold no count.
    [InlineData("La dose a baissé de 54 % (14,8 à 6,8 mg/j) à M6.", "")]
    [InlineData("The dose fell by 54 % (14.8 to 6.8 mg/day) at month 6.", "")]
    public void APercentageThenItsCountOfADenominator(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text, "percentage")));

    [Theory]
    // With n = 58, r = 0.27 (0.265 to 0.275) gives a two-sided p from 0.037 to 0.044; fewer patients only raise it: a p of
    // 0.005 is below even the one-sided half of the lowest, 0.04 is given by all 58 and 0.10 by fewer.
    [InlineData("In the 58 patients who completed treatment, the fall in pain correlated with the fall in the lesion score (r=0.27, p=0.005).", "inconsistent")]
    [InlineData("In the 58 patients who completed treatment, the fall in pain correlated with the fall in the lesion score (r=0.27, p=0.04).", "consistent")]
    [InlineData("In the 58 patients who completed treatment, the fall in pain correlated with the fall in the lesion score (r=0.27, p=0.10).", "consistent")]
    [InlineData("Chez les 58 patients ayant terminé le traitement, la baisse de la douleur était corrélée à celle du score lésionnel (r = 0,27 ; p = 0,005).", "inconsistent")]
    [InlineData("Chez les 58 patients ayant terminé le traitement, la baisse de la douleur était corrélée à celle du score lésionnel (r = 0,27 ; p = 0,04).", "consistent")]
    // Without the people the sentence opens on, the df is not known.
    [InlineData("The fall in pain correlated with the fall in the lesion score (r=0.27, p=0.005).", "not_checkable")]
    public void ACorrelationInTheSentenceOfThePeopleItOpensOn(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "p_vs_statistic"));
}
