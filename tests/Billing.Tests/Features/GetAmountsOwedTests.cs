using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Features;

namespace PortailFamille.Billing.Tests.Features;

public sealed class GetAmountsOwedTests : IAsyncLifetime
{
    private static readonly Guid Family = Guid.NewGuid();
    private BillingDatabase database = null!;

    public async Task InitializeAsync() => database = await BillingDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Lists_every_wallet_by_code_with_its_debit_and_zero_when_in_credit()
    {
        await database.OpenWalletAsync(Family, "RESTAURATION", 20.00m, -32.45m);
        await database.OpenWalletAsync(Family, "PERISCOLAIRE", 13.30m, -6.65m);
        await database.OpenWalletAsync(Family, "ALSH", -0.05m);
        await database.OpenWalletAsync(Guid.NewGuid(), "RESTAURATION", -99.00m);

        await using var db = database.NewContext();
        var owed = await new GetAmountsOwedHandler(db).Handle(new GetAmountsOwed(Family), CancellationToken.None);

        Assert.Equal([new("ALSH", 0.05m), new("PERISCOLAIRE", 0m), new WalletAmount("RESTAURATION", 12.45m)], owed);
    }

    [Fact]
    public async Task A_family_without_wallet_owes_nothing()
    {
        await using var db = database.NewContext();
        Assert.Empty(await new GetAmountsOwedHandler(db).Handle(new GetAmountsOwed(Family), CancellationToken.None));
    }
}
