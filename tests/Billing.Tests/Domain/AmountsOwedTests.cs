using PortailFamille.Billing.Domain;

namespace PortailFamille.Billing.Tests.Domain;

public sealed class AmountsOwedTests
{
    [Theory]
    [InlineData("-12.40", "12.40")]
    [InlineData("-0.01", "0.01")]
    [InlineData("-12.341", "12.35")] // rounded up: paying it brings the wallet back to zero
    [InlineData("-12.345", "12.35")]
    [InlineData("-7.0001", "7.01")]
    public void A_wallet_in_debit_owes_its_debit_rounded_up_to_the_cent(string balance, string owed) =>
        Assert.Equal(decimal.Parse(owed, System.Globalization.CultureInfo.InvariantCulture),
            AmountsOwed.From(decimal.Parse(balance, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("25.50")]
    public void A_wallet_at_zero_or_in_credit_owes_nothing(string balance) =>
        Assert.Equal(0m, AmountsOwed.From(decimal.Parse(balance, System.Globalization.CultureInfo.InvariantCulture)));
}
