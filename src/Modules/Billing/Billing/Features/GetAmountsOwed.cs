using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class GetAmountsOwedHandler(BillingDbContext db) : IQueryHandler<GetAmountsOwed, IReadOnlyList<WalletAmount>>
{
    public async ValueTask<IReadOnlyList<WalletAmount>> Handle(GetAmountsOwed query, CancellationToken cancellationToken) =>
        await OwedAmounts.ForFamilyAsync(db, query.FamilyAccountId, cancellationToken);
}

internal static class OwedAmounts
{
    /// <summary>Every wallet of the family, by code, with what it owes (0 when not in debit).</summary>
    public static async Task<IReadOnlyList<WalletAmount>> ForFamilyAsync(BillingDbContext db, Guid familyAccountId, CancellationToken ct)
    {
        var wallets = await db.Wallets.AsNoTracking()
            .Where(w => w.FamilyAccountId == familyAccountId)
            .Select(w => new { w.Id, w.Code })
            .ToListAsync(ct);
        var walletIds = wallets.Select(w => w.Id).ToList();
        // Sum in memory: SQLite stores decimals as text, and a family has few entries per wallet.
        var amounts = await db.LedgerEntries.AsNoTracking()
            .Where(e => walletIds.Contains(e.WalletId))
            .Select(e => new { e.WalletId, e.Amount })
            .ToListAsync(ct);
        return wallets
            .OrderBy(w => w.Code, StringComparer.Ordinal)
            .Select(w => new WalletAmount(w.Code, AmountsOwed.From(amounts.Where(a => a.WalletId == w.Id).Sum(a => a.Amount))))
            .ToList();
    }
}
