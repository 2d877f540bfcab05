using Xunit;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// One group's counts of the levels of a variable, then another group's counts of the same levels by reference, each
/// checked against the n of the group its clause names, however the paper states that n: an allocation ("randomly
/// assigned to A (n = 46) or B (n = 44)"), a table's header, a group's head ("of the 95 treated with B,"), or a
/// denominator with the group's name elsewhere in the paper ("14 of 58 after B", "14 patients sur 58 du groupe B").
/// </summary>
public class PaperCheckCategoryLists41Tests
{
    const string AllocationEn = "Methods. Ninety adults were randomly assigned to pulsed radiofrequency (n = 46) or steroid injection (n = 44).\n\n";
    const string AllocationFr = "Méthodes. Quatre-vingt-dix adultes ont été randomisés entre radiofréquence pulsée (n = 46) et infiltration de corticoïdes (n = 44).\n\n";

    [Fact]
    public void A_list_and_the_numbers_of_another_arm_are_checked_against_each_arm_en()
    {
        var v = Verdicts(AllocationEn + "Neck pain at 3 months was absent in 20 patients given pulsed radiofrequency, mild in 16 and severe in 10; with steroid injection these numbers were 12, 19 and 15.", "category_counts");
        Assert.Single(v, "inconsistent");
        Assert.Equal("inconsistent", v[^1]);
        Assert.DoesNotContain("inconsistent", Verdicts(AllocationEn + "Neck pain at 3 months was absent in 20 patients given pulsed radiofrequency, mild in 16 and severe in 10; with steroid injection these numbers were 12, 19 and 13.", "category_counts"));
    }

    [Fact]
    public void A_list_and_the_numbers_of_another_arm_are_checked_against_each_arm_fr()
    {
        var v = Verdicts(AllocationFr + "À 3 mois, la douleur était absente chez 20 patients sous radiofréquence pulsée, légère chez 16 et sévère chez 10 ; sous infiltration, ces nombres étaient de 12, 19 et 15.", "category_counts");
        Assert.Single(v, "inconsistent");
        Assert.Equal("inconsistent", v[^1]);
        Assert.DoesNotContain("inconsistent", Verdicts(AllocationFr + "À 3 mois, la douleur était absente chez 20 patients sous radiofréquence pulsée, légère chez 16 et sévère chez 10 ; sous infiltration, ces nombres étaient de 12, 19 et 13.", "category_counts"));
    }

    [Fact]
    public void The_first_list_takes_the_n_of_its_arm_named_in_two_words_en()
    {
        // Two words of one arm's name ("given pulsed radiofrequency") name one arm, not two.
        var v = Verdicts(AllocationEn + "Neck pain at 3 months was absent in 20 patients given pulsed radiofrequency, mild in 16 and severe in 12.", "category_counts");
        Assert.Equal("inconsistent", v[^1]);
    }

    [Fact]
    public void A_group_named_then_its_counts_alone_takes_the_n_the_paper_gives_as_a_denominator_en()
    {
        const string Later = " Recurrence at one year occurred in 6 of 60 patients after laser ablation (10.0%) and 14 of 58 after sclerotherapy (24.1%).";
        var v = Verdicts("Bruising was none in 25 patients treated with laser ablation, mild in 20 and moderate in 15; in the sclerotherapy group, 22, 21 and 16." + Later, "category_counts");
        Assert.Equal(new[] { "consistent", "inconsistent" }, v);
        Assert.Equal(new[] { "consistent", "consistent" }, Verdicts("Bruising was none in 25 patients treated with laser ablation, mild in 20 and moderate in 15; in the sclerotherapy group, 22, 21 and 15." + Later, "category_counts"));
    }

