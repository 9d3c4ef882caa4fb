using PortailFamille.Accounts.Domain;

namespace PortailFamille.Accounts.Tests.Domain;

public sealed class EmailListTests
{
    [Fact]
    public void Splits_on_semicolons_and_keeps_the_order()
    {
        var (addresses, errors) = EmailList.Parse(" jp.dupont@exemple.fr ; marie@exemple.org;");

        Assert.Empty(errors);
        Assert.Equal(["jp.dupont@exemple.fr", "marie@exemple.org"], addresses);
    }

    [Fact]
    public void Names_each_invalid_address()
    {
        var (_, errors) = EmailList.Parse("jp.dupont@exemple.fr;pas-une-adresse;autre@;ok@exemple.fr");

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("« pas-une-adresse »"));
        Assert.Contains(errors, e => e.Contains("« autre@ »"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ; ")]
    public void Requires_at_least_one_address(string text) =>
        Assert.Contains("Indiquez au moins une adresse électronique.", EmailList.Parse(text).Errors);

    [Fact]
    public void Refuses_a_comma_separated_list() =>
        Assert.NotEmpty(EmailList.Parse("a@exemple.fr, b@exemple.fr").Errors);

    [Fact]
    public void Refuses_a_duplicate() =>
        Assert.Contains(EmailList.Parse("a@exemple.fr;A@exemple.fr").Errors, e => e.Contains("deux fois"));
}
