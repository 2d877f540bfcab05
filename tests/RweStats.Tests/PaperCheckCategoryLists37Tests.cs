using Xunit;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Another group's counts of the same levels, given by reference after a list that parts its group exactly ("these
/// numbers were a, b and c", "ces nombres étaient de a et b"): the list before shows the levels exclude each other, and
/// the group's head may stand before the words that refer back.
/// </summary>
public class PaperCheckCategoryLists37Tests
{
    [Fact]
    public void A_group_head_before_the_words_referring_back_is_the_total_of_the_bare_list_en()
    {
        var v = Verdicts("Of the 19 failures in the air group, 11 were reduced at a second attempt and 8 had surgery; of the 31 failures in the saline group, these numbers were 17 and 16.", "category_counts");
        Assert.Contains("consistent", v);
        Assert.Contains("inconsistent", v);
    }

    [Fact]
    public void A_group_head_before_the_words_referring_back_is_the_total_of_the_bare_list_fr()
    {
        var v = Verdicts("Parmi les 19 échecs du groupe pneumatique, 11 ont été réduits lors d'une seconde tentative et 8 ont été opérés ; parmi les 31 échecs du groupe hydrostatique, ces nombres étaient de 17 et 16.", "category_counts");
        Assert.Contains("consistent", v);
        Assert.Contains("inconsistent", v);
    }

    [Fact]
    public void Counts_adding_up_to_the_head_by_reference_are_consistent_fr()
    {
        var v = Verdicts("Parmi les 19 échecs du groupe pneumatique, 11 ont été réduits lors d'une seconde tentative et 8 ont été opérés ; parmi les 31 échecs du groupe hydrostatique, ces nombres étaient de 17 et 14.", "category_counts");
        Assert.DoesNotContain("inconsistent", v);
    }

    [Fact]
    public void Both_as_the_last_of_three_levels_parts_a_group_that_adds_up_to_its_n_en()
    {
        var v = Verdicts("Patients were randomized to injection (n = 70) or surgery (n = 70).\n\nOf the 70 patients given an injection, 38 had an MCP joint treated, 24 a PIP joint and 8 both; after surgery, these numbers were 41, 21 and 11.", "category_counts");
        Assert.Contains("inconsistent", v);
    }

    [Fact]
    public void Both_as_the_last_of_three_levels_parts_a_group_that_adds_up_to_its_n_fr()
    {
        var v = Verdicts("Les patients ont été randomisés entre injection (n = 70) et chirurgie (n = 70).\n\nParmi les 70 patients du groupe injection, 38 avaient une atteinte MCP, 24 une atteinte IPP et 8 les deux ; après chirurgie, ces nombres étaient de 41, 21 et 11.", "category_counts");
        Assert.Contains("inconsistent", v);
    }

    [Fact]
    public void Both_in_a_list_not_adding_up_to_its_n_proves_nothing()
    {
        var v = Verdicts("Patients were randomized to injection (n = 70) or surgery (n = 70).\n\nOf the 70 patients given an injection, 38 had an MCP joint treated, 24 a PIP joint and 6 both; after surgery, these numbers were 41, 21 and 11.", "category_counts");
        Assert.DoesNotContain("inconsistent", v);
    }
}

public class PaperCheckCodeLevels37Tests
{
    [Fact]
    public void Levels_named_by_a_code_after_a_copula_and_another_group_by_reference_fr()
    {
        var v = Verdicts("| Caractéristique | Chirurgie (n = 58) | Traitement conservateur (n = 57) |\n|---|---|---|\n| Âge, ans | 46 | 47 |\n\nLa racine atteinte était C5 chez 4 patients du groupe chirurgie, C6 chez 24, C7 chez 27 et C8 chez 3 ; dans le groupe conservateur, ces nombres étaient de 3, 22, 29 et 4.", "category_counts");
        Assert.Equal(new[] { "consistent", "inconsistent" }, v.Where(x => x != "not_checkable"));
    }

    [Fact]
    public void Levels_named_by_a_code_after_a_copula_and_another_group_by_reference_en()
    {
        var v = Verdicts("| Characteristic | Surgery (n = 58) | Conservative care (n = 57) |\n|---|---|---|\n| Age, years | 46 | 47 |\n\nThe root involved was C5 in 4 patients of the surgery group, C6 in 24, C7 in 27 and C8 in 3; in the conservative group, these numbers were 3, 22, 29 and 3.", "category_counts");
        Assert.Contains("consistent", v);
        Assert.DoesNotContain("inconsistent", v);
    }
}
