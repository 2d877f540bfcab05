using Xunit;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Lists of levels each followed by its count ("absent in 20, mild in 16 and severe in 10") whose levels are printed with
/// a gloss in brackets, as bands of a value or of a time, as a scale's values or bands ("de 0 ou 1", "2 or 3", "de 4 ou
/// plus"), after a condition as their subject, or with the first count given of its group's n ("in 71 of the 96 children
/// treated with A"); and the counts of another group by reference after them ("these numbers were 14, 23 and 41").
/// </summary>
public class PaperCheckCategoryLists47Tests
{
    const string AllocationEn = "Methods. Adults were randomly assigned to nerve block (n = 64) or oral opioids (n = 62).\n\n";
    const string AllocationFr = "Méthodes. Les adultes ont été randomisés entre le bloc nerveux (n = 64) et les opioïdes oraux (n = 62).\n\n";

    static void OneFoundThenNone(string planted, string correct)
    {
        var v = Verdicts(planted, "category_counts");
        Assert.Single(v, "inconsistent");
        Assert.Equal("inconsistent", v[^1]);
        Assert.DoesNotContain("inconsistent", Verdicts(correct, "category_counts"));
    }

    [Fact]
    public void Levels_glossed_in_brackets_with_numbers_are_joined_fr()
    {
        const string S = "À 30 minutes, la douleur avait disparu (EVA de 10 mm ou moins) chez 19 patients du groupe bloc nerveux, était légère (11 à 30 mm) chez 32 et restait modérée ou sévère (plus de 30 mm) chez 13 ; dans le groupe opioïdes oraux, ces nombres étaient de 14, 23 et ";
        OneFoundThenNone(AllocationFr + S + "26.", AllocationFr + S + "25.");
    }

    [Fact]
    public void Levels_glossed_in_brackets_with_numbers_are_joined_en()
    {
        // The subject is the condition ("pain had resolved"): its states are the levels, not conditions a patient may have several of.
        const string S = "At 30 minutes, pain had resolved (VAS 10 mm or less) in 19 patients of the nerve block group, was mild (11 to 30 mm) in 32 and remained moderate or severe (above 30 mm) in 13; in the oral opioids group the numbers were 14, 23 and ";
        OneFoundThenNone(AllocationEn + S + "26.", AllocationEn + S + "25.");
    }

    [Fact]
    public void Bands_of_a_time_as_levels_fr()
    {
        const string S = "Parmi les 64 patients du groupe bloc nerveux, la douleur a cédé en moins de 5 minutes chez 31, entre 5 et 10 minutes chez 18 et après plus de 10 minutes chez 15 ; sous opioïdes oraux, ces nombres étaient de 19, 17 et ";
        OneFoundThenNone(AllocationFr + S + "27.", AllocationFr + S + "26.");
    }

    [Fact]
    public void Bands_of_a_time_as_levels_en()
    {
        const string S = "Of the 64 patients given a nerve block, pain settled in less than 5 minutes in 31, between 5 and 10 minutes in 18 and after more than 10 minutes in 15; with oral opioids the numbers were 19, 17 and ";
        OneFoundThenNone(AllocationEn + S + "27.", AllocationEn + S + "26.");
    }

    [Fact]
    public void Bands_of_a_scale_as_levels_fr()
    {
        const string S = "À 1 an, le score était de 0 ou 1 chez 14 patients du groupe bloc nerveux, de 2 ou 3 chez 15 et de 4 ou plus chez 35 ; après opioïdes oraux, ces nombres étaient de 8, 11 et ";
        OneFoundThenNone(AllocationFr + S + "44.", AllocationFr + S + "43.");
        // A scale's bands exclude each other: one list alone above its arm's n is inconsistent.
        Assert.Equal("inconsistent", Verdicts(AllocationFr + "À 1 an, le score était de 0 ou 1 chez 14 patients du groupe bloc nerveux, de 2 ou 3 chez 15 et de 4 ou plus chez 37.", "category_counts")[^1]);
    }

    [Fact]
    public void Bands_of_a_scale_as_levels_en()
    {
        const string S = "At one year, the score was 0 to 1 in 14 patients of the nerve block group, 2 or 3 in 15 and 4 or more in 35; in the oral opioids group these numbers were 8, 11 and ";
        OneFoundThenNone(AllocationEn + S + "44.", AllocationEn + S + "43.");
    }

