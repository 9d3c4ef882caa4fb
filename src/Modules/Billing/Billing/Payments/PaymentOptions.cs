using PortailFamille.BuildingBlocks.Configuration;

namespace PortailFamille.Billing.Payments;

/// <summary>
/// Configuration section "Payments". With Payments:Stripe:SecretKey and Payments:Stripe:WebhookSecret
/// set, card payments go through Stripe Checkout; without them (the embedded default) through the
/// built-in test gateway, whose events are signed with Payments:TestGateway:WebhookSecret.
/// </summary>
internal sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>
    /// The test gateway's signing secret when none is configured. Known to anyone who reads the code:
    /// the test gateway is for demonstrations, a town taking real payments configures Stripe.
    /// Configured rather than generated at start-up, so every Host instance verifies the same events.
    /// </summary>
    public const string DevelopmentTestWebhookSecret = "whsec_test_portail_famille_local";

    public static readonly SettingRules<PaymentOptions> Rules = new SettingRules<PaymentOptions>()
        // One key alone would silently fall back to the test gateway.
        .Check("Payments:Stripe:WebhookSecret", o => string.IsNullOrWhiteSpace(o.Stripe.WebhookSecret) ? "" : "(set)", o => o.IsConsistent,
            "Payments:Stripe:SecretKey and Payments:Stripe:WebhookSecret go together: both or neither");

    /// <summary>The test gateway's default: on, except in Production (no environment known, as in unit tests: on).</summary>
    public static bool TestGatewayEnabledByDefault(Microsoft.Extensions.Hosting.IHostEnvironment? environment) =>
        environment is null || !Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions.IsProduction(environment);

    public StripeSettings Stripe { get; set; } = new();

    public TestGatewaySettings TestGateway { get; set; } = new();

    public bool UsesStripe => !string.IsNullOrWhiteSpace(Stripe.SecretKey) && !string.IsNullOrWhiteSpace(Stripe.WebhookSecret);

    /// <summary>The secret the webhook signatures are checked with: Stripe's endpoint secret, or the test gateway's.</summary>
    public string WebhookSecret => UsesStripe
        ? Stripe.WebhookSecret!
        : string.IsNullOrWhiteSpace(TestGateway.WebhookSecret) ? DevelopmentTestWebhookSecret : TestGateway.WebhookSecret;

    /// <summary>Card payments work: through Stripe, or through the test gateway where it is allowed.</summary>
    public bool CardPaymentsAvailable => UsesStripe || TestGateway.Enabled;

    /// <summary>The test gateway's page and simulated payments exist only without Stripe, and where it is allowed.</summary>
    public bool TestGatewayAvailable => !UsesStripe && TestGateway.Enabled;

    /// <summary>Both Stripe keys or neither: one alone would silently fall back to the test gateway.</summary>
    public bool IsConsistent => string.IsNullOrWhiteSpace(Stripe.SecretKey) == string.IsNullOrWhiteSpace(Stripe.WebhookSecret);
}

/// <summary>Payments:Stripe.</summary>
internal sealed class StripeSettings
{
    /// <summary>The account's secret API key (sk_live_… / sk_test_…).</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (whsec_…), from the Stripe dashboard.</summary>
    public string? WebhookSecret { get; set; }
}

/// <summary>Payments:TestGateway.</summary>
internal sealed class TestGatewaySettings
{
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Off by default in Production (<see cref="PaymentOptions.TestGatewayEnabledByDefault"/>): its signing secret is public, so with it on and
    /// no Stripe keys any parent could credit a wallet without paying. Demonstrations and tests turn it on.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
