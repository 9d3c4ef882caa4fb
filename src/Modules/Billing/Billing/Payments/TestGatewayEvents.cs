using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PortailFamille.Billing.Domain;

namespace PortailFamille.Billing.Payments;

/// <summary>
/// What Stripe would send when the parent pays on the test gateway: a checkout.session.completed event, signed the way
/// Stripe signs webhooks (t=…,v1=hex(HMAC-SHA256(secret, "t.payload"))), so even a simulated payment is only credited
/// from a verified event, by the webhook's command.
/// </summary>
internal static class TestGatewayEvents
{
    /// <summary>Stripe.net 53.1.0's API version (events of another release train are accepted anyway).</summary>
    public const string StripeApiVersion = "2026-10-28.endive";

    public static string CheckoutCompleted(CardPayment payment, DateTimeOffset now)
    {
        var cents = CheckoutMetadata.Cents(payment.Total);
        var stripeEvent = new JsonObject
        {
            ["id"] = $"evt_test_{Guid.NewGuid():N}",
            ["object"] = "event",
            ["api_version"] = StripeApiVersion,
            ["created"] = now.ToUnixTimeSeconds(),
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
                    ["metadata"] = new JsonObject { [CheckoutMetadata.PaymentId] = payment.Id.ToString() },
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
