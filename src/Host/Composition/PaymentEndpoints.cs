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
