using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Features;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Billing.Tests.Features;

/// <summary>The régie credits an existing family, into a wallet of its structure (or one it already has), and nothing else.</summary>
public sealed class RecordCashierPaymentTests : IAsyncLifetime
{
    private static readonly Guid Structure = Guid.NewGuid();
    private static readonly Guid Family = Guid.NewGuid();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2024, 9, 16, 8, 30, 0, TimeSpan.Zero));
    private readonly FixedCatalog catalog = new();
    private BillingDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await BillingDatabase.CreateAsync();
        await database.OpenWalletAsync(Family, "RESTAURATION", 10.00m);
        catalog.Families[Family] = new FamilyWallets(Structure, new HashSet<string>(["RESTAURATION", "PERISCOLAIRE"], StringComparer.Ordinal));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Refuses_a_payment_to_a_family_that_does_not_exist_and_writes_nothing()
    {
        var result = await RecordAsync(Guid.NewGuid(), "RESTAURATION");

        Assert.Equal("billing.family_not_found", result.Error?.Code);
        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
        await AssertLedgerUnchangedAsync();
    }

    [Theory]
    [InlineData("X' OR 1=1--")]
    [InlineData("ALSH")]
    public async Task Refuses_a_wallet_code_the_familys_structure_does_not_have_and_opens_no_wallet(string walletCode)
    {
        var result = await RecordAsync(Family, walletCode);

        Assert.Equal("billing.unknown_wallet", result.Error?.Code);
        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.DoesNotContain("RESTAURATION", result.Error.Message); // lists no wallet of the family
        await AssertLedgerUnchangedAsync();
    }

    [Fact]
    public async Task Records_a_payment_into_a_wallet_the_family_already_has()
    {
        var result = await RecordAsync(Family, " restauration ");

        Assert.True(result.IsSuccess, result.Error?.Message);
        await using var db = database.NewContext();
        var entry = await db.LedgerEntries.SingleAsync(e => e.Id == result.Value);
        Assert.Equal(await db.Wallets.Where(w => w.FamilyAccountId == Family && w.Code == "RESTAURATION").Select(w => w.Id).SingleAsync(), entry.WalletId);
        Assert.Equal((25.50m, PaymentMode.Cheque, "924466"), (entry.Amount, entry.PaymentMode, entry.PieceNumber));
    }

    [Fact]
    public async Task Opens_a_wallet_of_the_structure_the_family_has_not_used_yet()
    {
        var result = await RecordAsync(Family, "PERISCOLAIRE");

        Assert.True(result.IsSuccess, result.Error?.Message);
        await using var db = database.NewContext();
        Assert.Equal(["PERISCOLAIRE", "RESTAURATION"], await db.Wallets.Where(w => w.FamilyAccountId == Family).OrderBy(w => w.Code).Select(w => w.Code).ToListAsync());
    }

    private async Task<Result<Guid>> RecordAsync(Guid family, string walletCode)
    {
        await using var db = database.NewContext();
        var handler = new RecordCashierPaymentHandler(db, catalog, clock);
        return await handler.Handle(new RecordCashierPayment("Paul LEROY", family, walletCode, PaymentMode.Cheque, 25.50m, new DateOnly(2024, 9, 16),
            "924466", "DUPONT Jean-Paul", "LEP"), CancellationToken.None);
    }

    private async Task AssertLedgerUnchangedAsync()
    {
        await using var db = database.NewContext();
        Assert.Equal(["RESTAURATION"], await db.Wallets.Select(w => w.Code).ToListAsync());
        Assert.Equal(1, await db.LedgerEntries.CountAsync());
    }

    private sealed class FixedCatalog : IFamilyWalletCatalog
    {
        public Dictionary<Guid, FamilyWallets> Families { get; } = [];

        public Task<FamilyWallets?> OfFamilyAsync(Guid familyAccountId, CancellationToken cancellationToken) =>
            Task.FromResult(Families.GetValueOrDefault(familyAccountId));
    }
}
