using Xunit;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// A count of an arm's people, then its percentage, checked against that arm's n however the people are said to be
/// treated ("using B", "treated by B", "managed with B", "allocated to B", "who received B", "traités par B", "ayant reçu
/// B", "randomisés dans le groupe B"); and a percentage with its count in a bracket
/// after the arm it names, never against the n of the arm another statement names after it ("with A (n = 9, 14.1%) and
/// with B (n = 2, 3.2%)", "more frequent with A (n = 8, 14.8%) than with B"); a concentration ("a 5% plaster", "l'acide
/// salicylique à 50 %") is no share; a p the words with it say may be another test's or hypothesis's is checked when the
/// interval or statistic beside it gives it.
/// </summary>
public class PaperCheckPercentages47Tests
{
    const string TableEn = "Characteristic  Cryotherapy (n = 52)  Imiquimod (n = 48)\nAge, years  41 (12)  43 (11)\n\n";
    const string AllocationEn = "Methods. We randomly assigned 100 adults to cryotherapy (n = 52) or imiquimod (n = 48).\n\n";
    const string AllocationFr = "Méthodes. Cent adultes ont été randomisés entre cryothérapie (n = 52) et imiquimod (n = 48).\n\n";

    [Theory]
    [InlineData("Crusting was seen in 9 patients using imiquimod (18.8%).")]
    [InlineData("Crusting, mostly mild, was seen in 9 adults treated with imiquimod (18.8%).")]
    [InlineData("Hypopigmentation was reported in 9 patients treated by imiquimod (18.8%) at 6 months.")]
    [InlineData("At 6 months, 9 participants managed with imiquimod (18.8%) had a scar.")]
    [InlineData("Crusting was seen in 9 patients allocated to imiquimod (18.8%).")]
    [InlineData("Crusting was seen in 9 adults who received imiquimod (18.8%), none severe.")]
    [InlineData("Crusting was seen in 9 patients who were given imiquimod (18.8%).")]
    [InlineData("Crusting was seen in 9 adults randomized to imiquimod (18.8%) and healed within a week.")]
    public void A_count_of_people_treated_with_an_arm_takes_that_arms_n_en(string sentence)
    {
        // 9/48 = 18.75 %: consistent; 17.3 % needs a denominator of 52, more than the arm's 48: inconsistent.
        Assert.Equal("consistent", Verdict(AllocationEn + sentence, "percentage"));
        Assert.Equal("consistent", Verdict(TableEn + sentence, "percentage"));
        Assert.Equal("inconsistent", Verdict(AllocationEn + sentence.Replace("18.8%", "17.3%"), "percentage"));
        Assert.Equal("inconsistent", Verdict(TableEn + sentence.Replace("18.8%", "17.3%"), "percentage"));
    }

    [Theory]
    [InlineData("Des croûtes ont été notées chez 9 patients traités par imiquimod (18,8 %).")]
    [InlineData("Des croûtes, le plus souvent légères, ont été notées chez 9 adultes utilisant l'imiquimod (18,8 %).")]
    [InlineData("À 6 mois, 9 patientes traitées avec imiquimod (18,8 %) avaient une cicatrice.")]
    [InlineData("Des croûtes ont été notées chez 9 patients ayant reçu l'imiquimod (18,8 %).")]
    [InlineData("Des croûtes ont été notées chez 9 adultes qui ont reçu l'imiquimod (18,8 %), sans gravité.")]
    [InlineData("Des croûtes ont été notées chez 9 patients randomisés dans le groupe imiquimod (18,8 %).")]
    [InlineData("Des croûtes ont été notées chez 9 patients affectés au groupe imiquimod (18,8 %).")]
    [InlineData("Des croûtes ont été notées chez 9 adultes dans le groupe imiquimod (18,8 %).")]
    public void A_count_of_people_treated_with_an_arm_takes_that_arms_n_fr(string sentence)
    {
        Assert.Equal("consistent", Verdict(AllocationFr + sentence, "percentage"));
        Assert.Equal("inconsistent", Verdict(AllocationFr + sentence.Replace("18,8 %", "17,3 %"), "percentage"));
    }

