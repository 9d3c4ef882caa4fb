using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.BuildingBlocks.Time;

namespace PortailFamille.Billing.Persistence;

/// <summary>Two wallets per demo family (RESTAURATION, PERISCOLAIRE) and a few cheque or cash payments.</summary>
internal sealed class BillingDemoSeeder(BillingDbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Wallets.AnyAsync(cancellationToken)) return;

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

        await db.SaveChangesAsync(cancellationToken);
    }
}
