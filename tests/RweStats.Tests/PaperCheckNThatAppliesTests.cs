using RweStats.PaperCheck;
using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// The n that applies to a percentage, a mean or a within-patient comparison when the text states it in words the
/// statistic's sentence does not repeat: the study's n stated by the verb that counts it in ("We analysed 1,046
/// patients", "Parmi les 231 patients …, 214 … ont été analysés"). Each with a correct control and an impossible value.
/// </summary>
public class PaperCheckNThatAppliesTests
{
    static string Last(string text, string check) => Verdicts(text, check)[^1];

    [Theory]
    // 6 / 1046 = 0.57 %: 0.6 % is that n's, 0.4 % needs a denominator of 1334 or more, above it.
    [InlineData("We analysed 1,046 patients with gout enrolled in a registry. Severe skin reactions occurred in 6 patients (0.6%).", "consistent")]
    [InlineData("We analysed 1,046 patients with gout enrolled in a registry. Severe skin reactions occurred in 6 patients (0.4%).", "inconsistent")]
    // 9 / 214 = 4.2 %; 3.2 % needs 277 to 285.
    [InlineData("Parmi les 231 patients ayant débuté le traitement entre 2019 et 2022, 214 avaient au moins 12 mois de suivi et ont été analysés. Des infections graves sont survenues chez 9 patients (4,2 %).", "consistent")]
    [InlineData("Parmi les 231 patients ayant débuté le traitement entre 2019 et 2022, 214 avaient au moins 12 mois de suivi et ont été analysés. Des infections graves sont survenues chez 9 patients (3,2 %).", "inconsistent")]
    // 64 / 2317 = 2.8 %; 2.1 % needs 2977 or more.
    [InlineData("Entre 2014 et 2018, 2 317 patients ont été opérés dans sept centres. Une carence en vitamine B12 a été relevée chez 64 patients (2,8 %).", "consistent")]
    [InlineData("Entre 2014 et 2018, 2 317 patients ont été opérés dans sept centres. Une carence en vitamine B12 a été relevée chez 64 patients (2,1 %).", "inconsistent")]
    public void TheStudysNCountedInByItsVerb(string text, string verdict) => Assert.Equal(verdict, Last(text, "percentage"));

    [Theory]
    // Arms of 412 and 206: 9 / 206 = 4.4 %, so 2.9 % (a denominator of 306 to 315) is impossible for the second arm;
    // 45 / 412 = 10.9 %.
    [InlineData("Participants were randomized 2:1 to ludaglutide (n = 412) or placebo (n = 206). Diarrhea occurred in 45 (10.9%) and 9 (4.4%) participants.", "consistent")]
    [InlineData("Participants were randomized 2:1 to ludaglutide (n = 412) or placebo (n = 206). Diarrhea occurred in 45 (10.9%) and 9 (2.9%) participants.", "inconsistent")]
    // Arms of 104 and 101 stated by count: 12 / 104 = 11.5 %, 27 / 101 = 26.7 %; 24.8 % needs 109.
    [InlineData("Au total, 104 résidents ont reçu l'ivermectine et 101 la perméthrine. Des effets indésirables ont été rapportés chez 12 résidents (11,5 %) et 27 résidents (26,7 %) respectivement.", "consistent")]
    [InlineData("Au total, 104 résidents ont reçu l'ivermectine et 101 la perméthrine. Des effets indésirables ont été rapportés chez 12 résidents (11,5 %) et 27 résidents (24,8 %) respectivement.", "inconsistent")]
    public void APairOfCountsIsOfTheTwoArmsInTheirOrder(string text, string verdict) => Assert.Equal(verdict, Last(text, "percentage"));

    [Theory]
    // 74 / 17 = 4.35; 4.38 lies between 74 / 17 and 75 / 17 = 4.41. 128 / 18 = 7.11; 7.13 lies between 128 / 18 and 129 / 18 = 7.17.
    [InlineData("The 17 eyes with subretinal fibrosis received a mean of 4.35 (SD 1.41) injections.", "consistent")]
    [InlineData("The 17 eyes with subretinal fibrosis received a mean of 4.38 (SD 1.41) injections.", "inconsistent")]
    [InlineData("In the 17 eyes that started with fibrosis, patients received 4.38 (SD 1.41) injections.", "inconsistent")]
    [InlineData("Les 18 fumeuses avaient un score de douleur (0 à 10, en points entiers) de 7,11 (ET 0,41).", "consistent")]
    [InlineData("Les 18 fumeuses avaient un score de douleur (0 à 10, en points entiers) de 7,13 (ET 0,41).", "inconsistent")]
    [InlineData("Chez les 18 patientes ayant fumé pendant la grossesse, le score de douleur (0 à 10, en points entiers) était de 7,13 (ET 0,41).", "inconsistent")]
    public void AGroupNamedInANounOfItsOwn(string text, string verdict) => Assert.Equal(verdict, Last(text, "grim"));