    [Theory]
    [InlineData("Blistering occurred with cryotherapy (n = 9, 17.3%) and with imiquimod (n = 2, 4.2%).")]
    [InlineData("Blistering was more frequent with cryotherapy (n = 9, 17.3%) than with imiquimod (n = 2, 4.2%), p = .03.")]
    [InlineData("Blistering was more frequent after cryotherapy (n = 9, 17.3%) than imiquimod (n = 2, 4.2%).")]
    [InlineData("Blistering occurred with cryotherapy (n = 9, 17.3%) versus imiquimod (n = 2, 4.2%).")]
    public void A_bracketed_count_takes_the_arm_named_before_it_not_the_next_statements_en(string sentence)
    {
        // 9/52 = 17.3 %, 2/48 = 4.2 %: no finding is inconsistent (17.3 % needs 52, more than the other arm's 48); 16.7 % needs 54.
        Assert.DoesNotContain("inconsistent", Verdicts(AllocationEn + sentence, "percentage"));
        Assert.DoesNotContain("inconsistent", Verdicts(TableEn + sentence, "percentage"));
        Assert.Equal("inconsistent", Verdicts(AllocationEn + sentence.Replace("(n = 9, 17.3%)", "(n = 9, 16.7%)"), "percentage")[0]);
    }

    [Theory]
    [InlineData("Des phlyctènes sont survenues avec la cryothérapie (n = 9 ; 17,3 %) et avec l'imiquimod (n = 2 ; 4,2 %).")]
    [InlineData("Les phlyctènes étaient plus fréquentes après cryothérapie (n = 9 ; 17,3 %) que sous imiquimod (n = 2 ; 4,2 %).")]
    [InlineData("Des phlyctènes sont survenues après cryothérapie (n = 9 ; 17,3 %) contre imiquimod (n = 2 ; 4,2 %).")]
    public void A_bracketed_count_takes_the_arm_named_before_it_not_the_next_statements_fr(string sentence)
    {
        Assert.DoesNotContain("inconsistent", Verdicts(AllocationFr + sentence, "percentage"));
        Assert.Equal("inconsistent", Verdicts(AllocationFr + sentence.Replace("(n = 9 ; 17,3 %)", "(n = 9 ; 16,7 %)"), "percentage")[0]);
    }

    [Theory]
    [InlineData("In this open-label trial, 131 patients were randomly assigned to a capsaicin 8% plaster (66 patients) or to oral duloxetine (65 patients).")]
    [InlineData("We randomised 131 adults to a 0.5% ivermectin cream (66 patients) or to permethrin (65 patients).")]
    [InlineData("Patients received a silver 1% dressing (66 patients) or a plain dressing (65 patients); 131 patients were randomised.")]
    public void A_concentration_of_a_plaster_or_dressing_is_no_share_of_people_en(string sentence)
    {
        Assert.Empty(Verdicts("Methods. " + sentence, "percentage"));
    }

    [Theory]
    [InlineData("Quatre-vingt-un enfants ont été répartis entre la cryothérapie (n = 41) et l'acide lactique à 20 % appliqué chaque soir (n = 40).")]
    [InlineData("Quatre-vingt-un patients ont été répartis entre la chlorhexidine à 2 % (n = 40) et la povidone iodée (n = 41).")]
    [InlineData("Quatre-vingt-un patients ont reçu un emplâtre de lidocaïne à 5 % (n = 40) ou un placebo (n = 41).")]
    [InlineData("Quatre-vingt-un patients ont été répartis entre le nitrate d'argent à 1 % (n = 40) et l'excision (n = 41).")]
    public void A_concentration_of_a_substance_named_with_its_article_is_no_share_of_people_fr(string sentence)
    {
        Assert.Empty(Verdicts("Méthodes. " + sentence, "percentage"));
    }

    [Fact]
    public void A_share_of_people_after_a_substance_is_still_checked()
    {
        // The percentage of people who had it ("40 % des patients", "(12,5 %)") is no concentration.
        Assert.Equal("inconsistent", Verdict("Méthodes. Quatre-vingts patients ont été inclus. Sous la chlorhexidine, 10 patients (11,0 %) ont eu une irritation.", "percentage"));
        Assert.Equal("inconsistent", Verdict("Methods. We included 80 patients. With chlorhexidine, 10 patients (11.0%) had skin irritation.", "percentage"));
    }