    [Fact]
    public void Words_then_a_stage_as_levels_fr()
    {
        const string S = "À 6 mois, l'endoscopie montrait dans le groupe bloc nerveux une absence de polypes chez 30 patients, des polypes de stade 1 chez 12 et de stade 2 ou plus chez 22 ; dans le groupe opioïdes oraux, ces nombres étaient de 18, 17 et ";
        OneFoundThenNone(AllocationFr + S + "28.", AllocationFr + S + "27.");
    }

    [Fact]
    public void Words_then_a_stage_as_levels_en()
    {
        const string S = "At 6 months, endoscopy in the nerve block group showed no polyps in 30 patients, polyps of stage 1 in 12 and of stage 2 or more in 22; in the oral opioids group these numbers were 18, 17 and ";
        OneFoundThenNone(AllocationEn + S + "28.", AllocationEn + S + "27.");
    }

    [Fact]
    public void The_first_count_given_of_its_group_n_is_the_total_en()
    {
        // The n stated as a denominator elsewhere, not in an allocation.
        const string Later = " Nausea was reported by 8 of 62 patients given oral opioids.";
        const string S = "On day 2, no pain was reported in 41 of the 64 patients given a nerve block, mild pain in 16 and moderate pain in 7; with oral opioids the numbers were 30, 20 and ";
        OneFoundThenNone(S + "13." + Later, S + "12." + Later);
        // Percentage bands, "at least" a percentage being a threshold, not an overlap.
        const string T = "At 12 weeks, pain had fallen by at least 50% in 30 of the 64 patients given a nerve block, by 25% to 49% in 20 and by less than 25% in 14; with oral opioids, the numbers were 17, 21 and ";
        OneFoundThenNone(AllocationEn + T + "25.", AllocationEn + T + "24.");
    }

    [Fact]
    public void The_first_count_given_of_its_group_n_is_the_total_fr()
    {
        const string S = "À J2, aucune douleur n'était signalée chez 41 des 64 patients sous bloc nerveux, une douleur légère chez 16 et modérée chez 7 ; sous opioïdes oraux, ces nombres étaient de 30, 20 et ";
        OneFoundThenNone(AllocationFr + S + "13.", AllocationFr + S + "12.");
    }

    [Fact]
    public void Severities_of_events_with_the_patients_with_none_en()
    {
        // Reactions absent, mild or moderate: each patient once, by the worst.
        const string S = "Injection-site reactions were absent in 49 of the 64 patients with a nerve block, mild in 12 and moderate in 3; with oral opioids, constipation was absent in 41, mild in 17 and moderate in ";
        OneFoundThenNone(AllocationEn + S + "5.", AllocationEn + S + "4.");
    }

    [Fact]
    public void Levels_reported_by_patients_fr()
    {
        const string S = "À 6 mois, dans le groupe bloc nerveux, aucune gêne n'était signalée par 19 patients, une gêne légère par 24 et une gêne importante par 21 ; dans le groupe opioïdes oraux, ces nombres étaient de 29, 16 et ";
        OneFoundThenNone(AllocationFr + S + "18.", AllocationFr + S + "17.");
    }

    [Fact]
    public void A_first_level_with_its_count_of_the_group_then_counts_leading_their_clauses_en()
    {
        const string S = "At 12 months, the wound was healed in 59 of the 64 patients given a nerve block, 3 had a superficial dehiscence and 2 a deep dehiscence; in the oral opioids group these numbers were 49, 8 and ";
        OneFoundThenNone(AllocationEn + S + "6.", AllocationEn + S + "5.");
    }

    [Fact]
    public void A_first_level_with_its_count_of_the_group_then_counts_leading_their_clauses_fr()
    {
        const string S = "À 12 mois, la plaie était cicatrisée chez 59 des 64 patients sous bloc nerveux, 3 avaient une désunion superficielle et 2 une désunion profonde ; sous opioïdes oraux, ces nombres étaient de 49, 8 et ";
        OneFoundThenNone(AllocationFr + S + "6.", AllocationFr + S + "5.");
    }

    [Fact]
    public void The_sets_statistics_are_of_are_no_counts_of_a_sex_en()
    {
        const string S = "Of the 3,289 female athletes, 1,106 recovered within 14 days. The symptom score fell from 20.1 ± 7.9 to 4.2 ± 7.9 at 4 weeks in the 2,903 female athletes followed up (p < 0.001) and from 24.9 ± 17.2 to 2.8 ± 6.1 in the 4,618 male athletes (p < 0.001).";
        Assert.DoesNotContain("inconsistent", Verdicts(S, "category_counts"));
    }

