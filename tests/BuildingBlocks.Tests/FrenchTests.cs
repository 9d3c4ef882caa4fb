using PortailFamille.BuildingBlocks.Text;

namespace PortailFamille.BuildingBlocks.Tests;

/// <summary>The one way amounts and days are written for people (mails, messages, pages, exports).</summary>
public sealed class FrenchTests
{
    [Fact]
    public void Amounts_are_written_the_french_way_with_the_euro_sign_after() =>
        Assert.Equal("1\u202f234,50 €", French.Money(1234.5m));

    [Fact]
    public void A_column_headed_in_euros_gets_the_amount_alone() =>
        Assert.Equal(("46,05", "0,00"), (French.Amount(46.05m), French.Amount(0m)));

    [Fact]
    public void Days_are_written_in_full_as_in_the_guides() =>
        Assert.Equal(("jeudi 12 septembre 2024", "16 août 2025"), (French.Day(new DateOnly(2024, 9, 12)), French.Date(new DateOnly(2025, 8, 16))));
}