    [Fact]
    public void AGroupNamedInAnotherClauseIsNotTheStatisticsOwn()
    {
        // 6.15 × 17 = 104.6: no whole total of 17 gives it, but it is the 13 eyes' (80 / 13 = 6.15).
        var text = "Les 17 yeux ayant une hémorragie initiale ont reçu 4,35 (ET 1,41) injections, et les 13 yeux passés au faricimab 6,15 (ET 1,21) injections.";
        Assert.DoesNotContain("inconsistent", Verdicts(text, "grim"));
    }

    [Theory]
    // 9 / 77 = 11.7 %; 9.7 % needs a denominator of 91 to 95, above the placebo arm's 77.
    [InlineData("Baclofen for alcohol dependence: a randomised trial\n\nAbstract\nMethods. Patients were randomised to baclofen (n = 81) or placebo (n = 77) for six months.\n\nSafety\nNausea occurred in 9 patients receiving placebo (11.7%).\n", "consistent")]
    [InlineData("Baclofen for alcohol dependence: a randomised trial\n\nAbstract\nMethods. Patients were randomised to baclofen (n = 81) or placebo (n = 77) for six months.\n\nSafety\nNausea occurred in 9 patients receiving placebo (9.7%).\n", "inconsistent")]
    [InlineData("Baclofène contre placebo dans la dépendance à l'alcool : essai randomisé\n\nRésumé\nMéthodes. Les patients ont été randomisés entre baclofène (n = 81) et placebo (n = 77) pendant six mois.\n\nRésultats détaillés\nDes nausées sont survenues chez 9 patients sous placebo (11,7 %).\n", "consistent")]
    [InlineData("Baclofène contre placebo dans la dépendance à l'alcool : essai randomisé\n\nRésumé\nMéthodes. Les patients ont été randomisés entre baclofène (n = 81) et placebo (n = 77) pendant six mois.\n\nRésultats détaillés\nDes nausées sont survenues chez 9 patients sous placebo (9,7 %).\n", "inconsistent")]
    public void AnArmStatedUnderAnotherHeadingOfTheSamePaper(string text, string verdict) => Assert.Equal(verdict, Last(text, "percentage"));

    [Theory]
    // 14 / 153 = 9.2 %; 8.5 % needs 162 to 167. 20 / 255 = 7.8 %; 6.8 % needs 290 to 296.
    [InlineData("Children were randomly assigned to atropine 0.01% (n = 153) or placebo (n = 151). Photophobia was reported by 14 children with atropine (9.2%).", "consistent")]
    [InlineData("Children were randomly assigned to atropine 0.01% (n = 153) or placebo (n = 151). Photophobia was reported by 14 children with atropine (8.5%).", "inconsistent")]
    [InlineData("Patients were randomized to negative pressure (n = 251) or a standard dressing (n = 255). Infection occurred in 20 patients with a standard dressing (7.8%).", "consistent")]
    [InlineData("Patients were randomized to negative pressure (n = 251) or a standard dressing (n = 255). Infection occurred in 20 patients with a standard dressing (6.8%).", "inconsistent")]
    public void AnArmNamedWithItsDoseOrItsArticle(string text, string verdict) => Assert.Equal(verdict, Last(text, "percentage"));

    [Theory]
    // 331 / 94 = 3.52; 3.58 lies between 336 / 94 = 3.574 and 337 / 94 = 3.585.
    [InlineData("Les enfants ont reçu un soluté par sonde nasogastrique (n = 96) ou par voie veineuse (n = 94). Le score de douleur (0 à 10, en points entiers) était de 3,52 (ET 1,10) par voie veineuse.", "consistent")]
    [InlineData("Les enfants ont reçu un soluté par sonde nasogastrique (n = 96) ou par voie veineuse (n = 94). Le score de douleur (0 à 10, en points entiers) était de 3,58 (ET 1,10) par voie veineuse.", "inconsistent")]
    public void AnArmNamedByItsRoute(string text, string verdict) => Assert.Equal(verdict, Last(text, "grim"));

