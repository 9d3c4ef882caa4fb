using Mediator;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Billing.Contracts;

/// <summary>An amount in euros (2 decimals) for one porte-monnaie, named by its code.</summary>
public sealed record WalletAmount(string WalletCode, decimal Amount);

/// <summary>
/// What the family owes on each of its wallets: max(0, −balance), rounded up to the cent so that
/// paying it brings the wallet back to zero. Every wallet is listed, those not in debit with 0.
/// </summary>
public sealed record GetAmountsOwed(Guid FamilyAccountId) : IQuery<IReadOnlyList<WalletAmount>>;

/// <summary>
/// "Paiement CB": records a pending card payment of the amounts the parent validated (each at least
/// what is owed on its wallet, 2 decimals, total above 0 and at most 2 000 €) and opens the payment
/// provider's page. Nothing is credited here: only a verified provider event credits the wallets.
/// <paramref name="ReturnBaseUrl"/> is the portal's public address the provider sends the parent back to.
/// </summary>
public sealed record StartCardPayment(Guid FamilyAccountId, IReadOnlyList<WalletAmount> Amounts, string? ReturnBaseUrl = null)
    : ICommand<Result<CardPaymentStarted>>;

/// <summary><paramref name="RedirectUrl"/>: where to send the parent (the provider's page, or the test gateway page of the portal).</summary>
public sealed record CardPaymentStarted(Guid PaymentId, string RedirectUrl);

/// <summary>
/// A payment provider's webhook delivery: the raw body and its Stripe-Signature header. The signature
/// is checked first (failure code billing.bad_signature), then that the body is a provider event
/// (billing.bad_payload); a completed checkout in euros of the payment's exact total credits the wallets
/// once per provider event, however many times or concurrently it is delivered; any other amount or
/// currency is recorded as an anomaly (outcome <see cref="PaymentEventOutcome.Anomaly"/>) and credits nothing.
/// </summary>
public sealed record ApplyPaymentEvent(string Payload, string SignatureHeader) : ICommand<Result<PaymentEventOutcome>>;

public enum PaymentEventOutcome
{
    /// <summary>The payment was credited by this delivery.</summary>
    Credited,
    /// <summary>A replay: the payment had already been credited; nothing changed.</summary>
    AlreadyApplied,
    /// <summary>A checkout session expired: the pending payment is cancelled.</summary>
    Cancelled,
    /// <summary>An authentic event that concerns no pending card payment (another type, unknown payment).</summary>
    Ignored,
    /// <summary>
    /// An authentic payment event whose amount or currency is not the card payment's: nothing credited, the
    /// anomaly recorded once per provider event for the régie (answered 200 so the provider stops retrying).
    /// </summary>
    Anomaly,
}

/// <summary>Why a verified payment event was not credited.</summary>
public enum PaymentAnomalyReason
{
    /// <summary>No amount_total in the event.</summary>
    MissingAmount,
    /// <summary>Another currency than euros (or none).</summary>
    WrongCurrency,
    /// <summary>amount_total is not the card payment's total to the cent.</summary>
    AmountMismatch,
}

/// <summary>The latest payment anomalies, newest first, for the régie's dashboard.</summary>
public sealed record ListPaymentAnomalies(int Take = 50) : IQuery<IReadOnlyList<PaymentAnomalyView>>;

/// <summary>
/// <paramref name="ReceivedAmountMinor"/> is the event's amount_total as sent, in the minor unit of
/// <paramref name="ReceivedCurrency"/> (cents for euros); <paramref name="ExpectedAmount"/> is in euros.
/// </summary>
public sealed record PaymentAnomalyView(
    Guid Id,
    string ProviderEventId,
    Guid CardPaymentId,
    Guid FamilyAccountId,
    string PayerName,
    PaymentAnomalyReason Reason,
    decimal ExpectedAmount,
    string ExpectedCurrency,
    long? ReceivedAmountMinor,
    string? ReceivedCurrency,
    DateTimeOffset ReceivedAt);

/// <summary>One card payment of the family, for the return page; null when it is not this family's.</summary>
public sealed record GetCardPayment(Guid FamilyAccountId, Guid PaymentId) : IQuery<CardPaymentView?>;

/// <summary>The parent gave up on the provider's page: a pending payment is cancelled (a later verified payment still credits).</summary>
public sealed record CancelCardPayment(Guid FamilyAccountId, Guid PaymentId) : ICommand<Result>;

/// <summary>
/// The test gateway's page: the family's payment when it was opened on the test gateway and the test gateway is available
/// (no Stripe keys, Payments:TestGateway:Enabled); null otherwise, so the page does not exist.
/// </summary>
public sealed record GetTestGatewayPayment(Guid FamilyAccountId, Guid PaymentId) : IQuery<CardPaymentView?>;

/// <summary>
/// « Payer (simulation) » on the test gateway: Billing builds the checkout.session.completed event Stripe would send,
/// signs it with the webhook secret and applies it through <see cref="ApplyPaymentEvent"/>, as a webhook delivery.
/// Refused (billing.test_gateway_disabled) when the test gateway is not available; a payment no longer pending is left
/// as it is (<see cref="PaymentEventOutcome.Ignored"/>).
/// </summary>
public sealed record SimulateTestCardPayment(Guid FamilyAccountId, Guid PaymentId) : ICommand<Result<PaymentEventOutcome>>;

public enum CardPaymentStatus
{
    Pending,
    Paid,
    Cancelled,
}

/// <summary>Who takes the card: Stripe Checkout, or the built-in test gateway (no real payment).</summary>
public enum PaymentGatewayKind
{
    Test,
    Stripe,
}

/// <summary>
/// Only amounts and dates: no card data is ever stored. <paramref name="Reference"/> is the short
/// provider reference printed on the receipt and in the payments history.
/// </summary>
public sealed record CardPaymentView(
    Guid Id,
    CardPaymentStatus Status,
    PaymentGatewayKind Gateway,
    string? ProviderReference,
    string Reference,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    IReadOnlyList<WalletAmount> Lines,
    decimal Total);

/// <summary>A card payment was credited (once, from a verified provider event): Notifications mails the receipt.</summary>
public sealed record PaymentReceived(
    Guid PaymentId,
    Guid FamilyAccountId,
    decimal Total,
    IReadOnlyList<WalletAmount> Lines,
    DateTimeOffset PaidAt,
    string Reference) : IIntegrationEvent;
