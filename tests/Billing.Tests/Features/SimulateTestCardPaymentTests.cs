using Mediator;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Features;
using PortailFamille.Billing.Payments;
using PortailFamille.BuildingBlocks.Results;
using Stripe;
using Stripe.Checkout;

namespace PortailFamille.Billing.Tests.Features;

/// <summary>The test gateway's « Payer (simulation) »: Billing builds and signs the provider's event, the webhook's command applies it.</summary>
public sealed class SimulateTestCardPaymentTests : IAsyncLifetime
{
    private static readonly Guid Family = Guid.NewGuid();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2024, 9, 16, 8, 30, 0, TimeSpan.Zero));
    private readonly WebhookCommand webhook = new();
    private BillingDatabase database = null!;

    public async Task InitializeAsync() => database = await BillingDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Applies_a_completed_checkout_of_the_payment_total_signed_with_the_development_secret_when_none_is_configured()
    {
        var payment = await PendingAsync(PaymentGatewayKind.Test, 12.60m, 30.00m);

        var result = await SimulateAsync(new PaymentOptions(), Family, payment.Id);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(PaymentEventOutcome.Credited, result.Value); // what the webhook's command answered
        var sent = Assert.Single(webhook.Sent);
        // Verified as the webhook verifies it: the default secret lives in Billing only.
        var verified = EventUtility.ConstructEvent(sent.Payload, sent.SignatureHeader, PaymentOptions.DevelopmentTestWebhookSecret,
            300, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        Assert.Equal(EventTypes.CheckoutSessionCompleted, verified.Type);
        var session = Assert.IsType<Session>(verified.Data.Object);
        Assert.Equal(4260, session.AmountTotal);
        Assert.Equal("eur", session.Currency);
        Assert.Equal("paid", session.PaymentStatus);
        Assert.Equal(payment.Id.ToString(), session.Metadata[CheckoutMetadata.PaymentId]);
        Assert.Equal(payment.ProviderReference, session.Id);
    }

    [Fact]
    public async Task Signs_with_the_configured_test_gateway_secret()
    {
        var payment = await PendingAsync(PaymentGatewayKind.Test, 20.00m);

        await SimulateAsync(new PaymentOptions { TestGateway = { WebhookSecret = "whsec_this_portal" } }, Family, payment.Id);

        var sent = Assert.Single(webhook.Sent);
        EventUtility.ValidateSignature(sent.Payload, sent.SignatureHeader, "whsec_this_portal", 300, clock.GetUtcNow().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Refuses_when_the_test_gateway_is_turned_off()
    {
        var payment = await PendingAsync(PaymentGatewayKind.Test, 20.00m);

        var result = await SimulateAsync(new PaymentOptions { TestGateway = { Enabled = false } }, Family, payment.Id);

        Assert.Equal("billing.test_gateway_disabled", result.Error?.Code);
        Assert.Empty(webhook.Sent);
    }

    [Fact]
    public async Task Refuses_when_stripe_is_configured()
    {
        var payment = await PendingAsync(PaymentGatewayKind.Test, 20.00m);
        var stripe = new PaymentOptions { Stripe = { SecretKey = "sk_test_x", WebhookSecret = "whsec_stripe_endpoint" } };

        var result = await SimulateAsync(stripe, Family, payment.Id);

        Assert.Equal("billing.test_gateway_disabled", result.Error?.Code);
        Assert.Empty(webhook.Sent);
    }

    [Fact]
    public async Task Another_familys_payment_is_not_found()
    {
        var payment = await PendingAsync(PaymentGatewayKind.Test, 20.00m);

        var result = await SimulateAsync(new PaymentOptions(), Guid.NewGuid(), payment.Id);

        Assert.Equal("billing.payment_not_found", result.Error?.Code);
        Assert.Empty(webhook.Sent);
    }

    [Fact]
    public async Task A_payment_opened_at_stripe_is_not_found()
    {
        var payment = await PendingAsync(PaymentGatewayKind.Stripe, 20.00m);

        var result = await SimulateAsync(new PaymentOptions(), Family, payment.Id);

        Assert.Equal("billing.payment_not_found", result.Error?.Code);
    }

    [Fact]
    public async Task A_payment_no_longer_pending_is_left_as_it_is()
    {
        var payment = await PendingAsync(PaymentGatewayKind.Test, cancelled: true, [20.00m]);

        var result = await SimulateAsync(new PaymentOptions(), Family, payment.Id);

        Assert.Equal(PaymentEventOutcome.Ignored, result.Value);
        Assert.Empty(webhook.Sent);
    }

    [Fact]
    public async Task The_test_gateway_page_has_no_payment_to_show_when_the_gateway_is_turned_off()
    {
        var payment = await PendingAsync(PaymentGatewayKind.Test, 20.00m);

        Assert.NotNull(await GetAsync(new PaymentOptions(), Family, payment.Id));
        Assert.Null(await GetAsync(new PaymentOptions { TestGateway = { Enabled = false } }, Family, payment.Id));
        Assert.Null(await GetAsync(new PaymentOptions(), Guid.NewGuid(), payment.Id));
    }

    private async Task<Result<PaymentEventOutcome>> SimulateAsync(PaymentOptions options, Guid family, Guid paymentId)
    {
        await using var db = database.NewContext();
        var handler = new SimulateTestCardPaymentHandler(db, Options.Create(options), webhook, clock);
        return await handler.Handle(new SimulateTestCardPayment(family, paymentId), CancellationToken.None);
    }

    private async Task<CardPaymentView?> GetAsync(PaymentOptions options, Guid family, Guid paymentId)
    {
        await using var db = database.NewContext();
        return await new GetTestGatewayPaymentHandler(db, Options.Create(options)).Handle(new GetTestGatewayPayment(family, paymentId), CancellationToken.None);
    }

    private async Task<CardPayment> PendingAsync(PaymentGatewayKind gateway, params decimal[] amounts)
        => await PendingAsync(gateway, cancelled: false, amounts);

    private async Task<CardPayment> PendingAsync(PaymentGatewayKind gateway, bool cancelled, decimal[] amounts)
    {
        var requested = amounts.Select((a, i) => new WalletAmount($"W{i}", a)).ToList();
        var payment = CardPayment.Start(Guid.NewGuid(), Family, gateway, requested, requested.Select(r => r with { Amount = 0m }).ToList(),
            "DUPONT Jean-Paul", clock.GetUtcNow()).Value;
        payment.AttachProviderReference(gateway == PaymentGatewayKind.Test ? $"pf_test_{payment.Id:N}" : "cs_test_a1");
        if (cancelled) payment.Cancel();
        await using var db = database.NewContext();
        db.CardPayments.Add(payment);
        await db.SaveChangesAsync();
        return payment;
    }

    /// <summary>The webhook's command as the handler sends it; answers what a first delivery answers.</summary>
    private sealed class WebhookCommand : ISender
    {
        public List<ApplyPaymentEvent> Sent { get; } = [];

        public ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
        {
            var apply = command as ApplyPaymentEvent ?? throw Unexpected(command);
            Sent.Add(apply);
            return ValueTask.FromResult((TResponse)(object)Result<PaymentEventOutcome>.Success(PaymentEventOutcome.Credited));
        }

        public ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) => throw Unexpected(query);
        public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => throw Unexpected(request);
        public ValueTask<object?> Send(object message, CancellationToken cancellationToken = default) => throw Unexpected(message);
        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) => throw Unexpected(query);
        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) => throw Unexpected(request);
        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) => throw Unexpected(command);
        public IAsyncEnumerable<object?> CreateStream(object message, CancellationToken cancellationToken = default) => throw Unexpected(message);

        private static InvalidOperationException Unexpected(object message) => new($"the test gateway does not send {message.GetType().Name}");
    }
}