    [Theory]
    [InlineData("Healing at day 14 was 78.1% with the foam and 73.0% with gauze, a difference of 5.1 percentage points, 95% CI −9.3 to 19.5, p = .49, within the noninferiority margin of 15 points.", ".49", ".02")]
    [InlineData("The difference was 5.1 percentage points, 95% CI [−9.3, 19.5], noninferiority P = 0.49.", "0.49", "0.02")]
    [InlineData("La différence était de 5,1 points (IC à 95 % : −9,3 à 19,5), p = 0,49, dans la marge de non-infériorité de 15 points.", "0,49", "0,02")]
    public void An_interval_p_the_sentence_may_give_another_hypothesis_is_checked_when_the_interval_gives_it(string sentence, string p, string other)
    {
        // A Wald interval of half-width 14.4 around 5.1 gives p = 0.49: the interval's p, consistent; a p it does not
        // give may be the noninferiority test's, so not checkable, never inconsistent.
        Assert.Equal("consistent", Verdict("Methods. We randomised 180 adults.\n\n" + sentence, "ci_vs_p"));
        Assert.Equal("not_checkable", Verdict("Methods. We randomised 180 adults.\n\n" + sentence.Replace(p, other), "ci_vs_p"));
    }

    [Theory]
    [InlineData("Satisfaction was higher with the drug (z = 2.94, p = 0.003, Mann-Whitney test).", "0.003", "0.03")]
    [InlineData("Pain scores differed between groups (z = −2.94, P = .003, Wilcoxon rank-sum test).", ".003", ".03")]
    [InlineData("Les hospitalisations étaient moins nombreuses sous lithium (z = −2,94 ; p = 0,003, test de Mann-Whitney).", "0,003", "0,03")]
    public void A_statistic_whose_p_the_sentence_gives_another_test_is_checked_when_the_statistic_gives_it(string sentence, string p, string other)
    {
        Assert.Equal("consistent", Verdict(sentence, "p_vs_statistic"));
        Assert.Equal("not_checkable", Verdict(sentence.Replace(p, other), "p_vs_statistic"));
    }

    [Theory]
    [InlineData("Méthodes. Soixante-quinze sportifs ont été répartis en un groupe HSR (n = 38) et un groupe excentrique (n = 37).\n\nUne gêne a été signalée par 6 sportifs du groupe HSR (15,8 %).", "15,8 %", "14,2 %")]
    [InlineData("Méthodes. Soixante-quinze sportives ont été incluses.\n\nUne entorse est survenue chez 6 sportives (8,0 %) pendant la saison.", "8,0 %", "14,2 %")]
    [InlineData("Methods. We included 75 sportsmen.\n\nA sprain occurred in 6 sportsmen (8.0%) during the season.", "8.0%", "14.2%")]
    [InlineData("Methods. We examined 75 5-year-olds.\n\nToothache was reported for 6 5-year-olds (8.0%).", "8.0%", "14.2%")]
    public void Athletes_and_children_named_by_their_age_are_people_counted(string text, string pct, string wrong)
    {
        // 6/38 = 15.8 %, 6/75 = 8.0 %; no denominator gives 14.2 % with a count of 6 (6/42 = 14.29 %, 6/43 = 13.95 %).
        Assert.Equal("consistent", Verdict(text, "percentage"));
        Assert.Equal("inconsistent", Verdict(text.Replace(pct, wrong), "percentage"));
    }

    [Theory]
    [InlineData("In this trial, 139 patients were randomly assigned to colchicine 0.5 mg twice daily (70 patients) or to placebo (69 patients).", "Diarrhea occurred in 12 patients with colchicine (17.1%).")]
    [InlineData("We randomized 139 adults to a capsaicin patch (70 adults) or to oral duloxetine (69 adults).", "Skin redness, mostly mild, was reported in 12 adults with the patch (17.1%).")]
    [InlineData("After screening, women were randomly assigned, by a concealed list, to early surgery (70 women) or observation (69 women).", "A wound infection developed in 12 women after early surgery (17.1%).")]
    public void An_arms_n_counted_in_people_in_its_allocations_bracket_applies_en(string methods, string result)
    {
        // 12/70 = 17.1 %; 16.4 % needs 73, more than the arm's 70.
        Assert.Equal("consistent", Verdicts("Methods. " + methods + "\n\nResults. " + result, "percentage")[^1]);
        Assert.Equal("inconsistent", Verdicts("Methods. " + methods + "\n\nResults. " + result.Replace("17.1%", "16.4%"), "percentage")[^1]);
    }

