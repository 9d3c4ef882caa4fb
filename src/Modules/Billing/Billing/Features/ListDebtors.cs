using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class ListDebtorsHandler(BillingDbContext db) : IQueryHandler<ListDebtors, IReadOnlyList<DebtorLine>>
{
    public async ValueTask<IReadOnlyList<DebtorLine>> Handle(ListDebtors query, CancellationToken cancellationToken)
    {
        // Sums in memory: SQLite keeps decimals as text.
        var rows = await db.LedgerEntries.AsNoTracking()
            .Join(db.Wallets, e => e.WalletId, w => w.Id, (e, w) => new { w.FamilyAccountId, w.Code, e.Amount })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.FamilyAccountId)
            .Select(f => new
            {
                Family = f.Key,
                Wallets = f.GroupBy(r => r.Code).Select(w => (Code: w.Key, Balance: w.Sum(r => r.Amount))).ToList(),
            })
            .Where(f => f.Wallets.Any(w => w.Balance < 0))
            .Select(f => new DebtorLine(f.Family, f.Wallets.Where(w => w.Balance < 0).Select(w => w.Code).Order(StringComparer.Ordinal).ToList(), f.Wallets.Sum(w => w.Balance)))
            .OrderBy(d => d.TotalBalance)
            .ToList();
    }
}
