using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal static class WalletBalances
{
    /// <summary>Each wallet of the family with its balance, the sum of its entries, ordered by code.</summary>
    public static async Task<IReadOnlyList<WalletBalanceView>> ForFamilyAsync(BillingDbContext db, Guid familyAccountId, CancellationToken ct)
    {
        var wallets = await db.Wallets.AsNoTracking()
            .Where(w => w.FamilyAccountId == familyAccountId)
            .ToListAsync(ct);
        var walletIds = wallets.Select(w => w.Id).ToList();
        // Sum in memory: SQLite stores decimals as text, and a family has few entries per wallet.
        var amounts = await db.LedgerEntries.AsNoTracking()
            .Where(e => walletIds.Contains(e.WalletId))
            .Select(e => new { e.WalletId, e.Amount })
            .ToListAsync(ct);
        return wallets
            .OrderBy(w => w.Code, StringComparer.Ordinal)
            .Select(w => new WalletBalanceView(w.Id, w.Code, w.Label, amounts.Where(a => a.WalletId == w.Id).Sum(a => a.Amount)))
            .ToList();
    }
}
