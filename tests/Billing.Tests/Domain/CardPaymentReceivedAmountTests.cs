using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;

namespace PortailFamille.Billing.Tests.Domain;

/// <summary>A card payment is credited only for euros and its exact total to the cent.</summary>
public sealed class CardPaymentReceivedAmountTests
{
    private static readonly CardPayment Payment = CardPayment.Start(Guid.NewGuid(), Guid.NewGuid(), PaymentGatewayKind.Test,
        [new("RESTAURATION", 12.60m), new("PERISCOLAIRE", 30.00m)], [new("RESTAURATION", 12.60m), new("PERISCOLAIRE", 0m)],
        "DUPONT Jean-Paul", new DateTimeOffset(2024, 9, 16, 8, 30, 0, TimeSpan.Zero)).Value;

    [Fact]
    public void Accepts_its_total_in_euro_cents() => Assert.Null(Payment.CheckReceived(4260, "eur"));

    [Fact]
    public void Accepts_the_currency_in_capitals() => Assert.Null(Payment.CheckReceived(4260, "EUR"));

    [Fact]
    public void An_event_without_amount_is_an_anomaly() => Assert.Equal(PaymentAnomalyReason.MissingAmount, Payment.CheckReceived(null, "eur"));

    [Theory]
    [InlineData("usd")]
    [InlineData("")]
    [InlineData(null)]
    public void Another_currency_or_none_is_an_anomaly_even_for_the_same_figure(string? currency) =>
        Assert.Equal(PaymentAnomalyReason.WrongCurrency, Payment.CheckReceived(4260, currency));

    [Theory]
    [InlineData(4259)]
    [InlineData(4261)]
    [InlineData(0)]
    [InlineData(426000)]
    public void One_cent_more_or_less_is_an_anomaly(long cents) =>
        Assert.Equal(PaymentAnomalyReason.AmountMismatch, Payment.CheckReceived(cents, "eur"));
}
