using Xunit;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Numbers that are no count of people and no share of them, read as such before: a substance's concentration in
/// French ("de DMSO à 50 %"), a number of a range or a choice before a colon ("a stage 2 or 3 … : 104 …"), and the
/// group a sentence opens on without an article ("Of 12,604 patients, …"), which is its list's total.
/// </summary>
public class PaperCheckNotAShare41Tests
{
    [Theory]
    [InlineData("Quatre-vingt-quatorze femmes ont reçu une instillation d'acide hyaluronique (n = 48) ou de DMSO à 50 % (n = 46).")]
    [InlineData("Les plaies ont été lavées avec une solution d'acide acétique à 1 % (n = 30) ou de sérum physiologique (n = 31).")]
    [InlineData("Les patients ont reçu des bains de permanganate de potassium à 0,01 % (n = 22) ou d'eau tiède (n = 20).")]
    public void A_substance_at_a_percentage_in_French_is_a_concentration(string text) =>
        Assert.Empty(Verdicts(text, "percentage"));

    [Fact]
    public void A_share_of_people_in_French_is_still_checked() =>
        Assert.Equal("inconsistent", Verdict("Parmi les 48 femmes, une amélioration a été notée chez 50 % (n = 30).", "percentage"));

    [Theory]
    [InlineData("Participants 206 adults with a stage 2 or 3 ingrown great toenail: 104 randomised to phenol and 102 to wedge excision.")]
    [InlineData("We included 180 patients with a grade 1 to 2 sprain: 91 given a brace and 89 given a bandage.")]
    [InlineData("Nous avons inclus 120 patients atteints d'une plaie de stade 2 ou 3 : 61 traités par pansement et 59 par greffe.")]
    public void A_number_of_a_range_or_a_choice_before_a_colon_is_no_total(string text) =>
        Assert.DoesNotContain("inconsistent", Verdicts(text, "category_counts"));

    [Theory]
    [InlineData("Of 12,604 patients, 6,318 were given an injection within 3 months and 6,286 were not. The 1,432 patients with a later visit were treated again.", "consistent")]
    [InlineData("Of 12,604 patients, 6,318 were given an injection within 3 months and 6,296 were not. The 1,432 patients with a later visit were treated again.", "inconsistent")]
    [InlineData("Among 340 women, 152 were given a pessary and 198 were not. The 95 women with a previous caesarean were analysed apart.", "inconsistent")]
    public void A_sentence_opening_on_its_people_without_an_article_gives_the_list_its_total(string text, string expected) =>
        Assert.Equal(expected, Verdict(text, "category_counts"));
}
