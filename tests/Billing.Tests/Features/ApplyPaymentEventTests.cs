using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Features;
using PortailFamille.Billing.Payments;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Billing.Tests.Features;

/// <summary>The webhook's first gate: only an event signed with the configured secret, recently, goes further.</summary>
public sealed class ApplyPaymentEventTests
{
    private const string Secret = "whsec_tests_billing";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2024, 9, 16, 8, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Accepts_an_event_signed_with_the_configured_secret()
    {
        var payload = Event("customer.created");

        var result = await ApplyAsync(payload, Sign(payload, Secret, clock.GetUtcNow()));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(PaymentEventOutcome.Ignored, result.Value); // authentic, but not a payment
    }

    [Fact]
    public async Task Refuses_an_event_signed_with_another_secret()
    {
        var payload = Event("checkout.session.completed");

        var result = await ApplyAsync(payload, Sign(payload, "whsec_someone_else", clock.GetUtcNow()));

        Assert.Equal("billing.bad_signature", result.Error!.Code);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
    }

    [Fact]
    public async Task Refuses_a_payload_changed_after_it_was_signed()
    {
        var payload = Event("checkout.session.completed", amountTotal: 1000);
        var signature = Sign(payload, Secret, clock.GetUtcNow());

        var result = await ApplyAsync(payload.Replace("\"amount_total\":1000", "\"amount_total\":100000"), signature);

        Assert.Equal("billing.bad_signature", result.Error!.Code);
    }

    [Fact]
    public async Task Refuses_an_event_signed_more_than_five_minutes_ago()
    {
        var payload = Event("checkout.session.completed");
        var signature = Sign(payload, Secret, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var result = await ApplyAsync(payload, signature);

        Assert.Equal("billing.bad_signature", result.Error!.Code);
    }

    [Fact]
    public async Task Accepts_an_event_signed_just_under_five_minutes_ago()
    {
        var payload = Event("customer.created");
        var signature = Sign(payload, Secret, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromMinutes(4));
        var result = await ApplyAsync(payload, signature);

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("t=1726475400")]
    [InlineData("pas une signature")]
    public async Task Refuses_a_missing_or_malformed_signature_header(string header)
    {
        var result = await ApplyAsync(Event("checkout.session.completed"), header);

        Assert.Equal("billing.bad_signature", result.Error!.Code);
    }

    [Fact]
    public async Task The_test_gateway_uses_the_development_secret_when_none_is_configured()
    {
        var payload = Event("customer.created");

        var result = await ApplyAsync(payload, Sign(payload, PaymentOptions.DevelopmentTestWebhookSecret, clock.GetUtcNow()), new PaymentOptions());

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public async Task With_stripe_configured_the_test_gateway_secret_no_longer_verifies()
    {
        var options = new PaymentOptions { Stripe = { SecretKey = "sk_test_x", WebhookSecret = "whsec_stripe_endpoint" } };
        var payload = Event("customer.created");

        var refused = await ApplyAsync(payload, Sign(payload, PaymentOptions.DevelopmentTestWebhookSecret, clock.GetUtcNow()), options);
        var accepted = await ApplyAsync(payload, Sign(payload, "whsec_stripe_endpoint", clock.GetUtcNow()), options);

        Assert.Equal("billing.bad_signature", refused.Error!.Code);
        Assert.True(accepted.IsSuccess, accepted.Error?.Message);
    }

    [Theory]
    [InlineData("pas du JSON")]
    [InlineData("{\"id\":")]
    [InlineData("[1,2,3]")]
    [InlineData("\"checkout.session.completed\"")]
    [InlineData("{\"hello\":\"world\"}")]
    [InlineData("{\"object\":\"event\",\"type\":\"checkout.session.completed\"}")]
    public async Task Refuses_a_signed_body_that_is_not_a_provider_event_as_a_bad_payload(string payload)
    {
        var result = await ApplyAsync(payload, Sign(payload, Secret, clock.GetUtcNow()));

        Assert.Equal("billing.bad_payload", result.Error?.Code);
        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
    }

    [Fact]
    public async Task A_body_that_is_not_json_and_not_signed_is_a_bad_signature_first()
    {
        var result = await ApplyAsync("pas du JSON", Sign("autre chose", Secret, clock.GetUtcNow()));

        Assert.Equal("billing.bad_signature", result.Error?.Code);
    }

    private async Task<Result<PaymentEventOutcome>> ApplyAsync(string payload, string header, PaymentOptions? options = null)
    {
        options ??= new PaymentOptions { TestGateway = { WebhookSecret = Secret } };
        // Refused or ignored events never reach the database: no outbox needed here (the credit is tested end to end).
        var handler = new ApplyPaymentEventHandler(null!, Options.Create(options), clock, new ListLogger<ApplyPaymentEventHandler>());
        return await handler.Handle(new ApplyPaymentEvent(payload, header), CancellationToken.None);
    }

    private string Event(string type, long amountTotal = 2500) => new JsonObject
    {
        ["id"] = $"evt_test_{Guid.NewGuid():N}",
        ["object"] = "event",
        ["api_version"] = "2026-10-28.endive",
        ["created"] = clock.GetUtcNow().ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = type,
        ["data"] = new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = "cs_test_1",
                ["object"] = "checkout.session",
                ["amount_total"] = amountTotal,
                ["currency"] = "eur",
                ["metadata"] = new JsonObject { ["payment_id"] = Guid.NewGuid().ToString() },
                ["mode"] = "payment",
                ["payment_status"] = "paid",
                ["status"] = "complete",
            },
        },
    }.ToJsonString();

    /// <summary>Stripe's scheme, written out independently of Stripe.net: t=…,v1=hex(HMAC-SHA256(secret, "t.payload")).</summary>
    private static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