    [Theory]
    // 9 / 45 = 20.0 %; 18.0 % needs 50. 9 / 142 = 6.3 %; 5.3 % needs 167 to 173.
    [InlineData("Erector spinae plane block after lung resection: a randomized trial\n\nMethods: Ninety adults were randomized to a single-injection block with ropivacaine 0.375% (ESP group, n = 45) or a sham block with saline (n = 45).\n\nTable 1 Patient characteristics\nVariable  ESP block  Sham block\nWomen, n (%)  21 (46.7)  23 (51.1)\n\nSevere pain on coughing in the ESP group was reported by 9 patients (20.0%).\n", "consistent")]
    [InlineData("Erector spinae plane block after lung resection: a randomized trial\n\nMethods: Ninety adults were randomized to a single-injection block with ropivacaine 0.375% (ESP group, n = 45) or a sham block with saline (n = 45).\n\nTable 1 Patient characteristics\nVariable  ESP block  Sham block\nWomen, n (%)  21 (46.7)  23 (51.1)\n\nSevere pain on coughing in the ESP group was reported by 9 patients (18.0%).\n", "inconsistent")]
    [InlineData("Oxygénothérapie à haut débit dans la bronchiolite : essai randomisé\n\nMéthodes : 281 nourrissons ont été randomisés entre oxygénothérapie à haut débit (groupe OHD ; n = 142) et oxygénothérapie standard (n = 139).\n\nTableau 1 Caractéristiques initiales\nCaractéristique  OHD  Standard\nFilles, n (%)  60 (42,3)  58 (41,7)\n\nUn transfert en réanimation a eu lieu chez 9 nourrissons du groupe OHD (6,3 %).\n", "consistent")]
    [InlineData("Oxygénothérapie à haut débit dans la bronchiolite : essai randomisé\n\nMéthodes : 281 nourrissons ont été randomisés entre oxygénothérapie à haut débit (groupe OHD ; n = 142) et oxygénothérapie standard (n = 139).\n\nTableau 1 Caractéristiques initiales\nCaractéristique  OHD  Standard\nFilles, n (%)  60 (42,3)  58 (41,7)\n\nUn transfert en réanimation a eu lieu chez 9 nourrissons du groupe OHD (5,3 %).\n", "inconsistent")]
    public void AnArmKnownByItsAbbreviationAcrossATablesCaption(string text, string verdict) => Assert.Equal(verdict, Last(text, "percentage"));

    [Theory]
    // 30 / 161 = 18.6 %; 16.6 % needs 179 to 182. 20 / 81 = 24.7 %; 22.7 % needs 87 to 89.
    [InlineData("Les patientes ont été randomisées entre 5 fractions (n = 164) et 15 fractions (n = 161). Une douleur mammaire a été rapportée par 30 patientes (18,6 %) dans le groupe 15 fractions.", "consistent")]
    [InlineData("Les patientes ont été randomisées entre 5 fractions (n = 164) et 15 fractions (n = 161). Une douleur mammaire a été rapportée par 30 patientes (16,6 %) dans le groupe 15 fractions.", "inconsistent")]
    [InlineData("Patients were randomized to 6 weeks (n = 82) or 4 weeks (n = 81) of immobilisation. Stiffness was reported by 20 patients (24.7%) in the 4-week group.", "consistent")]
    [InlineData("Patients were randomized to 6 weeks (n = 82) or 4 weeks (n = 81) of immobilisation. Stiffness was reported by 20 patients (22.7%) in the 4-week group.", "inconsistent")]
    public void AnArmNamedByANumberAfterTheStatistic(string text, string verdict) => Assert.Equal(verdict, Last(text, "percentage"));

    [Fact]
    public void ACountBeforeTheWordGroupIsNoArmsName()
    {
        // 7 / 72 = 9.7 %: "17 du groupe talcage" after it is the other arm's count, not an arm named "17 du".
        var text = "Les patients ont été randomisés entre cathéter (groupe CPT ; n = 72) et talcage (n = 70). Une nouvelle ponction a été nécessaire chez 7 patients du groupe CPT (9,7 %) et 17 du groupe talcage (24,3 %).";
        Assert.DoesNotContain("inconsistent", Verdicts(text, "percentage"));
    }

    [Theory]
    // 874 / 2846 = 30.7 %; 29.4 % needs 2968 to 2977. 143 / 412 = 34.7 %; 32.7 % needs 436 to 439.
    [InlineData("The survey was completed by 2,846 of 6,112 invited nurses (46.6%). A medication error was reported by 874 (30.7%).", "consistent")]
    [InlineData("The survey was completed by 2,846 of 6,112 invited nurses (46.6%). A medication error was reported by 874 (29.4%).", "inconsistent")]
    [InlineData("Le questionnaire a été rempli par 412 des 1 020 médecins sollicités (40,4 %). Une formation avait été suivie par 143 médecins (34,7 %).", "consistent")]
    [InlineData("Le questionnaire a été rempli par 412 des 1 020 médecins sollicités (40,4 %). Une formation avait été suivie par 143 médecins (32,7 %).", "inconsistent")]
    public void ASurveysRespondentsOutOfThoseInvited(string text, string verdict) => Assert.Equal(verdict, Last(text, "percentage"));
}
