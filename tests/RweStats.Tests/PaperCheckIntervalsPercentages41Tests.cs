using Xunit;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// The general forms of percentages, confidence intervals, correlations and within-patient comparisons: each rule on
/// several wordings, English and French, with the planted inconsistency and the correct value.
/// </summary>
public class PaperCheckIntervalsPercentages41Tests
{
    // A ratio whose name stands far from its value, with words or numbers between: its interval, symmetric on the log
    // scale and not on the linear one, is a ratio's Wald interval, and its p is checked on the log scale.
    [Theory]
    [InlineData("The hazard ratio for death within 90 days among patients aged 75 or older was 1.84 (95% CI 1.21–2.80; p = 0.004).", "consistent")]
    [InlineData("The hazard ratio for death within 90 days among patients aged 75 or older was 1.84 (95% CI 1.21–2.80; p = 0.45).", "inconsistent")]
    [InlineData("Ratios are given with their 95% confidence intervals. In the per-protocol analysis, the risk ratio of relapse in the 3 months after stopping was 0.48 (0.27 to 0.85), P = 0.012.", "consistent")]
    [InlineData("Ratios are given with their 95% confidence intervals. In the per-protocol analysis, the risk ratio of relapse in the 3 months after stopping was 0.48 (0.27 to 0.85), P = 0.12.", "inconsistent")]
    [InlineData("The odds ratio for remission with the 2 mg dose, adjusted for centre, was 3.10, 95% CI [1.40, 6.86], p = .005.", "consistent")]
    [InlineData("The odds ratio for remission with the 2 mg dose, adjusted for centre, was 3.10, 95% CI [1.40, 6.86], p = .25.", "inconsistent")]
    [InlineData("The odds ratio for an improvement of two grades or more was 3.10 (95% CI 1.40 to 6.86; P = .25).", "inconsistent")]
    [InlineData("Le rapport de cotes de guérison à 6 mois chez les patients de plus de 65 ans était de 2,05 (IC à 95 % 1,18–3,56 ; p = 0,011).", "consistent")]
    [InlineData("Le rapport de cotes de guérison à 6 mois chez les patients de plus de 65 ans était de 2,05 (IC à 95 % 1,18–3,56 ; p = 0,41).", "inconsistent")]
    [InlineData("Les rapports sont donnés avec leur intervalle de confiance à 95 %. Le risque relatif de réhospitalisation après une chirurgie de plus de 3 heures était de 0,62 (0,41 à 0,94), p = 0,024.", "consistent")]
    [InlineData("Les rapports sont donnés avec leur intervalle de confiance à 95 %. Le risque relatif de réhospitalisation après une chirurgie de plus de 3 heures était de 0,62 (0,41 à 0,94), p = 0,31.", "inconsistent")]
    public void A_ratio_named_far_from_its_value_is_read_by_its_log_symmetric_interval(string text, string expected) =>
        Assert.Equal(expected, Verdict(text, "ci_vs_p"));

    [Theory]
    // A median's interval may be symmetric on the log scale too: the median named after the ratio takes the value.
    [InlineData("The hazard ratio was 0.70 (95% CI 0.52 to 0.94; P = .02), and median survival over the 36 months of follow-up was 14.2 months (95% CI 10.1 to 19.9; P = .02).")]
    [InlineData("Le rapport des risques était de 0,70 (IC à 95 % 0,52 à 0,94 ; p = 0,02) et la survie médiane sur 36 mois de suivi de 14,2 mois (IC à 95 % 10,1 à 19,9 ; p = 0,02).")]
    public void A_value_named_as_another_estimate_after_a_ratio_is_not_the_ratio(string text) =>
        Assert.DoesNotContain("inconsistent", Verdicts(text, "ci_vs_p"));

    // A correlation in a sentence that opens on the people it is about, counted in another way than "(n = …)": those
    // people are the most its n can be.
    [Theory]
    [InlineData("Over all 60 patients, pain correlated with fatigue (r = 0.15, p = 0.25).", "consistent")]
    [InlineData("Over all 60 patients, pain correlated with fatigue (r = 0.15, p = 0.001).", "inconsistent")]
    [InlineData("Across the 80 participants, the change in weight correlated with the change in HbA1c (r = 0.20, p < 0.001).", "inconsistent")]
    [InlineData("For the 80 participants who completed the trial, the change in weight correlated with the change in HbA1c (r = 0.20, p = 0.08).", "consistent")]
    [InlineData("Sur l'ensemble des 90 patientes, la fatigue était corrélée à la douleur (r = 0,18 ; p = 0,09).", "consistent")]
    [InlineData("Sur l'ensemble des 90 patientes, la fatigue était corrélée à la douleur (r = 0,18 ; p = 0,002).", "inconsistent")]
    public void A_correlation_is_bounded_by_the_people_its_sentence_opens_on(string text, string expected) =>
        Assert.Equal(expected, Verdict(text, "p_vs_statistic"));