    [Fact]
    public void A_group_named_then_its_counts_alone_takes_the_n_the_paper_gives_as_a_denominator_fr()
    {
        const string Later = " Une récidive à un an est survenue chez 6 patients sur 60 du groupe laser (10,0 %) et chez 14 patients sur 58 du groupe sclérothérapie (24,1 %).";
        var v = Verdicts("La douleur était absente chez 25 patients traités par laser, légère chez 20 et modérée chez 15 ; dans le groupe sclérothérapie, 22, 21 et 16." + Later, "category_counts");
        Assert.Equal(new[] { "consistent", "inconsistent" }, v);
        Assert.Equal(new[] { "consistent", "consistent" }, Verdicts("La douleur était absente chez 25 patients traités par laser, légère chez 20 et modérée chez 15 ; dans le groupe sclérothérapie, 22, 21 et 15." + Later, "category_counts"));
    }

    [Fact]
    public void The_denominator_may_stand_in_another_paragraph_before_the_lists_en()
    {
        var v = Verdicts("Results. Relief at one month was reported by 30 of 46 patients given cryotherapy (65.2%) and by 20 of 44 after laser ablation (45.5%).\n\nScarring at 6 months was absent in 20 patients given cryotherapy, mild in 16 and severe in 10; after laser ablation, 12, 19 and 15.", "category_counts");
        Assert.Equal(new[] { "consistent", "inconsistent" }, v);
    }

    [Fact]
    public void Without_the_other_group_s_n_its_counts_are_not_judged()
    {
        Assert.DoesNotContain("inconsistent", Verdicts("Bruising was none in 25 patients treated with laser ablation, mild in 20 and moderate in 15; in the sclerotherapy group, 22, 21 and 16. Recurrence at one year occurred in 6 of 60 patients after laser ablation (10.0%).", "category_counts"));
        Assert.DoesNotContain("inconsistent", Verdicts("La douleur était absente chez 25 patients traités par laser, légère chez 20 et modérée chez 15 ; dans le groupe sclérothérapie, 22, 21 et 16.", "category_counts"));
    }

    [Fact]
    public void A_first_list_short_of_its_group_s_n_leaves_the_other_group_s_counts_unjudged()
    {
        // 25 + 20 + 13 = 58 of 60: the levels may not cover every patient, so 16 + 21 + 22 = 59 of 58 proves nothing.
        Assert.DoesNotContain("inconsistent", Verdicts("Bruising was none in 25 patients treated with laser ablation, mild in 20 and moderate in 13; in the sclerotherapy group, 22, 21 and 16. Recurrence occurred in 6 of 60 patients after laser ablation (10.0%) and 14 of 58 after sclerotherapy (24.1%).", "category_counts"));
    }

    [Fact]
    public void A_group_head_with_its_n_then_its_counts_alone_en()
    {
        var v = Verdicts("Of the 120 patients treated with oral terbinafine, 80 were cured, 25 improved and 15 failed; of the 95 treated with itraconazole, 60, 22 and 16.", "category_counts");
        Assert.Equal(new[] { "consistent", "inconsistent" }, v);
        Assert.DoesNotContain("inconsistent", Verdicts("Of the 120 patients treated with oral terbinafine, 80 were cured, 25 improved and 15 failed; of the 95 treated with itraconazole, 60, 22 and 13.", "category_counts"));
    }

    [Fact]
    public void A_group_head_with_its_n_then_its_counts_alone_fr()
    {
        var v = Verdicts("Parmi les 120 patients traités par terbinafine, 80 ont été guéris, 25 se sont améliorés et 15 étaient en échec ; parmi les 95 traités par itraconazole, 60, 22 et 16.", "category_counts");
        Assert.Equal(new[] { "consistent", "inconsistent" }, v);
    }

    [Fact]
    public void A_table_header_gives_the_other_arm_s_n_en()
    {
        var v = Verdicts("Table 2. Outcomes\n\nOutcome  Pulsed radiofrequency (n = 46)  Steroid injection (n = 44)\nRelief, n (%)  30 (65.2)  20 (45.5)\n\nNeck pain at 3 months was absent in 20 patients given pulsed radiofrequency, mild in 16 and severe in 10; after steroid injection the numbers were 12, 19 and 15.", "category_counts");
        Assert.Equal(new[] { "consistent", "inconsistent" }, v);
    }

