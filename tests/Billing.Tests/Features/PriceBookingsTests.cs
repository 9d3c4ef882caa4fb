using Microsoft.Extensions.Logging;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Features;

namespace PortailFamille.Billing.Tests.Features;

public sealed class PriceBookingsTests : IAsyncLifetime
{
    private static readonly Guid Education = Guid.NewGuid();
    private static readonly Guid Leisure = Guid.NewGuid();
    private static readonly Guid Family = Guid.NewGuid();
    private BillingDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await BillingDatabase.CreateAsync();
        await database.AddTariffsAsync([
            .. Table(Education, "RESTAURATION", 1.00m, 2.10m, 3.20m, 4.20m),
            .. Table(Leisure, "ALSH_3_6_MATIN", 1.90m, 2.85m, 3.80m, 4.75m),
            .. Table(Leisure, "ALSH_6_12_JOURNEE", 5.95m, 8.90m, 11.90m, 14.85m),
        ]);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Prices_each_line_in_the_input_order_at_the_maximum_tariff_without_quotient()
    {
        BookingToPrice[] lines =
        [
            Line(Leisure, "ALSH_6_12_JOURNEE", new DateOnly(2024, 10, 21)),
            Line(Education, "RESTAURATION", new DateOnly(2024, 9, 2)),
            Line(Leisure, "ALSH_3_6_MATIN", new DateOnly(2024, 10, 23)),
            Line(Education, "RESTAURATION", new DateOnly(2024, 9, 3)),
        ];

        var prices = await PriceAsync(new FixedQuotient(null), lines);

        Assert.Equal(lines.Select(l => l.LineId), prices.Select(p => p.LineId));
        Assert.Equal([14.85m, 4.20m, 4.75m, 4.20m], prices.Select(p => p.UnitPrice));
        Assert.All(prices, p => Assert.Equal("Tarif maximal", p.Bracket));
    }

    [Fact]
    public async Task Prices_at_the_bracket_of_the_family_quotient()
    {
        var prices = await PriceAsync(new FixedQuotient(800.01m), [Line(Leisure, "ALSH_6_12_JOURNEE", new DateOnly(2024, 10, 21))]);

        var price = Assert.Single(prices);
        Assert.Equal(11.90m, price.UnitPrice);
        Assert.Equal("QF 801 à 1200 €", price.Bracket);
    }

    [Fact]
    public async Task Asks_the_quotient_once_for_all_the_lines_of_a_year()
    {
        var quotients = new FixedQuotient(650m);

        await PriceAsync(quotients, [
            Line(Education, "RESTAURATION", new DateOnly(2024, 11, 5)),
            Line(Education, "RESTAURATION", new DateOnly(2024, 11, 4)),
            Line(Leisure, "ALSH_3_6_MATIN", new DateOnly(2024, 12, 23)),
        ]);

        var asked = Assert.Single(quotients.Asked);
        Assert.Equal((Family, new DateOnly(2024, 11, 4)), asked);
    }

    [Fact]
    public async Task Asks_the_quotient_of_each_year_when_the_lines_cross_new_year()
    {
        // PÉRIODE 2 runs from 4 November 2024 to 3 January 2025; an avis d'imposition counts for one calendar year.
        var quotients = new FixedQuotient(650m);

        await PriceAsync(quotients, [
            Line(Education, "RESTAURATION", new DateOnly(2025, 1, 3)),
            Line(Education, "RESTAURATION", new DateOnly(2024, 12, 19)),
            Line(Education, "RESTAURATION", new DateOnly(2025, 1, 2)),
        ]);

        Assert.Equal([(Family, new DateOnly(2025, 1, 2)), (Family, new DateOnly(2024, 12, 19))], quotients.Asked);
    }

    [Fact]
    public async Task Prices_an_activity_without_tariff_at_zero_and_warns()
    {
        var logger = new ListLogger<PriceBookingsHandler>();
        BookingToPrice[] lines =
        [
            Line(Education, "ACCUEIL_SOIR", new DateOnly(2024, 9, 2)),
            Line(Education, "RESTAURATION", new DateOnly(2024, 9, 2)),
            Line(Education, "ACCUEIL_SOIR", new DateOnly(2024, 9, 3)),
        ];

        var prices = await PriceAsync(new FixedQuotient(null), lines, logger);

        Assert.Equal([0m, 4.20m, 0m], prices.Select(p => p.UnitPrice));
        Assert.Equal(["Tarif non défini", "Tarif maximal", "Tarif non défini"], prices.Select(p => p.Bracket));
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("ACCUEIL_SOIR", warning.Message);
    }

    [Fact]
    public async Task Does_not_price_an_activity_with_the_tariff_of_another_structure()
    {
        var prices = await PriceAsync(new FixedQuotient(null), [Line(Leisure, "RESTAURATION", new DateOnly(2024, 10, 21))]);

        var price = Assert.Single(prices);
        Assert.Equal(0m, price.UnitPrice);
        Assert.Equal("Tarif non défini", price.Bracket);
    }

    [Fact]
    public async Task Prices_no_line_without_asking_the_quotient()
    {
        var quotients = new FixedQuotient(650m);

        var prices = await PriceAsync(quotients, []);

        Assert.Empty(prices);
        Assert.Empty(quotients.Asked);
    }

    private async Task<IReadOnlyList<BookingPrice>> PriceAsync(IFamilyQuotientSource quotients, BookingToPrice[] lines, ILogger<PriceBookingsHandler>? logger = null)
    {
        await using var db = database.NewContext();
        var handler = new PriceBookingsHandler(db, quotients, logger ?? new ListLogger<PriceBookingsHandler>());
        return await handler.Handle(new PriceBookings(Family, lines), CancellationToken.None);
    }

    private static BookingToPrice Line(Guid structureId, string activityCode, DateOnly day) => new(Guid.NewGuid(), structureId, activityCode, day);

    private static Tariff[] Table(Guid structureId, string activityCode, params decimal[] prices) =>
    [
        Tariff.Define(Guid.NewGuid(), structureId, activityCode, null, 500m, prices[0], "QF 0 à 500 €"),
        Tariff.Define(Guid.NewGuid(), structureId, activityCode, 500m, 800m, prices[1], "QF 501 à 800 €"),
        Tariff.Define(Guid.NewGuid(), structureId, activityCode, 800m, 1200m, prices[2], "QF 801 à 1200 €"),
        Tariff.Define(Guid.NewGuid(), structureId, activityCode, 1200m, null, prices[3], "QF supérieur à 1200 €"),
    ];

    private sealed class FixedQuotient(decimal? quotient) : IFamilyQuotientSource
    {
        public List<(Guid Family, DateOnly Day)> Asked { get; } = [];

        public Task<decimal?> GetQuotientAsync(Guid familyAccountId, DateOnly day, CancellationToken ct)
        {
            Asked.Add((familyAccountId, day));
            return Task.FromResult(quotient);
        }
    }
}
