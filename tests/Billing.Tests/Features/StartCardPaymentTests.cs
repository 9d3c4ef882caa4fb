using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Features;
using PortailFamille.Billing.Payments;
using PortailFamille.BuildingBlocks.Web;

namespace PortailFamille.Billing.Tests.Features;

public sealed class StartCardPaymentTests : IAsyncLifetime
{
    private static readonly Guid Family = Guid.NewGuid();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2024, 9, 16, 8, 30, 0, TimeSpan.Zero));
    private BillingDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await BillingDatabase.CreateAsync();
        await database.OpenWalletAsync(Family, "RESTAURATION", 10.00m, -22.60m); // owes 12,60
        await database.OpenWalletAsync(Family, "PERISCOLAIRE", 5.00m);          // owes nothing
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Records_a_pending_payment_of_the_amounts_and_opens_the_test_gateway_without_crediting()
    {
        var result = await StartAsync(new("RESTAURATION", 12.60m), new("PERISCOLAIRE", 30.00m));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal($"/paiement/passerelle-test/{result.Value.PaymentId}", result.Value.RedirectUrl);
        await using var db = database.NewContext();
        var payment = await db.CardPayments.Include(p => p.Lines).SingleAsync();
        Assert.Equal(CardPaymentStatus.Pending, payment.Status);
        Assert.Equal(PaymentGatewayKind.Test, payment.Gateway);
        Assert.Equal(42.60m, payment.Total);
        Assert.Equal($"pf_test_{payment.Id:N}", payment.ProviderReference);
        Assert.Equal("DUPONT Jean-Paul", payment.PayerName);
        Assert.Equal(clock.GetUtcNow(), payment.CreatedAt);
        Assert.Equal([("PERISCOLAIRE", 30.00m), ("RESTAURATION", 12.60m)], payment.Lines.Select(l => (l.WalletCode, l.Amount)));
        // Only a verified provider event credits: the ledger has the seeded entries only.
        Assert.Equal(3, await db.LedgerEntries.CountAsync());
    }

    [Fact]
    public async Task Paying_more_than_owed_in_advance_is_accepted_and_a_wallet_paid_zero_is_left_out()
    {
        var result = await StartAsync(new("RESTAURATION", 50.00m), new("PERISCOLAIRE", 0m));

        Assert.True(result.IsSuccess, result.Error?.Message);
        await using var db = database.NewContext();
        var line = Assert.Single((await db.CardPayments.Include(p => p.Lines).SingleAsync()).Lines);
        Assert.Equal(("RESTAURATION", 50.00m), (line.WalletCode, line.Amount));
    }

    [Fact]
    public async Task Refuses_less_than_what_is_owed_on_a_wallet()
    {
        var result = await StartAsync(new("RESTAURATION", 12.59m), new("PERISCOLAIRE", 40.00m));

        Assert.Equal("billing.below_amount_owed", result.Error!.Code);
        Assert.Contains("12,60 €", result.Error.Fields["RESTAURATION"].Single());
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task Refuses_a_wallet_left_out_while_it_owes_something()
    {
        var result = await StartAsync(new WalletAmount("PERISCOLAIRE", 40.00m));

        Assert.Equal("billing.below_amount_owed", result.Error!.Code);
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task Refuses_an_amount_with_three_decimals()
    {
        var result = await StartAsync(new("RESTAURATION", 12.60m), new("PERISCOLAIRE", 10.005m));

        Assert.Equal("billing.amount_precision", result.Error!.Code);
        Assert.True(result.Error.Fields.ContainsKey("PERISCOLAIRE"));
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task Refuses_a_total_of_zero()
    {
        // A family owing nothing: 0 on every wallet passes the "at least what is owed" rule.
        var inCredit = Guid.NewGuid();
        await database.OpenWalletAsync(inCredit, "RESTAURATION", 8.00m);
        await database.OpenWalletAsync(inCredit, "PERISCOLAIRE", 3.00m);

        var result = await StartForAsync(inCredit, new("RESTAURATION", 0m), new("PERISCOLAIRE", 0.00m));

        Assert.Equal("billing.nothing_to_pay", result.Error!.Code);
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task Refuses_a_total_above_two_thousand_euros()
    {
        var result = await StartAsync(new("RESTAURATION", 1500.00m), new("PERISCOLAIRE", 500.01m));

        Assert.Equal("billing.above_maximum", result.Error!.Code);
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task Refuses_amounts_near_the_largest_decimal_without_an_overflow()
    {
        var result = await StartAsync(new("RESTAURATION", decimal.MaxValue), new("PERISCOLAIRE", decimal.MaxValue));

        Assert.Equal("billing.above_maximum", result.Error!.Code);
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task Accepts_a_total_of_exactly_two_thousand_euros()
    {
        var result = await StartAsync(new("RESTAURATION", 1500.00m), new("PERISCOLAIRE", 500.00m));

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public async Task Refuses_a_wallet_the_family_does_not_have()
    {
        var result = await StartAsync(new("RESTAURATION", 12.60m), new("ALSH", 10.00m));

        Assert.Equal("billing.unknown_wallet", result.Error!.Code);
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task Refuses_a_negative_amount()
    {
        var result = await StartAsync(new("RESTAURATION", 20.00m), new("PERISCOLAIRE", -5.00m));

        Assert.Equal("billing.negative_amount", result.Error!.Code);
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task An_unreachable_provider_refuses_in_french_and_leaves_the_payment_cancelled()
    {
        await using var db = database.NewContext();
        var handler = new StartCardPaymentHandler(db, new UnreachableGateway(), new FixedPayer("DUPONT Jean-Paul"), new PortalOptions("https://portail.exemple.fr"), TestGatewayOn, clock,
            new ListLogger<StartCardPaymentHandler>());

        var result = await handler.Handle(new StartCardPayment(Family, [new("RESTAURATION", 12.60m), new("PERISCOLAIRE", 0m)]), CancellationToken.None);

        Assert.Equal("billing.gateway_unavailable", result.Error!.Code);
        await using var check = database.NewContext();
        Assert.Equal(CardPaymentStatus.Cancelled, (await check.CardPayments.SingleAsync()).Status);
    }

    private static readonly Microsoft.Extensions.Options.IOptions<PortailFamille.Billing.Payments.PaymentOptions> TestGatewayOn =
        Microsoft.Extensions.Options.Options.Create(new PortailFamille.Billing.Payments.PaymentOptions());

    [Fact]
    public async Task Card_payment_is_refused_when_neither_stripe_nor_the_test_gateway_is_allowed()
    {
        await using var db = database.NewContext();
        var off = Microsoft.Extensions.Options.Options.Create(new PortailFamille.Billing.Payments.PaymentOptions { TestGateway = { Enabled = false } });
        var handler = new StartCardPaymentHandler(db, new TestGateway(), new FixedPayer("DUPONT Jean-Paul"), new PortalOptions("https://portail.exemple.fr"), off, clock,
            new ListLogger<StartCardPaymentHandler>());

        var result = await handler.Handle(new StartCardPayment(Family, [new("RESTAURATION", 12.60m)]), CancellationToken.None);

        Assert.Equal("billing.card_payments_disabled", result.Error!.Code);
        await AssertNothingRecordedAsync();
    }

    private Task<BuildingBlocks.Results.Result<CardPaymentStarted>> StartAsync(params WalletAmount[] amounts) => StartForAsync(Family, amounts);

    private async Task<BuildingBlocks.Results.Result<CardPaymentStarted>> StartForAsync(Guid family, params WalletAmount[] amounts)
    {
        await using var db = database.NewContext();
        var handler = new StartCardPaymentHandler(db, new TestGateway(), new FixedPayer("DUPONT Jean-Paul"), new PortalOptions("https://portail.exemple.fr"), TestGatewayOn, clock,
            new ListLogger<StartCardPaymentHandler>());
        return await handler.Handle(new StartCardPayment(family, amounts), CancellationToken.None);
    }

    private async Task AssertNothingRecordedAsync()
    {
        await using var db = database.NewContext();
        Assert.False(await db.CardPayments.AnyAsync());
    }

    private sealed class UnreachableGateway : IPaymentGateway
    {
        public PaymentGatewayKind Kind => PaymentGatewayKind.Stripe;

        public Task<GatewaySession> OpenAsync(Billing.Domain.CardPayment payment, string returnBaseUrl, CancellationToken cancellationToken) =>
            throw new Stripe.StripeException("Connection refused");
    }

    private sealed class FixedPayer(string name) : IPayerNames
    {
        public Task<string> NameOfAsync(Guid familyAccountId, CancellationToken cancellationToken) => Task.FromResult(name);
    }
}