    // A within-patient comparison whose sentence says in how many people the measure was recorded, in other words
    // than "in the N patients": those people are its n.
    [Theory]
    [InlineData("Pain was recorded before and after the programme in 64 patients: it fell from 6.1 ± 1.8 to 4.2 ± 2.0 (p < 0.001).", "consistent")]
    [InlineData("Pain was recorded before and after the programme in 64 patients: it fell from 6.1 ± 1.8 to 4.2 ± 2.0 (p = 0.41).", "inconsistent")]
    [InlineData("Grip strength, measured at baseline and at 6 months in all 52 women, rose from 24.3 ± 5.1 to 26.9 ± 5.6 (P < .001).", "consistent")]
    [InlineData("Grip strength, measured at baseline and at 6 months in all 52 women, rose from 24.3 ± 5.1 to 26.9 ± 5.6 (P = .30).", "inconsistent")]
    [InlineData("Le score de douleur a été mesuré avant et après la cure chez 75 patients : il est passé de 5,4 ± 1,9 à 3,1 ± 2,2 (p < 0,001).", "consistent")]
    [InlineData("Le score de douleur a été mesuré avant et après la cure chez 75 patients : il est passé de 5,4 ± 1,9 à 3,1 ± 2,2 (p = 0,27).", "inconsistent")]
    public void A_within_patient_comparison_takes_the_people_its_measure_was_recorded_in(string text, string expected) =>
        Assert.Equal(expected, Verdict(text, "within_patient_p"));

    // A count of one arm's people, the arm named with it in other words than "in the X group" (the arm's name as the
    // people's adjective, "given X" then what they did, a name with a dash), its arm's n stated where the arms were allocated.
    [Theory]
    [InlineData("We randomly assigned 150 children to zinc (n = 76) or placebo (n = 74).\n\nResults: 7 children given zinc were hospitalised (9.2%).", "consistent")]
    [InlineData("We randomly assigned 150 children to zinc (n = 76) or placebo (n = 74).\n\nResults: 7 children given zinc were hospitalised (8.1%).", "inconsistent")]
    [InlineData("We randomly assigned 150 children to zinc (n = 76) or placebo (n = 74).\n\nResults: a rash was seen in 5 zinc patients (6.6%).", "consistent")]
    [InlineData("We randomly assigned 150 children to zinc (n = 76) or placebo (n = 74).\n\nResults: a rash was seen in 5 zinc patients (5.4%).", "inconsistent")]
    [InlineData("Adults were randomised to artemether–lumefantrine (n = 90) or to quinine (n = 88). Vomiting occurred in 12 given artemether–lumefantrine (11.6%).", "inconsistent")]
    [InlineData("Adults were randomised to artemether–lumefantrine (n = 90) or to quinine (n = 88). Vomiting occurred in 12 given artemether–lumefantrine (13.3%).", "consistent")]
    [InlineData("Les enfants ont été randomisés entre zinc (n = 76) et placebo (n = 74).\n\nRésultats : 7 enfants sous zinc ont été hospitalisés (9,2 %).", "consistent")]
    [InlineData("Les enfants ont été randomisés entre zinc (n = 76) et placebo (n = 74).\n\nRésultats : 7 enfants sous zinc ont été hospitalisés (8,1 %).", "inconsistent")]
    [InlineData("Les adultes ont été randomisés entre artéméther–luméfantrine (n = 90) et quinine (n = 88). Des vomissements sont survenus chez 12 patients sous artéméther–luméfantrine (13,3 %).", "consistent")]
    [InlineData("Les adultes ont été randomisés entre artéméther–luméfantrine (n = 90) et quinine (n = 88). Des vomissements sont survenus chez 12 patients sous artéméther–luméfantrine (11,6 %).", "inconsistent")]
    public void A_count_of_an_arm_named_in_other_words_is_out_of_that_arm(string text, string expected) =>
        Assert.Equal(expected, Verdicts(text, "percentage").Last());