    [Theory]
    [InlineData("Cent trente-neuf patients ont été randomisés entre la colchicine (70 patients) et un placebo (69 patients).", "Une diarrhée est survenue chez 12 patients sous colchicine (17,1 %).")]
    [InlineData("Les adultes ont été répartis entre un emplâtre de capsaïcine (70 adultes) et la duloxétine orale (69 adultes).", "Une rougeur, le plus souvent légère, a été notée chez 12 adultes sous duloxétine (17,4 %).")]
    public void An_arms_n_counted_in_people_in_its_allocations_bracket_applies_fr(string methods, string result)
    {
        var pct = result.Contains("17,1 %") ? "17,1 %" : "17,4 %";
        Assert.Equal("consistent", Verdicts("Méthodes. " + methods + "\n\nRésultats. " + result, "percentage")[^1]);
        Assert.Equal("inconsistent", Verdicts("Méthodes. " + methods + "\n\nRésultats. " + result.Replace(pct, "16,4 %"), "percentage")[^1]);
    }

    [Theory]
    [InlineData("Among the 1,284 children, the complication was cutaneous in 702 and pulmonary in 214. Among the 119 children with an invasive infection, it was cellulitis in 64. Intensive care was needed in 37 children (2.9%).", "2.9%", "2.6%")]
    [InlineData("Of the 7,548 patients, 5,120 were discharged home. A return visit within 30 days was recorded for 612 patients (8.1%).", "8.1%", "7.6%")]
    [InlineData("Parmi les 1 146 femmes, le germe était un staphylocoque chez 402. L'allaitement a été arrêté avant 3 mois par 214 femmes (18,7 %).", "18,7 %", "16,4 %")]
    [InlineData("Chez les 1 284 enfants, la complication était cutanée chez 702 ; une admission en réanimation a été nécessaire chez 37 enfants (2,9 %).", "2,9 %", "2,6 %")]
    public void A_count_of_the_people_a_paragraph_opened_on_is_a_share_of_them_at_most(string paragraph, string pct, string wrong)
    {
        // 37/1284 = 2.9 %, 612/7548 = 8.1 %, 214/1146 = 18.7 %: consistent; the wrong ones need more people than the set.
        Assert.Equal("consistent", Verdicts(paragraph, "percentage")[^1]);
        Assert.Equal("inconsistent", Verdicts(paragraph.Replace(pct, wrong), "percentage")[^1]);
    }

    [Theory]
    [InlineData("Of the 950 admitted patients, 512 were discharged within 48 hours. A return visit was recorded for 612 patients (8.1%).")]
    [InlineData("Among the 950 patients, 512 were discharged within 48 hours. A return visit was recorded for 612 women (8.1%).")]
    [InlineData("Parmi les 950 patients hospitalisés, 512 sont sortis en 48 heures. Une nouvelle visite a eu lieu chez 612 patients (8,1 %).")]
    [InlineData("Les 46 enfants ont commencé le régime; 41 y sont restés. Chez ces 41 enfants, le poids a baissé. Une constipation est survenue chez 19 enfants (41,3 %).")]
    [InlineData("Forty-six children started the diet and 41 stayed on it. Among these 41 children, weight fell. Constipation occurred in 19 children (41.3%).")]
    public void A_set_named_with_a_qualifier_or_another_noun_says_nothing_of_a_count(string paragraph)
    {
        Assert.DoesNotContain("inconsistent", Verdicts(paragraph, "percentage"));
    }

    [Theory]
    [InlineData("A second visit took place for 17 of 102 children in the 0.15 mg/kg group (16.7%).", "16.7%", "17.7%")]
    [InlineData("Vomiting occurred in 12 of 80 patients given 5 mg/kg (15.0%) within an hour.", "15.0%", "16.0%")]
    [InlineData("Une nouvelle consultation a eu lieu chez n = 17 sur 102 enfants du groupe 0,15 mg/kg (16,7 %).", "16,7 %", "17,7 %")]
    [InlineData("Des vomissements sont survenus chez 12 patients sur 80 du groupe 2,5 mg (15,0 %).", "15,0 %", "16,0 %")]
    public void A_count_of_a_denominator_of_an_arm_named_by_its_dose_is_checked(string sentence, string pct, string wrong)
    {
        Assert.Equal("consistent", Verdict(sentence, "percentage"));
        Assert.Equal("inconsistent", Verdict(sentence.Replace(pct, wrong), "percentage"));
    }
}
