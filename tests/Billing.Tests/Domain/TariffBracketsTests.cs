using PortailFamille.Billing.Domain;

namespace PortailFamille.Billing.Tests.Domain;

public sealed class TariffBracketsTests
{
    private static readonly Guid Leisure = Guid.NewGuid();

    // ALSH 3-6 ans Matin: the top bracket is the guide pratique's 4,75.
    private static readonly Tariff[] Alsh36Morning =
    [
        Bracket(null, 500m, 1.90m, "QF 0 à 500 €"),
        Bracket(500m, 800m, 2.85m, "QF 501 à 800 €"),
        Bracket(800m, 1200m, 3.80m, "QF 801 à 1200 €"),
        Bracket(1200m, null, 4.75m, "QF supérieur à 1200 €"),
    ];

    public static TheoryData<decimal, decimal, string> Boundaries => new()
    {
        { 0m, 1.90m, "QF 0 à 500 €" },
        { 500m, 1.90m, "QF 0 à 500 €" },
        { 500.01m, 2.85m, "QF 501 à 800 €" },
        { 800m, 2.85m, "QF 501 à 800 €" },
        { 800.01m, 3.80m, "QF 801 à 1200 €" },
        { 1200m, 3.80m, "QF 801 à 1200 €" },
        { 1200.01m, 4.75m, "QF supérieur à 1200 €" },
        { 4350m, 4.75m, "QF supérieur à 1200 €" },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void A_quotient_on_a_boundary_belongs_to_the_bracket_it_closes(decimal quotient, decimal price, string bracket)
    {
        var applied = TariffBrackets.Choose(Alsh36Morning, quotient);

        Assert.Equal(price, applied.UnitPrice);
        Assert.Equal(bracket, applied.Bracket);
    }

    [Fact]
    public void An_unknown_quotient_pays_the_maximum_tariff()
    {
        var applied = TariffBrackets.Choose(Alsh36Morning, null);

        Assert.Equal(4.75m, applied.UnitPrice);
        Assert.Equal("Tarif maximal", applied.Bracket);
    }

    [Fact]
    public void The_maximum_tariff_is_the_highest_price_whatever_the_order_of_the_brackets()
    {
        // A table where the top quotients are not the dearest bracket (a capped rate).
        Tariff[] capped =
        [
            Bracket(1200m, null, 12.40m, "QF supérieur à 1200 €"),
            Bracket(null, 500m, 4.50m, "QF 0 à 500 €"),
            Bracket(800m, 1200m, 12.50m, "QF 801 à 1200 €"),
            Bracket(500m, 800m, 7.20m, "QF 501 à 800 €"),
        ];

        var applied = TariffBrackets.Choose(capped, null);

        Assert.Equal(12.50m, applied.UnitPrice);
        Assert.Equal("Tarif maximal", applied.Bracket);
    }

    [Fact]
    public void A_quotient_in_a_gap_of_the_table_pays_the_maximum_tariff()
    {
        Tariff[] gapped = [Bracket(null, 500m, 1.90m, "QF 0 à 500 €"), Bracket(800m, null, 4.75m, "QF supérieur à 800 €")];

        var applied = TariffBrackets.Choose(gapped, 650m);

        Assert.Equal(4.75m, applied.UnitPrice);
        Assert.Equal("Tarif maximal", applied.Bracket);
    }

    [Fact]
    public void An_activity_without_tariff_is_priced_zero_as_undefined()
    {
        var applied = TariffBrackets.Choose([], 650m);

        Assert.Equal(0m, applied.UnitPrice);
        Assert.Equal("Tarif non défini", applied.Bracket);
        Assert.Null(applied.Tariff);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1.50")]
    [InlineData("4.755")]
    public void A_tariff_costs_a_positive_amount_in_cents(string price) =>
        Assert.ThrowsAny<ArgumentException>(() => Bracket(null, 500m, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), "QF 0 à 500 €"));

    [Fact]
    public void A_bracket_starts_below_its_end() =>
        Assert.ThrowsAny<ArgumentException>(() => Bracket(800m, 500m, 2.85m, "QF 501 à 800 €"));

    private static Tariff Bracket(decimal? min, decimal? max, decimal price, string label) =>
        Tariff.Define(Guid.NewGuid(), Leisure, "ALSH_3_6_MATIN", min, max, price, label);
}