    [Fact]
    public void The_sets_statistics_are_of_are_no_counts_of_a_sex_fr()
    {
        const string S = "Parmi les 3 289 sportives, 1 106 ont récupéré en 14 jours. Le score est passé de 20,1 ± 7,9 à 4,2 ± 7,9 à 4 semaines chez les 2 903 femmes suivies (p < 0,001) et de 24,9 ± 17,2 à 2,8 ± 6,1 chez les 4 618 hommes (p < 0,001).";
        Assert.DoesNotContain("inconsistent", Verdicts(S, "category_counts"));
    }

    [Fact]
    public void The_agent_before_a_colon_is_no_total_of_the_counts_after_it()
    {
        Assert.DoesNotContain("inconsistent", Verdicts("Cohorte prospective de 2 148 patients inclus par 186 médecins généralistes : 1 264 ont commencé l'escitalopram et 884 la prégabaline.", "category_counts"));
        Assert.DoesNotContain("inconsistent", Verdicts("A prospective cohort of 2,148 patients enrolled by 186 general practitioners: 1,264 started escitalopram and 884 pregabalin.", "category_counts"));
    }

    [Fact]
    public void The_arms_of_an_allocation_are_not_checked_against_another_study_n()
    {
        const string Earlier = "Study 1. We included 170 adults, allocated to surgical excision (n = 86) or aspiration (n = 84).\n\n";
        Assert.DoesNotContain("inconsistent", Verdicts(Earlier + "Children with impetigo were recruited by 34 general practices and randomly assigned to hydrogen peroxide cream (n = 112) or fusidic acid cream (n = 110).", "category_counts"));
        Assert.DoesNotContain("inconsistent", Verdicts(Earlier + "Des enfants atteints d'impétigo ont été recrutés par 34 cabinets et répartis entre une crème au peroxyde d'hydrogène (n = 112) ou une crème à l'acide fusidique (n = 110).", "category_counts"));
    }

    [Fact]
    public void Bands_of_a_rate_of_events_as_levels_and_a_group_using_a_device_en()
    {
        // The rate of events is the value measured: its bands exclude each other. The splint's n is given as "of 50 using the splint".
        const string Later = " Jaw pain was reported by 9 of 52 patients receiving the toxin and 1 of 50 using the splint.";
        const string S = "At 12 weeks, bruxism episodes per hour had fallen by at least 50% in 30 of the 52 patients receiving the toxin, by 25% to 49% in 14 and by less than 25% in 8; with the splint, the numbers were 17, 21 and ";
        OneFoundThenNone(S + "15." + Later, S + "12." + Later);
    }

    [Fact]
    public void Bands_of_a_rate_of_events_as_levels_fr()
    {
        const string S = "À 12 semaines, les épisodes de bruxisme par heure avaient diminué d'au moins 50 % chez 30 des 64 patients sous bloc nerveux, de 25 % à 49 % chez 20 et de moins de 25 % chez 14 ; sous opioïdes oraux, ces nombres étaient de 17, 21 et ";
        OneFoundThenNone(AllocationFr + S + "25.", AllocationFr + S + "24.");
    }

    [Fact]
    public void Patients_clear_of_lesions_or_without_a_relapse_are_counted_once_en()
    {
        const string S = "Of the 64 patients given a nerve block, 41 were clear of lesions at 12 weeks, 13 had fewer lesions and 10 had not improved; with oral opioids the numbers were 38, 12 and ";
        OneFoundThenNone(AllocationEn + S + "13.", AllocationEn + S + "12.");
        const string T = "Of the 64 patients given a nerve block, 55 had not relapsed, 6 had one episode and 3 at least two; with oral opioids the numbers were 38, 15 and ";
        OneFoundThenNone(AllocationEn + T + "10.", AllocationEn + T + "9.");
    }

    [Fact]
    public void Patients_without_a_relapse_are_counted_once_fr()
    {
        const string S = "Parmi les 64 patients du groupe bloc nerveux, 55 n'avaient pas récidivé, 6 avaient eu un épisode et 3 au moins deux ; dans le groupe opioïdes oraux, ces nombres étaient de 38, 15 et ";
        OneFoundThenNone(AllocationFr + S + "10.", AllocationFr + S + "9.");
    }

