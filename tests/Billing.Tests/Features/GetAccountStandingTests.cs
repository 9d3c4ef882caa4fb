using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Features;

namespace PortailFamille.Billing.Tests.Features;

public sealed class GetAccountStandingTests : IAsyncLifetime
{
    private static readonly Guid Family = Guid.NewGuid();
    private BillingDatabase database = null!;

    public async Task InitializeAsync() => database = await BillingDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_wallet_one_cent_below_zero_puts_the_account_in_debit()
    {
        await database.OpenWalletAsync(Family, "RESTAURATION", 20.00m, -20.01m);

        var standing = await StandingAsync(Family);

        Assert.True(standing.InDebit);
        Assert.Equal(-0.01m, standing.TotalBalance);
        Assert.Equal(["RESTAURATION"], standing.DebitWallets);
    }

    [Fact]
    public async Task A_wallet_at_exactly_zero_is_not_in_debit()
    {
        await database.OpenWalletAsync(Family, "PERISCOLAIRE", 13.30m, -6.65m, -6.65m);

        var standing = await StandingAsync(Family);

        Assert.False(standing.InDebit);
        Assert.Equal(0m, standing.TotalBalance);
        Assert.Empty(standing.DebitWallets);
    }

    [Fact]
    public async Task One_wallet_in_debit_is_enough_even_when_the_total_is_positive()
    {
        await database.OpenWalletAsync(Family, "RESTAURATION", 90.00m, -4.20m);
        await database.OpenWalletAsync(Family, "PERISCOLAIRE", 50.00m, -96.05m);
        await database.OpenWalletAsync(Family, "ALSH", -0.50m);

        var standing = await StandingAsync(Family);

        Assert.True(standing.InDebit);
        Assert.Equal(39.25m, standing.TotalBalance);
        Assert.Equal(["ALSH", "PERISCOLAIRE"], standing.DebitWallets);
    }

    [Fact]
    public async Task A_family_without_wallet_is_not_in_debit()
    {
        var standing = await StandingAsync(Family);

        Assert.False(standing.InDebit);
        Assert.Equal(0m, standing.TotalBalance);
        Assert.Empty(standing.DebitWallets);
    }

    [Fact]
    public async Task The_debit_of_another_family_does_not_count()
    {
        // Separated parents: each is billed on their own wallets.
        await database.OpenWalletAsync(Family, "RESTAURATION", 40.00m);
        await database.OpenWalletAsync(Guid.NewGuid(), "RESTAURATION", -46.05m);

        var standing = await StandingAsync(Family);

        Assert.False(standing.InDebit);
        Assert.Equal(40.00m, standing.TotalBalance);
    }

    private async Task<AccountStanding> StandingAsync(Guid familyAccountId)
    {
        await using var db = database.NewContext();
        return await new GetAccountStandingHandler(db).Handle(new GetAccountStanding(familyAccountId), CancellationToken.None);
    }
}
