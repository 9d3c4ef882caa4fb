using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal static class Wallets
{
    public static async Task<Wallet> OpenAsync(BillingDbContext db, Guid familyAccountId, string code, TimeProvider clock, CancellationToken ct)
    {
        var wallet = await db.Wallets.SingleOrDefaultAsync(w => w.FamilyAccountId == familyAccountId && w.Code == code, ct);
        if (wallet is not null) return wallet;
        wallet = Wallet.Open(Guid.CreateVersion7(clock.GetUtcNow()), familyAccountId, code, code);
        db.Wallets.Add(wallet);
        return wallet;
    }
}
