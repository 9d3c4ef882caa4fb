using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mediator;
using PortailFamille.Billing.Contracts;
using PortailFamille.BuildingBlocks.Web;

namespace PortailFamille.Host.Composition;

/// <summary>Card payments: what the provider's webhook and the test gateway share.</summary>
internal static class PaymentEndpoints
{
    public const string SignatureHeader = "Stripe-Signature";
}

internal static class StripeSettings
{
    /// <summary>Both keys, as the Billing module decides (it refuses to start with only one).</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Payments:Stripe:SecretKey"]) && !string.IsNullOrWhiteSpace(configuration["Payments:Stripe:WebhookSecret"]);
}

/// <summary>
/// The built-in test gateway (no Stripe keys configured): its page exists only then, and its events are
/// signed with Payments:TestGateway:WebhookSecret, the secret the Billing module verifies them with.
/// </summary>
internal static class TestGatewaySettings
{
    /// <summary>Same development default as the Billing module's (README, "Card payments").</summary>
    public const string DevelopmentWebhookSecret = "whsec_test_portail_famille_local";

    /// <summary>
    /// The Billing module's rule (PaymentOptions.TestGatewayEnabledByDefault): off in Production unless
    /// Payments:TestGateway:Enabled says otherwise; the Billing module has refused a value that is not true or false.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        !StripeSettings.IsConfigured(configuration) && configuration.GetValue("Payments:TestGateway:Enabled", !environment.IsProduction());

    public static string WebhookSecret(IConfiguration configuration) =>
        configuration["Payments:TestGateway:WebhookSecret"] is { } secret && !string.IsNullOrWhiteSpace(secret) ? secret : DevelopmentWebhookSecret;
}

/// <summary>
/// What Stripe would send when the parent pays: a checkout.session.completed event, signed the way Stripe
/// signs webhooks (t=…,v1=hex(HMAC-SHA256(secret, "t.payload"))). The test gateway sends it to the same
/// command as the webhook, so even a simulated payment is only credited from a verified event.
/// </summary>
internal static class TestGatewayEvents
{
    /// <summary>Stripe.net 53.1.0's API version (events of another release train are accepted anyway).</summary>
    public const string StripeApiVersion = "2026-10-28.endive";

    public static string CheckoutCompleted(CardPaymentView payment, DateTimeOffset now)
    {
        var created = now.ToUnixTimeSeconds();
        var cents = (long)decimal.Round(payment.Total * 100m, 0, MidpointRounding.AwayFromZero);
        var stripeEvent = new JsonObject
        {
            ["id"] = $"evt_test_{Guid.NewGuid():N}",
            ["object"] = "event",
            ["api_version"] = StripeApiVersion,
            ["created"] = created,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = "checkout.session.completed",
            ["data"] = new JsonObject
            {
                ["object"] = new JsonObject
                {
                    ["id"] = payment.ProviderReference,
                    // Without it Stripe.net leaves Data.Object null.
                    ["object"] = "checkout.session",
                    ["amount_subtotal"] = cents,
                    ["amount_total"] = cents,
                    ["client_reference_id"] = payment.Id.ToString(),
                    ["created"] = payment.CreatedAt.ToUnixTimeSeconds(),
                    ["currency"] = "eur",
                    ["livemode"] = false,
                    ["metadata"] = new JsonObject { ["payment_id"] = payment.Id.ToString() },
                    ["mode"] = "payment",
                    ["payment_status"] = "paid",
                    ["status"] = "complete",
                },
            },
        };
        return stripeEvent.ToJsonString();
    }

    public static string Sign(string payload, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(signature)}";
    }
}
