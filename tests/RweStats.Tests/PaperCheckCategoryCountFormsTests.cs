using RweStats.PaperCheck;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Counts of the levels of one variable written in the forms papers use, against the total they part: the people an
/// earlier sentence of the paragraph is about, the longer of two lists read on the same counts, the values of a named
/// scale, a group's head with a duration in its words. Each with a correct control and a sum no total allows.
/// </summary>
public class PaperCheckCategoryCountFormsTests
{
    static string? Verdict(string text) => PaperCheckOnText.Verdict(text, "category_counts");

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

    [Theory]
    // Those who left, counted by their reason: one reason each, an event among them.
    [InlineData("Des 14 adolescents perdus de vue, 5 avaient déménagé, 4 ont refusé le suivi et 5 étaient injoignables.", "consistent")]
    [InlineData("Des 12 adolescents perdus de vue, 5 avaient déménagé, 4 ont refusé le suivi et 5 étaient injoignables.", "inconsistent")]
    [InlineData("Sur les 12 patients ayant arrêté le capteur, 5 avaient une réaction cutanée, 4 des décollements répétés et 3 préféraient la glycémie capillaire.", "consistent")]
    [InlineData("Sur les 10 patients ayant arrêté le capteur, 5 avaient une réaction cutanée, 4 des décollements répétés et 3 préféraient la glycémie capillaire.", "inconsistent")]
    [InlineData("Of the 14 adolescents lost to follow-up, 5 had moved, 4 refused further visits and 5 could not be reached.", "consistent")]
    [InlineData("Of the 12 adolescents lost to follow-up, 5 had moved, 4 refused further visits and 5 could not be reached.", "inconsistent")]
    public void ThoseWhoLeftByTheirReason(string text, string? verdict) => Assert.Equal(verdict, Verdict(text));

    [Theory]
    // Times that are the levels of one event, the last open-ended: each member's once.
    [InlineData("Of the 211 in the intravenous group, 178 were discharged by day 5, 21 on day 6 or 7 and 12 later.", "consistent")]
    [InlineData("Of the 207 in the intravenous group, 178 were discharged by day 5, 21 on day 6 or 7 and 12 later.", "inconsistent")]
    [InlineData("Des 211 patients du groupe intraveineux, 178 sont sortis avant le jour 5, 21 au jour 6 ou 7 et 12 plus tard.", "consistent")]
    [InlineData("Des 207 patients du groupe intraveineux, 178 sont sortis avant le jour 5, 21 au jour 6 ou 7 et 12 plus tard.", "inconsistent")]
    // Visits at two times count the same members again.
    [InlineData("Of the 60 patients included, 52 attended the week-4 visit and 41 the week-24 visit.", null)]
    public void TimesAsTheLevelsOfOneEvent(string text, string? verdict) => Assert.Equal(verdict, Verdict(text));

    [Theory]
    // A group's head with a duration in its words ("for more than 3 days", "du groupe 5 jours").
    [InlineData("Among the 27 children whose dosing was interrupted for more than 3 days, 11 stopped for gastrointestinal symptoms, 6 for respiratory symptoms, 7 for an intercurrent illness and 3 for family reasons.", "consistent")]
    [InlineData("Among the 24 children whose dosing was interrupted for more than 3 days, 11 stopped for gastrointestinal symptoms, 6 for respiratory symptoms, 7 for an intercurrent illness and 3 for family reasons.", "inconsistent")]
    [InlineData("Parmi les 34 échecs du groupe 5 jours, 21 étaient des récidives, 9 des persistances de l'otite et 4 des otorrhées.", "consistent")]
    [InlineData("Parmi les 32 échecs du groupe 5 jours, 21 étaient des récidives, 9 des persistances de l'otite et 4 des otorrhées.", "inconsistent")]
    public void AGroupHeadWithADuration(string text, string? verdict) => Assert.Equal(verdict, Verdict(text));

    [Theory]
    // The people of an earlier sentence's head ("Of 1,046 adults switched …", "Parmi les 612 patients, …").
    [InlineData("Of 1,063 adults switched to dolutegravir, 612 were women. Before the switch, 734 patients were taking TDF/3TC/EFV, 268 AZT/3TC/EFV and 61 another efavirenz-based regimen.", "consistent")]
    [InlineData("Of 1,046 adults switched to dolutegravir, 612 were women. Before the switch, 734 patients were taking TDF/3TC/EFV, 268 AZT/3TC/EFV and 61 another efavirenz-based regimen.", "inconsistent")]
    [InlineData("Parmi les 626 patients, 347 étaient des hommes. Le statut RAS était muté chez 318 patients, sauvage chez 251 et inconnu chez 57.", "consistent")]
    [InlineData("Parmi les 612 patients, 347 étaient des hommes. Le statut RAS était muté chez 318 patients, sauvage chez 251 et inconnu chez 57.", "inconsistent")]
    // After a pronoun ("Parmi eux", "Among them"), only the sentence just before names the people: not an earlier subgroup
    // (11), so no total applies here.
    [InlineData("Parmi les 11 adolescents ayant eu une complication, 4 ont été réopérés. À 3 ans, 84 des 96 adolescents ont été revus. Parmi eux, 52 étaient en rémission, 23 en rémission partielle et 9 en échec.", null)]
    [InlineData("Among the 11 adolescents with a complication, 4 had surgery again. At 3 years, 84 of the 96 adolescents were seen. Among them, 52 were in remission, 23 in partial remission and 9 had failed.", null)]
    public void ThePeopleOfAnEarlierHead(string text, string? verdict) => Assert.Equal(verdict, Verdict(text));

    [Theory]
    // Those who did not give their sex are a level of it, after a ";" too.
    [InlineData("Participants were 124 adults: 89 women, 33 men, 2 did not report their gender.", "consistent")]
    [InlineData("Participants were 126 adults: 89 women, 33 men, 2 did not report their gender.", "not_checkable")]
    [InlineData("Participants were 122 adults: 89 women, 33 men, 2 did not report their gender.", "inconsistent")]
    [InlineData("Les 320 répondants étaient 174 femmes et 141 hommes ; 5 n'ont pas précisé leur sexe.", "consistent")]
    [InlineData("Les 318 répondants étaient 174 femmes et 141 hommes ; 5 n'ont pas précisé leur sexe.", "inconsistent")]
    public void ThoseWhoDidNotGiveTheirSex(string text, string? verdict) => Assert.Equal(verdict, Verdict(text));

    [Theory]
    // The exits of a treatment counted by their reason in brackets, one reason each.
    [InlineData("Les 40 arrêts étaient dus à une inefficacité (n = 14), à un effet indésirable (n = 12), à une grossesse (n = 3) ou au choix du patient (n = 11).", "consistent")]
    [InlineData("Les 38 arrêts étaient dus à une inefficacité (n = 14), à un effet indésirable (n = 12), à une grossesse (n = 3) ou au choix du patient (n = 11).", "inconsistent")]
    [InlineData("The 40 withdrawals were for lack of efficacy (n = 14), an adverse effect (n = 12), pregnancy (n = 3) or the patient's choice (n = 11).", "consistent")]
    [InlineData("The 38 withdrawals were for lack of efficacy (n = 14), an adverse effect (n = 12), pregnancy (n = 3) or the patient's choice (n = 11).", "inconsistent")]
    public void ExitsByTheirReason(string text, string? verdict) => Assert.Equal(verdict, Verdict(text));
}