    [Fact]
    public void Levels_in_counts_with_the_group_after_the_people_and_a_gloss_in_brackets_en()
    {
        const string Allocation = "Methods. Patients were randomized to cryotherapy (n = 50) or imiquimod (n = 48).\n\n";
        var v = Verdicts(Allocation + "At 6 months, no residual plaque was seen in 30 patients given cryotherapy, a thin plaque (barely visible) in 12 and a thick plaque in 8; in the imiquimod group, 25, 14 and 11.", "category_counts");
        Assert.Equal("inconsistent", v[^1]);
        Assert.Single(v, "inconsistent");
        Assert.DoesNotContain("inconsistent", Verdicts(Allocation + "At 6 months, no residual plaque was seen in 30 patients given cryotherapy, a thin plaque (barely visible) in 12 and a thick plaque in 8; in the imiquimod group, 25, 14 and 9.", "category_counts"));
    }

    [Fact]
    public void Levels_in_counts_with_the_group_after_the_people_and_a_gloss_in_brackets_fr()
    {
        const string Allocation = "Méthodes. Les patients ont été randomisés entre cryothérapie (n = 50) et imiquimod (n = 48).\n\n";
        var v = Verdicts(Allocation + "À 6 mois, aucune plaque résiduelle n'était visible chez 30 patients traités par cryothérapie, une plaque fine (à peine visible) chez 12 et une plaque épaisse chez 8 ; dans le groupe imiquimod, 25, 14 et 11.", "category_counts");
        Assert.Equal("inconsistent", v[^1]);
        Assert.Single(v, "inconsistent");
    }

    [Fact]
    public void A_group_head_naming_a_dose_with_its_unit_en()
    {
        var v = Verdicts("Of the 58 knees given 2.5 mL of hyaluronate, 31 had no effusion, 19 a small effusion and 8 a large effusion; of the 55 knees given 5 mL of hyaluronate, 28, 17 and 12.", "category_counts");
        Assert.Equal(new[] { "consistent", "inconsistent" }, v);
    }

    [Fact]
    public void A_group_head_naming_a_dose_with_its_unit_fr()
    {
        var v = Verdicts("Parmi les 58 genoux traités par 2,5 mL d'hyaluronate, 31 n'avaient pas d'épanchement, 19 un épanchement modéré et 8 un épanchement abondant ; parmi les 55 genoux traités par 5 mL, 28, 17 et 12.", "category_counts");
        Assert.Equal(new[] { "consistent", "inconsistent" }, v);
    }

    [Fact]
    public void Bands_of_a_measured_value_as_levels_en()
    {
        const string Allocation = "Methods. Adults were randomized to laser (n = 45) or drill (n = 44).\n\n";
        var v = Verdicts(Allocation + "At one year, the air-bone gap was 10 dB or less in 31 patients of the laser group, 11 to 20 dB in 11 and over 20 dB in 3; in the drill group, these numbers were 21, 15 and 10.", "category_counts");
        Assert.Equal("inconsistent", v[^1]);
        Assert.Single(v, "inconsistent");
        Assert.DoesNotContain("inconsistent", Verdicts(Allocation + "At one year, the air-bone gap was 10 dB or less in 31 patients of the laser group, 11 to 20 dB in 11 and over 20 dB in 3; in the drill group, these numbers were 21, 15 and 8.", "category_counts"));
    }

    [Fact]
    public void Bands_of_a_measured_value_as_levels_and_a_group_of_two_words_fr()
    {
        const string Allocation = "Méthodes. Les patients ont été randomisés entre implant actif (n = 45) et contrôle (n = 44).\n\n";
        var v = Verdicts(Allocation + "À un an, le gain auditif était de 10 dB ou plus chez 30 patients du groupe implant actif, de 5 à 9 dB chez 12 et inférieur à 5 dB chez 3 ; dans le groupe contrôle, ces nombres étaient de 20, 15 et 11.", "category_counts");
        Assert.Equal("inconsistent", v[^1]);
        Assert.Single(v, "inconsistent");
    }

