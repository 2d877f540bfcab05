using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Counts of the levels of one variable listed for one group, then for another: by reference ("in the placebo group, the
/// numbers were …", "ces nombres étaient de …") or in clauses of their own. Levels whose words do not make them exclusive
/// are shown to be so by one group's list adding up exactly to its n; the other's sum above its n is then an error, below
/// it a missing value. Each with a correct control.
/// </summary>
public class PaperCheckCategoryListsTests
{
    static List<string> Verdicts(string text) => PaperCheckOnText.Verdicts(text, "category_counts");

    const string HeaderEn = "| Characteristic | Nipocalimab (n=98) | Placebo (n=96) |\n\n";
    const string HeaderFr = "Caractéristique  Modafinil (n = 78)  Oxybate de sodium (n = 64)\n\n";

    [Theory]
    // The other group's counts by reference, its n in the table's header.
    [InlineData(HeaderEn + "At week 24, of the 98 patients given nipocalimab, 41 had no symptoms left (score 0 or 1), 38 had improved without reaching it and 19 had not improved; in the placebo group, the numbers were 12, 27 and 59.", "consistent,inconsistent")]
    [InlineData(HeaderEn + "At week 24, of the 98 patients given nipocalimab, 41 had no symptoms left (score 0 or 1), 38 had improved without reaching it and 19 had not improved; in the placebo group, the numbers were 12, 27 and 57.", "consistent,consistent")]
    // Below the other group's n: a missing value, which the list does not rule out.
    [InlineData(HeaderEn + "At week 24, of the 98 patients given nipocalimab, 41 had no symptoms left (score 0 or 1), 38 had improved without reaching it and 19 had not improved; in the placebo group, the numbers were 12, 27 and 50.", "consistent")]
    [InlineData(HeaderFr + "À 6 mois, parmi les 78 patients sous modafinil, 33 étaient répondeurs complets (score de 10 ou moins), 26 répondeurs partiels et 19 non répondeurs ; sous oxybate de sodium, ces nombres étaient de 29, 21 et 17.", "consistent,inconsistent")]
    [InlineData(HeaderFr + "À 6 mois, parmi les 78 patients sous modafinil, 33 étaient répondeurs complets (score de 10 ou moins), 26 répondeurs partiels et 19 non répondeurs ; sous oxybate de sodium, ces nombres étaient de 29, 21 et 14.", "consistent,consistent")]
    // The first group's list short of its n shows nothing of the second's.
    [InlineData(HeaderEn + "At week 24, of the 98 patients given nipocalimab, 41 had no symptoms left (score 0 or 1), 38 had improved without reaching it and 15 had not improved; in the placebo group, the numbers were 12, 27 and 59.", "")]
    [InlineData(HeaderFr + "À 6 mois, parmi les 78 patients sous modafinil, 33 étaient répondeurs complets, 26 étaient répondeurs partiels et 15 étaient non répondeurs ; sous oxybate de sodium, ces nombres étaient de 29, 21 et 17.", "")]
    [InlineData(HeaderFr + "À 6 mois, parmi les 78 patients sous modafinil, 33 étaient répondeurs complets, 26 étaient répondeurs partiels et 19 étaient non répondeurs ; sous oxybate de sodium, ces nombres étaient de 29, 21 et 17.", "consistent,inconsistent")]
    public void TheSameLevelsByReference(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text)));

    [Theory]
    // Two groups' lists in clauses of their own, a level in common.
    [InlineData("Of the 110 patients allocated to laser, 89 healed after one procedure, 14 needed a second session and 7 were converted to excision; of the 108 allocated to excision, 81 healed after one procedure, 19 needed curettage and 11 needed a flap.", "consistent,inconsistent")]
    [InlineData("Of the 110 patients allocated to laser, 89 healed after one procedure, 14 needed a second session and 7 were converted to excision; of the 108 allocated to excision, 78 healed after one procedure, 19 needed curettage and 11 needed a flap.", "consistent,consistent")]
    [InlineData("Parmi les 110 patients du groupe laser, 89 ont cicatrisé après une intervention, 14 ont nécessité une seconde séance et 7 ont été convertis en exérèse ; parmi les 108 du groupe exérèse, 81 ont cicatrisé après une intervention, 19 ont nécessité un curetage et 11 un lambeau.", "consistent,inconsistent")]
    [InlineData("Parmi les 110 patients du groupe laser, 89 ont cicatrisé après une intervention, 14 ont nécessité une seconde séance et 7 ont été convertis en exérèse ; parmi les 108 du groupe exérèse, 78 ont cicatrisé après une intervention, 19 ont nécessité un curetage et 11 un lambeau.", "consistent,consistent")]
    // Words saying a member may be in two clauses: no proof, whatever the first list's sum.
    [InlineData("Of the 110 patients allocated to laser, 89 healed after one procedure, 14 of whom needed a second session, and 7 were converted to excision; of the 108 allocated to excision, 81 healed after one procedure, 19 of whom needed curettage, and 11 needed a flap.", "consistent")]
    [InlineData("Parmi les 110 patients du groupe laser, 89 ont cicatrisé après une intervention, dont 14 ont nécessité une seconde séance, et 7 ont été convertis en exérèse ; parmi les 108 du groupe exérèse, 81 ont cicatrisé après une intervention, dont 19 ont nécessité un curetage, et 11 un lambeau.", "")]
    public void TwoGroupsInClausesOfTheirOwn(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text)));

    [Theory]
    // The people counted named by their sex before the verb, the group's n stated where the arms are allocated.
    [InlineData("Women were randomly assigned to LVA (n=79) or dissection alone (n=78).\n\nAt 24 months, 52 women in the LVA group had no swelling, 16 had subclinical swelling (a difference of 5–9%) and 11 had lymphoedema; in the dissection-alone group, 38 had no swelling, 19 had subclinical swelling and 24 had lymphoedema.", "consistent,inconsistent")]
    [InlineData("Women were randomly assigned to LVA (n=79) or dissection alone (n=78).\n\nAt 24 months, 52 women in the LVA group had no swelling, 16 had subclinical swelling (a difference of 5–9%) and 11 had lymphoedema; in the dissection-alone group, 38 had no swelling, 19 had subclinical swelling and 21 had lymphoedema.", "consistent,consistent")]
    [InlineData("Les femmes ont été réparties entre LVA (n = 79) et curage seul (n = 78).\n\nÀ 24 mois, 52 femmes du groupe LVA n'avaient aucun œdème, 16 avaient un œdème infraclinique (différence de 5 à 9 %) et 11 un lymphœdème ; dans le groupe curage seul, 38 n'avaient aucun œdème, 19 avaient un œdème infraclinique et 24 un lymphœdème.", "consistent,inconsistent")]
    [InlineData("Les femmes ont été réparties entre LVA (n = 79) et curage seul (n = 78).\n\nÀ 24 mois, 52 femmes du groupe LVA n'avaient aucun œdème, 16 avaient un œdème infraclinique (différence de 5 à 9 %) et 11 un lymphœdème ; dans le groupe curage seul, 38 n'avaient aucun œdème, 19 avaient un œdème infraclinique et 21 un lymphœdème.", "consistent,consistent")]
    public void TheGroupNamedBeforeItsCounts(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text)));

    [Theory]
    // How many each had: none, one, at least two ("at least" the last level, not an overlap).
    [InlineData("Of the 73 women given cranberry, 44 had no cystitis, 18 had one episode and 11 at least two; of the 71 given placebo, 30 had no cystitis, 26 had one episode and 17 at least two.", "consistent,inconsistent")]
    [InlineData("Of the 73 women given cranberry, 44 had no cystitis, 18 had one episode and 11 at least two; of the 71 given placebo, 30 had no cystitis, 26 had one episode and 15 at least two.", "consistent,consistent")]
    [InlineData("Parmi les 73 femmes du groupe canneberge, 44 sont restées sans cystite, 18 en ont eu une et 11 au moins deux ; parmi les 71 du groupe placebo, 30 sont restées sans cystite, 26 en ont eu une et 17 au moins deux.", "consistent,inconsistent")]
    [InlineData("Parmi les 73 femmes du groupe canneberge, 44 sont restées sans cystite, 18 en ont eu une et 11 au moins deux ; parmi les 71 du groupe placebo, 30 sont restées sans cystite, 26 en ont eu une et 15 au moins deux.", "consistent,consistent")]
    public void NoneOneAtLeastTwo(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text)));

    [Theory]
    // "Both" where the other levels say "only", "also" for a step added to the one before: levels of a partition.
    [InlineData("Of the 212 women given teriparatide, 193 had no new fracture, 2 had a vertebral fracture only, 15 had a nonvertebral fracture only and 2 had both; of the 209 given placebo, 175 had no new fracture, 11 had a vertebral fracture only, 22 had a nonvertebral fracture only and 6 had both.", "consistent,inconsistent")]
    [InlineData("Of the 212 women given teriparatide, 193 had no new fracture, 2 had a vertebral fracture only, 15 had a nonvertebral fracture only and 2 had both; of the 209 given placebo, 175 had no new fracture, 11 had a vertebral fracture only, 17 had a nonvertebral fracture only and 6 had both.", "consistent,consistent")]
    [InlineData("Parmi les 212 femmes sous tériparatide, 193 n'ont eu aucune nouvelle fracture, 2 une fracture vertébrale seule, 15 une fracture non vertébrale seule et 2 les deux ; parmi les 209 sous placebo, 175 n'ont eu aucune nouvelle fracture, 11 une fracture vertébrale seule, 22 une fracture non vertébrale seule et 6 les deux.", "consistent,inconsistent")]
    [InlineData("Parmi les 212 femmes sous tériparatide, 193 n'ont eu aucune nouvelle fracture, 2 une fracture vertébrale seule, 15 une fracture non vertébrale seule et 2 les deux ; parmi les 209 sous placebo, 175 n'ont eu aucune nouvelle fracture, 11 une fracture vertébrale seule, 17 une fracture non vertébrale seule et 6 les deux.", "consistent,consistent")]
    [InlineData("Women were randomized to coaching (n = 104) or usual care (n = 102).\n\nIn the coaching group, 61 women were managed with diet alone, 31 also received metformin and 12 received insulin; in the usual care group, the numbers were 52, 33 and 19.", "consistent,inconsistent")]
    [InlineData("Women were randomized to coaching (n = 104) or usual care (n = 102).\n\nIn the coaching group, 61 women were managed with diet alone, 31 also received metformin and 12 received insulin; in the usual care group, the numbers were 52, 33 and 17.", "consistent,consistent")]
    [InlineData("Les femmes ont été réparties entre coaching (n = 104) et suivi habituel (n = 102).\n\nDans le groupe coaching, 61 femmes étaient traitées par régime seul, 31 recevaient aussi de la metformine et 12 recevaient de l'insuline ; dans le groupe suivi habituel, ces nombres étaient de 52, 33 et 19.", "consistent,inconsistent")]
    [InlineData("Les femmes ont été réparties entre coaching (n = 104) et suivi habituel (n = 102).\n\nDans le groupe coaching, 61 femmes étaient traitées par régime seul, 31 recevaient aussi de la metformine et 12 recevaient de l'insuline ; dans le groupe suivi habituel, ces nombres étaient de 52, 33 et 17.", "consistent,consistent")]
    // "Of whom" says the second counts a subgroup of the first: no partition, whatever the sums.
    [InlineData("Women were randomized to coaching (n = 104) or usual care (n = 102).\n\nIn the coaching group, 61 women were managed with diet alone, 31 of whom received metformin later, and 12 received insulin; in the usual care group, the numbers were 52, 33 and 19.", "consistent")]
    public void BothAndAlsoInAPartition(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text)));

    [Theory]
    // The group named by the first words its column's header prints before its n.
    [InlineData("Characteristic  Dienogest (n = 82)  Contraception continued (n = 80)\n\nIn the dienogest group, the stage was I-II in 21 patients, III in 35 and IV in 26; in the contraception group, I-II in 19, III in 33 and IV in 31.", "consistent,inconsistent")]
    [InlineData("Characteristic  Dienogest (n = 82)  Contraception continued (n = 80)\n\nIn the dienogest group, the stage was I-II in 21 patients, III in 35 and IV in 26; in the contraception group, I-II in 19, III in 33 and IV in 28.", "consistent,consistent")]
    [InlineData("Caractéristique  Diénogest (n = 82)  Contraception continue (n = 80)\n\nDans le groupe diénogest, le stade était I-II chez 21 patientes, III chez 35 et IV chez 26 ; dans le groupe contraception, I-II chez 19, III chez 33 et IV chez 31.", "consistent,inconsistent")]
    [InlineData("Caractéristique  Diénogest (n = 82)  Contraception continue (n = 80)\n\nDans le groupe diénogest, le stade était I-II chez 21 patientes, III chez 35 et IV chez 26 ; dans le groupe contraception, I-II chez 19, III chez 33 et IV chez 28.", "consistent,consistent")]
    public void TheGroupNamedByItsHeadersFirstWords(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text)));

    [Theory]
    // Exclusive levels, then the people they part right after the last count.
    [InlineData("At discharge, breastfeeding was exclusive in 133, mixed in 62 and absent in 21 of the 216 infants given dextrose.", "consistent")]
    [InlineData("At discharge, breastfeeding was exclusive in 133, mixed in 62 and absent in 21 of the 214 infants given dextrose.", "inconsistent")]
    [InlineData("À la sortie, l'allaitement était exclusif chez 133, mixte chez 62 et absent chez 21 des 216 nourrissons du groupe dextrose.", "consistent")]
    [InlineData("À la sortie, l'allaitement était exclusif chez 133, mixte chez 62 et absent chez 21 des 214 nourrissons du groupe dextrose.", "inconsistent")]
    // Fewer than the people: a missing value.
    [InlineData("At discharge, breastfeeding was exclusive in 133, mixed in 62 and absent in 21 of the 220 infants given dextrose.", "not_checkable")]
    public void ThePeopleAfterTheLastCount(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text)));

    [Theory]
    // The group named right after the last count, though the sentence names both groups; a bracket between a level and its count
    // (the arms' n of the allocation add up to the adults randomized: the first verdict).
    [InlineData("Seventy-two adults were randomized to ruxolitinib cream (n = 48) or vehicle (n = 24).\n\nDisease was moderate (IGA 3) in 31 and severe (IGA 4) in 17 patients in the ruxolitinib group, and moderate in 16 and severe in 10 in the vehicle group.", "consistent,consistent,inconsistent")]
    [InlineData("Seventy-two adults were randomized to ruxolitinib cream (n = 48) or vehicle (n = 24).\n\nDisease was moderate (IGA 3) in 31 and severe (IGA 4) in 17 patients in the ruxolitinib group, and moderate in 16 and severe in 8 in the vehicle group.", "consistent,consistent,consistent")]
    [InlineData("Soixante-douze adultes ont été randomisés entre crème de ruxolitinib (n = 48) et excipient (n = 24).\n\nLa maladie était modérée (IGA 3) chez 31 et sévère (IGA 4) chez 17 patients dans le groupe ruxolitinib, et modérée chez 16 et sévère chez 10 dans le groupe excipient.", "consistent,consistent,inconsistent")]
    [InlineData("Soixante-douze adultes ont été randomisés entre crème de ruxolitinib (n = 48) et excipient (n = 24).\n\nLa maladie était modérée (IGA 3) chez 31 et sévère (IGA 4) chez 17 patients dans le groupe ruxolitinib, et modérée chez 16 et sévère chez 8 dans le groupe excipient.", "consistent,consistent,consistent")]
    // Counts that name the groups themselves are no levels of one group.
    [InlineData("Cent quatre-vingt-dix hommes ont été randomisés : 96 dans le groupe association et 94 dans le groupe tamsulosine seule ; 88 et 85 ont terminé l'étude.", "")]
    [InlineData("One hundred and ninety men were randomized: 96 in the combination group and 94 in the tamsulosin alone group; 88 and 85 completed the study.", "")]
    public void TheGroupNamedAfterTheLastCount(string text, string verdicts) => Assert.Equal(verdicts, string.Join(",", Verdicts(text)));
}