    [Fact]
    public void What_each_member_had_after_an_impersonal_copula_fr()
    {
        const string S = "Parmi les 119 enfants ayant une infection bactérienne invasive, il s'agissait d'une dermohypodermite chez 64, d'une fasciite nécrosante chez 21, d'une ostéoarthrite chez 18 et d'un choc toxique chez ";
        Assert.Equal("inconsistent", Verdicts(S + "19.", "category_counts")[^1]);
        Assert.DoesNotContain("inconsistent", Verdicts(S + "16.", "category_counts"));
    }

    [Fact]
    public void What_each_member_had_after_an_impersonal_copula_en()
    {
        const string S = "Among the 119 children with an invasive bacterial infection, it was cellulitis in 64, necrotising fasciitis in 21, septic arthritis in 18 and toxic shock syndrome in ";
        Assert.Equal("inconsistent", Verdicts(S + "19.", "category_counts")[^1]);
        Assert.DoesNotContain("inconsistent", Verdicts(S + "16.", "category_counts"));
    }

    [Fact]
    public void An_arm_named_as_the_adjective_of_its_people_gives_its_n_en()
    {
        // The lookup of the arm a clause names is the statistics' one: "9 block patients" names the nerve block arm.
        const string A = "Methods. Patients were randomly assigned to block (n = 64) or opioids (n = 62).\n\n";
        Assert.Equal("consistent", Verdicts(A + "At baseline, 31 block patients lived alone, 21 lived with a partner and 12 lived with family.", "category_counts")[^1]);
        // The people counted as the subject of the levels are their total, not the arm's n.
        Assert.Equal("inconsistent", Verdicts(A + "At 18 months, the 60 block patients weighed were underweight in 9, of healthy weight in 40 and overweight in 14.", "category_counts")[^1]);
    }

    [Fact]
    public void The_people_counted_as_the_subject_of_the_levels_are_their_total_fr()
    {
        const string A = "Méthodes. Les patients ont été randomisés entre le bloc (n = 64) et les opioïdes (n = 62).\n\n";
        Assert.Equal("inconsistent", Verdicts(A + "À 18 mois, les 60 patients du bloc revus étaient guéris chez 31, améliorés chez 20 et inchangés chez 12.", "category_counts")[^1]);
        Assert.DoesNotContain("inconsistent", Verdicts(A + "À 18 mois, les 60 patients du bloc revus étaient guéris chez 31, améliorés chez 20 et inchangés chez 9.", "category_counts"));
    }

    [Fact]
    public void A_group_named_by_an_age_in_one_word_heads_its_list_en()
    {
        Assert.Equal("consistent", Verdicts("Of the 2,387 5-year-olds with caries experience, 1,214 had 1-2 affected teeth, 702 had 3-5 and 471 had 6 or more.", "category_counts")[^1]);
        Assert.Equal("consistent", Verdicts("Of the 412 12-month-olds screened, 214 were breastfed, 152 were formula-fed and 46 were mixed-fed.", "category_counts")[^1]);
    }

    [Fact]
    public void A_group_named_by_an_age_heads_its_list_fr()
    {
        Assert.Equal("consistent", Verdicts("Parmi les 2 387 enfants de 5 ans atteints, 1 214 avaient 1 ou 2 dents atteintes, 702 en avaient 3 à 5 et 471 en avaient 6 ou plus.", "category_counts")[^1]);
    }

    [Fact]
    public void The_other_group_count_of_the_set_printed_beside_it_is_the_total_fr()
    {
        const string Earlier = "Résultats. Le travail a été repris à 6 mois par 412 salariés du groupe programme (66,7 %) et 331 du groupe soins habituels (53,6 %).\n\n";
        const string S = "Parmi les 412 salariés du groupe programme ayant repris le travail, 268 ont repris à temps plein, 97 à temps partiel et 47 sur un poste aménagé ; dans le groupe soins habituels, ces nombres étaient de 205, 84 et ";
        OneFoundThenNone(Earlier + S + "49.", Earlier + S + "42.");
    }

    [Fact]
    public void The_other_group_count_of_the_set_printed_beside_it_is_the_total_en()
    {
        const string Earlier = "Results. A response was seen in 712 patients given escitalopram (56.3%) and 441 given pregabalin (49.9%).\n\n";
        const string S = "Of the 712 patients given escitalopram who responded, 398 were in remission, 203 had a score of 5 to 9 and 111 a score of 10 or more; with pregabalin these numbers were 226, 139 and ";
        OneFoundThenNone(Earlier + S + "84.", Earlier + S + "76.");
    }
}