    [Fact]
    public void A_part_of_each_person_named_before_the_first_count_en()
    {
        const string Allocation = "Methods. Patients were randomized to plasma injections (n = 40) or saline injections (n = 40).\n\n";
        var v = Verdicts(Allocation + "At 6 months, the knees of 12 patients given plasma had no effusion, 20 a small effusion and 8 a large effusion; after saline, these numbers were 9, 21 and 11.", "category_counts");
        Assert.Equal("inconsistent", v[^1]);
        Assert.Single(v, "inconsistent");
        Assert.DoesNotContain("inconsistent", Verdicts(Allocation + "At 6 months, the knees of 12 patients given plasma had no effusion, 20 a small effusion and 8 a large effusion; after saline, these numbers were 9, 21 and 10.", "category_counts"));
    }

    [Fact]
    public void A_part_of_each_person_named_before_the_first_count_fr()
    {
        const string Allocation = "Méthodes. Les patients ont été randomisés entre pansement argentique (n = 40) et pansement simple (n = 38).\n\n";
        var v = Verdicts(Allocation + "À 6 semaines, les plaies de 10 patients traités par pansement argentique étaient cicatrisées, 25 en cours de cicatrisation et 5 sans amélioration ; sous pansement simple, ces nombres étaient de 6, 24 et 9.", "category_counts");
        Assert.Equal("inconsistent", v[^1]);
        Assert.Single(v, "inconsistent");
    }

    [Fact]
    public void A_count_of_a_group_s_head_is_not_a_level()
    {
        // "Of 40 patients, 12 had …": the 40 is the group, not the first of the list.
        Assert.DoesNotContain("inconsistent", Verdicts("Methods. We included 90 patients.\n\nOf 40 patients given plasma, 12 had no effusion, 20 a small effusion and 8 a large effusion.", "category_counts"));
    }

    [Fact]
    public void A_first_count_of_a_denominator_of_people_gives_the_list_its_total_en()
    {
        const string Later = " Ileus occurred in 5 of 100 patients given early feeding (5.0%) and 9 of 97 given delayed feeding (9.3%).";
        var v = Verdicts("Within 30 days, 60 of the 100 patients given early feeding had no complication, 28 a minor complication and 12 a major one; of those given delayed feeding, 55, 30 and 14." + Later, "category_counts");
        Assert.Equal(new[] { "consistent", "inconsistent" }, v);
        Assert.Equal(new[] { "consistent", "consistent" }, Verdicts("Within 30 days, 60 of the 100 patients given early feeding had no complication, 28 a minor complication and 12 a major one; of those given delayed feeding, 55, 30 and 12." + Later, "category_counts"));
    }

    [Fact]
    public void A_first_count_of_a_denominator_of_people_gives_the_list_its_total_fr()
    {
        const string Later = " Un iléus est survenu chez 5 patients sur 100 sous alimentation précoce (5,0 %) et chez 9 patients sur 97 sous alimentation retardée (9,3 %).";
        var v = Verdicts("À 30 jours, 60 des 100 patients sous alimentation précoce n'avaient aucune complication, 28 une complication mineure et 12 une complication majeure ; sous alimentation retardée, ces nombres étaient de 55, 30 et 14." + Later, "category_counts");
        Assert.Equal(new[] { "consistent", "inconsistent" }, v);
    }

    [Fact]
    public void A_group_s_n_as_a_denominator_naming_its_people_en()
    {
        const string Later = " At one year, 30 of 80 exercise participants and 12 of 78 controls had returned to work.";
        var v = Verdicts("In the exercise group, 40 stopped the drug, 25 reduced the dose and 15 kept the same dose; in the control group, 20 stopped the drug, 35 reduced the dose and 24 kept the same dose." + Later, "category_counts");
        Assert.Equal(new[] { "consistent", "inconsistent" }, v);
        Assert.Equal(new[] { "consistent", "consistent" }, Verdicts("In the exercise group, 40 stopped the drug, 25 reduced the dose and 15 kept the same dose; in the control group, 20 stopped the drug, 35 reduced the dose and 23 kept the same dose." + Later, "category_counts"));
    }