    // An arm named by the adverb of how its people were treated, its n stated where the arms were allocated or in a
    // table's header.
    [Theory]
    [InlineData("Patients were randomised to surgical (n = 60) or conservative (n = 62) care.\n\nPatients treated surgically had a wound infection in 9 (15.0%).", "consistent")]
    [InlineData("Patients were randomised to surgical (n = 60) or conservative (n = 62) care.\n\nPatients treated surgically had a wound infection in 9 (13.6%).", "inconsistent")]
    [InlineData("Characteristic  Systemic (n = 88)  Topical (n = 90)\nAge, years  41  43\n\nOf the cases managed topically, 12 relapsed (13.3%).", "consistent")]
    [InlineData("Characteristic  Systemic (n = 88)  Topical (n = 90)\nAge, years  41  43\n\nOf the cases managed topically, 12 relapsed (12.6%).", "inconsistent")]
    [InlineData("Les patients ont été randomisés entre un traitement chirurgical (n = 60) et un traitement conservateur (n = 62).\n\nChez les patients traités chirurgicalement, une infection est survenue chez 9 patients (15,0 %).", "consistent")]
    [InlineData("Les patients ont été randomisés entre un traitement chirurgical (n = 60) et un traitement conservateur (n = 62).\n\nChez les patients traités chirurgicalement, une infection est survenue chez 9 patients (13,6 %).", "inconsistent")]
    public void A_count_of_an_arm_named_by_an_adverb_is_out_of_that_arm(string text, string expected) =>
        Assert.Equal(expected, Verdicts(text, "percentage").Last());

    // Arms of one device or drug told apart by a size or dose ("0.6 mm piston", "10 mg tablets", "piston de 0,4 mm"): the
    // clause naming one with its size takes that arm's n; the count printed as "(n = 13, 21.7%)" is the percentage's own.
    [Theory]
    [InlineData("Adults were randomized to a 0.6 mm piston (n = 61) or a 0.4 mm piston (n = 60).\n\nVertigo occurred with the 0.6 mm piston (n = 5, 8.2%) and with the 0.4 mm piston (n = 13, 21.7%).", "consistent")]
    [InlineData("Adults were randomized to a 0.6 mm piston (n = 61) or a 0.4 mm piston (n = 60).\n\nVertigo occurred with the 0.6 mm piston (n = 5, 8.2%) and with the 0.4 mm piston (n = 13, 19.7%).", "inconsistent")]
    [InlineData("Characteristic  5 mg tablets (n = 80)  10 mg tablets (n = 82)\nAge, years  41  43\n\nNausea was reported with 10 mg tablets (n = 9, 11.0%).", "consistent")]
    [InlineData("Characteristic  5 mg tablets (n = 80)  10 mg tablets (n = 82)\nAge, years  41  43\n\nNausea was reported with 10 mg tablets (n = 9, 9.9%).", "inconsistent")]
    [InlineData("Les patients ont été randomisés entre un piston de 0,6 mm (n = 61) et un piston de 0,4 mm (n = 60).\n\nUn vertige est survenu avec le piston de 0,4 mm (n = 13 ; 21,7 %).", "consistent")]
    [InlineData("Les patients ont été randomisés entre un piston de 0,6 mm (n = 61) et un piston de 0,4 mm (n = 60).\n\nUn vertige est survenu avec le piston de 0,4 mm (n = 13 ; 19,7 %).", "inconsistent")]
    [InlineData("Adults were randomized to a 0.6 mm piston (n = 61) or a 0.4 mm piston (n = 60).\n\nVertigo occurred with the 0.4 mm piston (n = 13, 19.7%), χ²(1, N = 121) = 4.33, p = .04.", "inconsistent")]
    [InlineData("Les patients ont été randomisés entre un piston de 0,6 mm (n = 61) et un piston de 0,4 mm (n = 60).\n\nUn vertige est survenu avec le piston de 0,4 mm (n = 13 ; 21,7 %), χ²(1, N = 121) = 4,33, p = 0,04.", "consistent")]
    public void A_count_of_an_arm_told_by_its_dose_is_out_of_that_arm(string text, string expected) =>
        Assert.Equal(expected, Verdicts(text, "percentage").Last());

    [Fact]
    public void The_count_of_a_percentage_printed_as_n_is_no_other_percentage_s_n() =>
        Assert.DoesNotContain("inconsistent", Verdicts("Vertigo occurred in the first group (n = 5, 8.2%) and in the second (n = 13, 19.7%).", "percentage"));
}
