using PortailFamille.Accounts.Domain;

namespace PortailFamille.Accounts.Tests.Domain;

public sealed class PasswordPolicyTests
{
    private static string[] Broken(string password) => PasswordPolicy.Broken(password).Select(r => r.Code).ToArray();

    [Theory]
    [InlineData("Abcdef12")]                        // exactly 8
    [InlineData("Abcdefghijklmnopqrstuvwxyz1234")]  // exactly 30
    [InlineData("Éléphant9!")]                      // accented letters and a symbol
    [InlineData("Mot-de-passe#2024")]
    public void Accepts_a_password_meeting_every_rule(string password) => Assert.Empty(Broken(password));

    [Fact]
    public void Refuses_seven_characters() => Assert.Equal(["min_length"], Broken("Abcde12"));

    [Fact]
    public void Refuses_thirty_one_characters() => Assert.Equal(["max_length"], Broken("Abcdefghijklmnopqrstuvwxyz12345"));

    [Fact]
    public void Refuses_a_space_even_when_long_enough() => Assert.Equal(["min_length"], Broken("Abcd ef12"));

    [Fact]
    public void Refuses_a_tab() => Assert.Equal(["min_length"], Broken("Abcd\tef12"));

    [Fact]
    public void Requires_a_lower_case_letter() => Assert.Equal(["lower"], Broken("ABCDEF12"));

    [Fact]
    public void Requires_an_upper_case_letter() => Assert.Equal(["upper"], Broken("abcdef12"));

    [Fact]
    public void Requires_a_digit() => Assert.Equal(["digit"], Broken("Abcdefgh"));

    [Fact]
    public void Lists_every_broken_rule_for_an_empty_password() =>
        Assert.Equal(["min_length", "lower", "upper", "digit"], Broken(""));

    [Fact]
    public void Labels_are_the_guides_wording()
    {
        Assert.Equal(
            [
                "Au minimum 8 caractères alpha-numériques (symboles autorisés, pas d'espace)",
                "Au moins 1 lettre en minuscule",
                "Au moins 1 lettre en majuscule",
                "Au moins 1 chiffre",
                "Au maximum 30 caractères",
            ],
            PasswordPolicy.Rules.Select(r => r.Label));
    }

    [Fact]
    public void Provisional_passwords_meet_the_policy()
    {
        for (var i = 0; i < 500; i++)
        {
            var password = PortailFamille.Accounts.Features.ProvisionalPassword.Generate();
            Assert.Empty(Broken(password));
            Assert.Equal(12, password.Length);
        }
    }
}
