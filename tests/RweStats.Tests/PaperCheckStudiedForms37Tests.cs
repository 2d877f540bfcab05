using static RweStats.Tests.PaperCheckOnText;

namespace RweStats.Tests;

/// <summary>
/// Forms papers print that the checker reads, or must not read: a drug's concentration in its formulation. Each with a
/// correct control and, where a value is checked, an impossible one; the arithmetic is given in the comments.
/// </summary>
public class PaperCheckStudiedForms37Tests
{
    [Theory]
    // "0.1% ointment (n=36)": 0.1 % of a count of 36 needs 24 000 to 72 000 people, more than the 71 randomised; but the
    // percentage is the drug's strength in the ointment, not a share of the arm, and is not checked at all.
    [InlineData("We randomly assigned 71 patients to tacrolimus 0.1% ointment (n=36) or clobetasol 0.05% gel (n=35) twice daily.")]
    [InlineData("We randomly assigned 71 patients to 0.1% tacrolimus ointment (n=36) or to 0.05% clobetasol propionate gel (n=35).")]
    [InlineData("Eyes were treated with timolol 0.5% eye drops (n = 40) or with latanoprost 0.005% solution (n = 38).")]
    [InlineData("Nous avons réparti 71 patients entre le tacrolimus en pommade à 0,1 % (n = 36) et le clobétasol en gel à 0,05 % (n = 35).")]
    [InlineData("Les patients recevaient une crème de kétoconazole à 2 % (n = 30) ou un collyre dosé à 0,5 % (n = 28).")]
    public void AConcentrationInItsFormulationIsNoShareOfPeople(string text) => Assert.Empty(Verdicts(text, "percentage"));

    [Theory]
    // A share of people a formulation word follows further on stays checked: 12 of 40 is 30.0 %; 45 % of a count of 12
    // needs 26.7 (26 to 27) people, and 40 are here.
    [InlineData("Of the 40 patients, 12 (30.0%) applied the ointment daily.", "consistent")]
    [InlineData("Of the 40 patients, 12 (45.0%) applied the ointment daily.", "inconsistent")]
    [InlineData("Sur les 40 patients, 12 (30,0 %) appliquaient la pommade chaque jour.", "consistent")]
    [InlineData("Sur les 40 patients, 12 (45,0 %) appliquaient la pommade chaque jour.", "inconsistent")]
    public void AShareOfPeopleBeforeAFormulationWordIsStillChecked(string text, string verdict) => Assert.Equal(verdict, Verdict(text, "percentage"));
}
