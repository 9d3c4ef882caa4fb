using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Features;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Demo;

namespace PortailFamille.Billing.Tests.Persistence;

public sealed class BillingDemoSeederTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2024, 9, 2, 6, 0, 0, TimeSpan.Zero));
    private BillingDatabase database = null!;

    public async Task InitializeAsync() => database = await BillingDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Demo_tariffs_charge_the_guide_prices_without_quotient()
    {
        await SeedAsync();
        var leisure = DemoCatalog.Leisure.Id;
        BookingToPrice[] lines =
        [
            new(Guid.NewGuid(), leisure, "ALSH_3_6_MATIN", new DateOnly(2024, 10, 21)),
            new(Guid.NewGuid(), leisure, "ALSH_3_6_APRES_MIDI", new DateOnly(2024, 10, 21)),
            new(Guid.NewGuid(), leisure, "ALSH_3_6_JOURNEE", new DateOnly(2024, 10, 22)),
            new(Guid.NewGuid(), leisure, "ALSH_6_12_MATIN", new DateOnly(2024, 10, 21)),
            new(Guid.NewGuid(), leisure, "ALSH_6_12_JOURNEE", new DateOnly(2024, 10, 22)),
            new(Guid.NewGuid(), DemoCatalog.Education.Id, "RESTAURATION", new DateOnly(2024, 9, 5)),
        ];

        await using var db = database.NewContext();
        var prices = await new PriceBookingsHandler(db, new NoQuotient(), new ListLogger<PriceBookingsHandler>())
            .Handle(new PriceBookings(DemoCatalog.Families[0].Id, lines), CancellationToken.None);

        // guide pratique: ALSH 3-6 Matin 4,75, Journée 6,65; 6-12 Matin 10,35, Journée 14,85; 3-6 Après Midi 4,75.
        Assert.Equal([4.75m, 4.75m, 6.65m, 10.35m, 14.85m, 4.20m], prices.Select(p => p.UnitPrice));
    }

    [Fact]
    public async Task Seeds_four_brackets_for_each_demo_activity_once()
    {
        await SeedAsync();
        await SeedAsync();

        await using var db = database.NewContext();
        var perActivity = await db.Tariffs.GroupBy(t => new { t.StructureId, t.ActivityCode }).Select(g => g.Count()).ToListAsync();
        Assert.Equal(10, perActivity.Count);
        Assert.All(perActivity, count => Assert.Equal(4, count));
        Assert.Equal(DemoCatalog.Families.Count * 2 + 2, await db.Wallets.CountAsync());
    }

    [Fact]
    public async Task Seeds_tariffs_into_a_database_whose_wallets_were_seeded_before_them()
    {
        await SeedAsync();
        await using (var db = database.NewContext())
        {
            await db.Tariffs.ExecuteDeleteAsync();
        }

        await SeedAsync();

        await using var check = database.NewContext();
        Assert.Equal(40, await check.Tariffs.CountAsync());
    }

    private async Task SeedAsync()
    {
        await using var db = database.NewContext();
        await new BillingDemoSeeder(db, clock).SeedAsync(CancellationToken.None);
    }
}

/// <summary>A family without a quotient familial: the maximum tariff.</summary>
internal sealed class NoQuotient : PortailFamille.Billing.Features.IFamilyQuotientSource
{
    public Task<decimal?> GetQuotientAsync(Guid familyAccountId, DateOnly day, CancellationToken ct) => Task.FromResult<decimal?>(null);
}
