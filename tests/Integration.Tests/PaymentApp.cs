namespace PortailFamille.Integration.Tests;

/// <summary>What the payment scenarios need of their portal: a real SMTP server and a known test gateway secret.</summary>
public interface IPaymentApp
{
    TestSmtpServer Smtp { get; }

    /// <summary>Payments:TestGateway:WebhookSecret of this portal (not the development default, to show it is read).</summary>
    string WebhookSecret { get; }
}

internal static class PaymentAppSettings
{
    public const string WebhookSecret = "whsec_integration_tests_portail";

    public static IEnumerable<KeyValuePair<string, string?>> For(TestSmtpServer smtp) =>
    [
        new("Mail:Smtp:Host", smtp.Host),
        new("Mail:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Payments:TestGateway:WebhookSecret", WebhookSecret),
    ];
}

/// <summary>The portal on SQLite with the test payment gateway and a real SMTP server (the Worker mails the receipts).</summary>
public sealed class SqlitePaymentApp : SqlitePortalApp, IPaymentApp
{
    public TestSmtpServer Smtp { get; private set; } = default!;

    public string WebhookSecret => PaymentAppSettings.WebhookSecret;

    protected override async Task BeforeStartAsync() => Smtp = await TestSmtpServer.StartAsync();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => PaymentAppSettings.For(Smtp);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresPaymentApp : PortalApp, IPaymentApp
{
    public override string Provider => "Postgres";

    public TestSmtpServer Smtp { get; private set; } = default!;

    public string WebhookSecret => PaymentAppSettings.WebhookSecret;

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync("pf_pay");

    protected override async Task BeforeStartAsync() => Smtp = await TestSmtpServer.StartAsync();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => PaymentAppSettings.For(Smtp);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>The portal with Stripe keys configured (never called here: no network): the test gateway must be gone.</summary>
public sealed class StripeConfiguredApp : SqlitePortalApp
{
    public const string StripeWebhookSecret = "whsec_stripe_endpoint_of_the_tests";

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("Payments:Stripe:SecretKey", "sk_test_never_called_offline"),
        new("Payments:Stripe:WebhookSecret", StripeWebhookSecret),
    ];
}

/// <summary>Production without Stripe keys: the public test secret must not credit anything.</summary>
public sealed class ProductionWithoutStripeApp : SqlitePortalApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Payments:TestGateway:Enabled", "false")];
}
