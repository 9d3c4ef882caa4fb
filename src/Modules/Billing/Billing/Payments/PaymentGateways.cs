using System.Globalization;
using Microsoft.Extensions.Options;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using Stripe;
using Stripe.Checkout;

namespace PortailFamille.Billing.Payments;

/// <summary>Where the parent types the card: opens the provider's page for a pending payment.</summary>
internal interface IPaymentGateway
{
    PaymentGatewayKind Kind { get; }

    /// <summary><paramref name="returnBaseUrl"/>: the portal's public address, for the provider's return links.</summary>
    Task<GatewaySession> OpenAsync(CardPayment payment, string returnBaseUrl, CancellationToken cancellationToken);
}

/// <summary><paramref name="ProviderReference"/> identifies the payment at the provider; <paramref name="RedirectUrl"/> is its page.</summary>
internal sealed record GatewaySession(string ProviderReference, string RedirectUrl);

/// <summary>Metadata names both gateways put on a checkout session: the webhook finds the payment by them.</summary>
internal static class CheckoutMetadata
{
    public const string PaymentId = "payment_id";

    public static string ReturnPath(Guid paymentId) => $"/paiement/retour/{paymentId}";

    public static string CancelPath(Guid paymentId) => $"/paiement/annulation/{paymentId}";

    public static long Cents(decimal euros) => (long)decimal.Round(euros * 100m, 0, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The embedded default: no provider, a page of the portal that says it is a test, and an event signed
/// like Stripe's so the credit still only comes from a verified webhook event.
/// </summary>
internal sealed class TestGateway : IPaymentGateway
{
    public const string ReferencePrefix = "pf_test_";

    public PaymentGatewayKind Kind => PaymentGatewayKind.Test;

    public static string PagePath(Guid paymentId) => $"/paiement/passerelle-test/{paymentId}";

    public Task<GatewaySession> OpenAsync(CardPayment payment, string returnBaseUrl, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewaySession($"{ReferencePrefix}{payment.Id:N}", PagePath(payment.Id)));
}

/// <summary>
/// Stripe Checkout (Stripe.net): one line per wallet in euro cents, the payment id in the metadata,
/// return and cancel links to the portal. Card data stays at Stripe. Not exercised by the tests (no network).
/// </summary>
internal sealed class StripeCheckoutGateway(IOptions<PaymentOptions> options) : IPaymentGateway
{
    public PaymentGatewayKind Kind => PaymentGatewayKind.Stripe;

    public async Task<GatewaySession> OpenAsync(CardPayment payment, string returnBaseUrl, CancellationToken cancellationToken)
    {
        var client = new StripeClient(options.Value.Stripe.SecretKey);
        var metadata = new Dictionary<string, string> { [CheckoutMetadata.PaymentId] = payment.Id.ToString() };
        var session = await new SessionService(client).CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            Locale = "fr",
            ClientReferenceId = payment.Id.ToString(),
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata },
            SuccessUrl = returnBaseUrl + CheckoutMetadata.ReturnPath(payment.Id),
            CancelUrl = returnBaseUrl + CheckoutMetadata.CancelPath(payment.Id),
            LineItems = payment.Lines.Select(l => new SessionLineItemOptions
            {
                Quantity = 1,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = "eur",
                    UnitAmount = CheckoutMetadata.Cents(l.Amount),
                    ProductData = new SessionLineItemPriceDataProductDataOptions
                    {
                        Name = string.Create(CultureInfo.InvariantCulture, $"Porte-monnaie {l.WalletCode}"),
                    },
                },
            }).ToList(),
        }, new RequestOptions { IdempotencyKey = $"portail-famille-card-payment-{payment.Id:N}" }, cancellationToken);
        return new GatewaySession(session.Id, session.Url);
    }
}
