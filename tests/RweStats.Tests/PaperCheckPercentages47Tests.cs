using Xunit;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// A count of an arm's people, then its percentage, checked against that arm's n however the people are said to be
/// treated ("using B", "treated by B", "managed with B", "traités par B"); and a percentage with its count in a bracket
/// after the arm it names, never against the n of the arm another statement names after it ("with A (n = 9, 14.1%) and
/// with B (n = 2, 3.2%)", "more frequent with A (n = 8, 14.8%) than with B").
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
}