    [Fact]
    public void A_group_s_n_as_a_denominator_after_its_people_fr()
    {
        const string Later = " À un an, 30 patients sur 80 du groupe exercice et 12 patients sur 78 du groupe contrôle avaient repris le travail.";
        var v = Verdicts("Dans le groupe exercice, 40 ont arrêté le traitement, 25 ont réduit la dose et 15 ont gardé la même dose ; dans le groupe contrôle, 20 ont arrêté le traitement, 35 ont réduit la dose et 24 ont gardé la même dose." + Later, "category_counts");
        Assert.Equal("consistent", v[0]);
        Assert.Equal("inconsistent", v[1]);
        Assert.Single(v, "inconsistent");
    }

    [Fact]
    public void The_same_levels_in_other_words_for_another_arm_en()
    {
        const string Allocation = "Methods. Adults were randomized to acupuncture (n = 50) or sham needling (n = 49).\n\n";
        var v = Verdicts(Allocation + "Headache was unilateral in 30 patients of the acupuncture group and bilateral in 20; in the sham group, 28 had unilateral headache and 23 bilateral headache.", "category_counts");
        Assert.Equal("inconsistent", v[^1]);
        Assert.Single(v, "inconsistent");
        Assert.DoesNotContain("inconsistent", Verdicts(Allocation + "Headache was unilateral in 30 patients of the acupuncture group and bilateral in 20; in the sham group, 26 had unilateral headache and 23 bilateral headache.", "category_counts"));
    }

    [Fact]
    public void The_same_levels_in_other_words_for_another_arm_fr()
    {
        const string Allocation = "Méthodes. Les patients ont été randomisés entre acupuncture (n = 50) et placebo (n = 49).\n\n";
        var v = Verdicts(Allocation + "La douleur était constante chez 30 patients du groupe acupuncture et intermittente chez 20 ; dans le groupe placebo, 28 avaient une douleur constante et 23 une douleur intermittente.", "category_counts");
        Assert.Equal("inconsistent", v[^1]);
        Assert.Single(v, "inconsistent");
    }

    [Fact]
    public void Conditions_as_levels_after_the_copula_may_overlap()
    {
        // Symptoms named as the levels, not values of one subject: a patient may have several.
        Assert.DoesNotContain("inconsistent", Verdicts("Methods. We included 40 patients.\n\nThe symptoms were fever in 30 patients, cough in 20 and headache in 10.", "category_counts"));
    }

    [Fact]
    public void The_comparator_named_by_its_role_is_the_arm_the_sentence_does_not_name_en()
    {
        const string Allocation = "Methods. Adults were randomized to a nerve block with bupivacaine (n = 40) or an injection of saline (n = 38).\n\n";
        var v = Verdicts(Allocation + "Swelling was located on the right in 22 participants of the block group and on the left in 18; in the placebo group, 21 had swelling on the right and 19 on the left.", "category_counts");
        Assert.Equal("inconsistent", v[^1]);
        Assert.Single(v, "inconsistent");
        Assert.DoesNotContain("inconsistent", Verdicts(Allocation + "Swelling was located on the right in 22 participants of the block group and on the left in 18; in the placebo group, 21 had swelling on the right and 17 on the left.", "category_counts"));
    }

    [Fact]
    public void The_comparator_named_by_its_role_is_the_arm_the_sentence_does_not_name_fr()
    {
        const string Allocation = "Méthodes. Les patients ont été randomisés entre un bloc nerveux à la bupivacaïne (n = 40) et une injection de sérum salé (n = 38).\n\n";
        var v = Verdicts(Allocation + "L'œdème siégeait à droite chez 22 patients du groupe bloc et à gauche chez 18 ; dans le groupe placebo, 21 avaient un œdème à droite et 19 à gauche.", "category_counts");
        Assert.Equal("inconsistent", v[^1]);
        Assert.Single(v, "inconsistent");
    }

    [Fact]
    public void Without_a_two_arm_allocation_the_comparator_s_n_is_unknown()
    {
        const string Allocation = "Methods. Adults were randomized to a nerve block with bupivacaine (n = 40), an injection of saline (n = 38) or no injection (n = 41).\n\n";
        Assert.DoesNotContain("inconsistent", Verdicts(Allocation + "Swelling was located on the right in 22 participants of the block group and on the left in 18; in the placebo group, 21 had swelling on the right and 19 on the left.", "category_counts"));
    }
}
