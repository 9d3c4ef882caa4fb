using PortailFamille.Billing.Contracts;

namespace PortailFamille.Billing.Domain;

/// <summary>
/// A verified payment event that was not credited because its amount or currency is not the card
/// payment's. One per provider event (unique), kept for the régie to follow up with the provider.
/// </summary>
internal sealed class PaymentAnomaly
{
    public const string ExpectedCurrency = "eur";

    private PaymentAnomaly() { }

    public Guid Id { get; private set; }
    /// <summary>The provider's event id: unique, so a redelivered event records nothing more.</summary>
    public string ProviderEventId { get; private set; } = "";
    public Guid CardPaymentId { get; private set; }
    public PaymentAnomalyReason Reason { get; private set; }
    /// <summary>The card payment's total, in euros.</summary>
    public decimal ExpectedAmount { get; private set; }
    /// <summary>The event's amount_total as sent, in the minor unit of <see cref="ReceivedCurrency"/>; null when absent.</summary>
    public long? ReceivedAmountMinor { get; private set; }
    public string? ReceivedCurrency { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    public static PaymentAnomaly Record(Guid id, string providerEventId, CardPayment payment, PaymentAnomalyReason reason,
        long? receivedAmountMinor, string? receivedCurrency, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerEventId);
        return new PaymentAnomaly
        {
            Id = id,
            ProviderEventId = providerEventId,
            CardPaymentId = payment.Id,
            Reason = reason,
            ExpectedAmount = payment.Total,
            ReceivedAmountMinor = receivedAmountMinor,
            ReceivedCurrency = receivedCurrency is null ? null : receivedCurrency[..Math.Min(receivedCurrency.Length, 10)],
            ReceivedAt = receivedAt,
        };
    }
}
