using RweStats.PaperCheck;

namespace RweStats.Tests;

/// <summary>
/// Counts of the levels of one variable written in the forms papers use, against the total they part: the people an
/// earlier sentence of the paragraph is about, the longer of two lists read on the same counts, the values of a named
/// scale, a group's head with a duration in its words. Each with a correct control and a sum no total allows.
/// </summary>
public class PaperCheckCategoryCountFormsTests
{
    static CheckReport CheckText(string text) => PaperChecker.Check(PaperText.FromString("paper.txt", text), CheckOptions.Default);

    static string? Verdict(string text) =>
        CheckText(text).Findings.Where(f => f.Check == "category_counts").Select(f => Finding.VerdictName(f.Verdict)).SingleOrDefault();

    [Theory]
    // The people the paragraph's first sentence is about are the total the later levels part.
    [InlineData("Between 2016 and 2023, 24 patients started belimumab. Disease activity was mild in 6 patients, moderate in 11 and severe in 7.", "consistent")]
    [InlineData("Between 2016 and 2023, 23 patients started belimumab. Disease activity was mild in 6 patients, moderate in 11 and severe in 7.", "inconsistent")]
    [InlineData("Entre 2016 et 2023, 24 patients ont débuté le belimumab. L'activité lupique était légère chez 6 patients, modérée chez 11 et élevée chez 7.", "consistent")]
    [InlineData("Entre 2016 et 2023, 23 patients ont débuté le belimumab. L'activité lupique était légère chez 6 patients, modérée chez 11 et élevée chez 7.", "inconsistent")]
    [InlineData("Les 154 patients avaient un âge médian de 71 ans. Ils étaient en classe NYHA II (n = 61), III (n = 74) ou IV (n = 19).", "consistent")]
    [InlineData("Les 152 patients avaient un âge médian de 71 ans. Ils étaient en classe NYHA II (n = 61), III (n = 74) ou IV (n = 19).", "inconsistent")]
    [InlineData("The 154 patients had a median age of 71 years. They were in NYHA class II (n = 61), III (n = 74) or IV (n = 19).", "consistent")]
    [InlineData("The 152 patients had a median age of 71 years. They were in NYHA class II (n = 61), III (n = 74) or IV (n = 19).", "inconsistent")]
    // A subgroup given with its share is no total: nothing to check the levels against.
    [InlineData("At baseline, 19 patients (82.6%) had anti-dsDNA antibodies. Disease activity was mild in 6 patients, moderate in 11 and severe in 7.", "not_checkable")]
    // Visits at different times count the same people again ("the week-4 visit", "the week-24 visit").
    [InlineData("Fifty-seven patients started esketamine; 52 attended the week-4 visit and 41 the week-24 visit.", null)]
    public void ThePeopleOfAnEarlierSentence(string text, string? verdict) => Assert.Equal(verdict, Verdict(text));

    [Theory]
    // A list of outcomes read longer than the variable's own levels: its total is the group's head.
    [InlineData("Of the 291 assigned to delayed surgery, 268 completed follow-up, 14 withdrew and 9 never had their second eye operated.", "consistent")]
    [InlineData("Of the 291 assigned to delayed surgery, 268 completed follow-up, 14 withdrew and 13 never had their second eye operated.", "inconsistent")]
    [InlineData("Des 291 patients du groupe différé, 268 ont terminé l'étude, 14 sont sortis de l'étude et 9 n'ont jamais été opérés du second œil.", "consistent")]
    [InlineData("Des 291 patients du groupe différé, 268 ont terminé l'étude, 14 sont sortis de l'étude et 13 n'ont jamais été opérés du second œil.", "inconsistent")]
    // A level the severity's words do not name ("tense") after theirs.
    [InlineData("We reviewed 153 consecutive patients. Ascites was absent in 38 patients, mild in 54 and tense in 61.", "consistent")]
    [InlineData("We reviewed 146 consecutive patients. Ascites was absent in 38 patients, mild in 54 and tense in 61.", "inconsistent")]
    [InlineData("Nous avons revu 153 patients consécutifs. L'ascite était absente chez 38 patients, légère chez 54 et tendue chez 61.", "consistent")]
    [InlineData("Nous avons revu 146 patients consécutifs. L'ascite était absente chez 38 patients, légère chez 54 et tendue chez 61.", "inconsistent")]
    // A count before the levels, without a group's head, is their total, not a level.
    [InlineData("Une dénutrition a été retrouvée chez 487 patients (39,0 %), sévère chez 203 et modérée chez 284.", "consistent")]
    [InlineData("Malnutrition was found in 487 patients (39.0%), severe in 203 and moderate in 284.", "consistent")]
    public void TheLongerListOnTheSameCounts(string text, string? verdict) => Assert.Equal(verdict, Verdict(text));

    [Theory]
    // The values of a scale named by its acronym ("GOLD 3", "NYHA III") exclude each other.
    [InlineData("Cinquante-neuf patients ont été inclus, répartis en stades GOLD 2 (n = 17), GOLD 3 (n = 29) et GOLD 4 (n = 13).", "consistent")]
    [InlineData("Cinquante-neuf patients ont été inclus, répartis en stades GOLD 2 (n = 17), GOLD 3 (n = 29) et GOLD 4 (n = 16).", "inconsistent")]
    [InlineData("Fifty-nine patients were included, in GOLD stages GOLD 2 (n = 17), GOLD 3 (n = 29) and GOLD 4 (n = 13).", "consistent")]
    [InlineData("Fifty-nine patients were included, in GOLD stages GOLD 2 (n = 17), GOLD 3 (n = 29) and GOLD 4 (n = 16).", "inconsistent")]
    public void TheValuesOfANamedScale(string text, string? verdict) => Assert.Equal(verdict, Verdict(text));
}
