using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.BuildingBlocks.Time;

namespace PortailFamille.Billing.Persistence;

/// <summary>
/// Two wallets per demo family (RESTAURATION, PERISCOLAIRE) and a few cheque or cash payments; the tariffs
/// of the demo activities in four quotient brackets.
/// </summary>
internal sealed class BillingDemoSeeder(BillingDbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // Checked separately: a database seeded before tariffs existed still gets them.
        if (!await db.Tariffs.AnyAsync(cancellationToken)) SeedTariffs();
        if (!await db.Wallets.AnyAsync(cancellationToken)) SeedWallets();
        await db.SaveChangesAsync(cancellationToken);
    }

    private void SeedTariffs()
    {
        var edu = DemoCatalog.Education.Id;
        var leisure = DemoCatalog.Leisure.Id;
        var n = 0;
        // Prices by bracket QF ≤ 500, 501–800, 801–1200, > 1200; the last (maximum tariff) is the
        // guide pratique's price where it shows one (ALSH 3-6 Matin 4,75 … ALSH 6-12 Journée 14,85).
        (Guid Structure, string Activity, decimal[] Prices)[] tables =
        [
            (edu, "RESTAURATION", [1.00m, 2.10m, 3.20m, 4.20m]),
            (edu, "ACCUEIL_MATIN", [0.60m, 0.95m, 1.40m, 1.80m]),
            (edu, "ACCUEIL_SOIR", [0.80m, 1.30m, 1.85m, 2.40m]),
            (edu, "MERCREDI_3_6", [4.50m, 7.20m, 9.80m, 12.50m]),
            (edu, "MERCREDI_7_11", [4.50m, 7.20m, 9.80m, 12.50m]),
            (leisure, "ALSH_3_6_MATIN", [1.90m, 2.85m, 3.80m, 4.75m]),
            (leisure, "ALSH_3_6_APRES_MIDI", [1.90m, 2.85m, 3.80m, 4.75m]),
            (leisure, "ALSH_3_6_JOURNEE", [2.65m, 3.99m, 5.30m, 6.65m]),
            (leisure, "ALSH_6_12_MATIN", [4.15m, 6.20m, 8.30m, 10.35m]),
            (leisure, "ALSH_6_12_JOURNEE", [5.95m, 8.90m, 11.90m, 14.85m]),
        ];
        (decimal? Min, decimal? Max, string Label)[] brackets =
        [
            (null, 500m, "QF 0 à 500 €"),
            (500m, 800m, "QF 501 à 800 €"),
            (800m, 1200m, "QF 801 à 1200 €"),
            (1200m, null, "QF supérieur à 1200 €"),
        ];
        foreach (var (structure, activity, prices) in tables)
        {
            for (var i = 0; i < brackets.Length; i++)
            {
                db.Tariffs.Add(Tariff.Define(DemoCatalog.IdFor("billing-tariff", ++n), structure, activity,
                    brackets[i].Min, brackets[i].Max, prices[i], brackets[i].Label));
            }
        }
    }

    private void SeedWallets()
    {
        var now = clock.GetUtcNow();
        // Payments dated in the previous and the current month, so the histories have something to show.
        var thisMonth = new DateOnly(clock.TodayInParis().Year, clock.TodayInParis().Month, 1);
        var n = 0;
        Guid Next() => DemoCatalog.IdFor("billing", ++n);
        foreach (var family in DemoCatalog.Families)
        {
            var canteen = Wallet.Open(Next(), family.Id, "RESTAURATION", "RESTAURATION");
            var care = Wallet.Open(Next(), family.Id, "PERISCOLAIRE", "PERISCOLAIRE");
            db.Wallets.AddRange(canteen, care);

            var payer = $"{family.LastName} {family.HolderFirstName}";
            // Amounts vary per family, cents included, so balances are not round numbers.
            db.LedgerEntries.Add(LedgerEntry.Payment(Next(), canteen.Id, 40m + family.Number * 1.15m, thisMonth.AddMonths(-1).AddDays(family.Number % 27), now,
                PaymentMode.Cheque, $"{795400 + family.Number}", payer, "LEP"));
            if (family.Number % 3 == 0)
                db.LedgerEntries.Add(LedgerEntry.Payment(Next(), care.Id, 25.50m, thisMonth, now,
                    PaymentMode.Cash, null, payer, null));
        }

        // The other parent of a separated couple has wallets of their own: each parent is billed separately.
        var other = DemoCatalog.OtherParent;
        db.Wallets.AddRange(
            Wallet.Open(Next(), other.Id, "RESTAURATION", "RESTAURATION"),
            Wallet.Open(Next(), other.Id, "PERISCOLAIRE", "PERISCOLAIRE"));
    }
}
