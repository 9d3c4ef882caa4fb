using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class GetAccountStandingHandler(BillingDbContext db) : IQueryHandler<GetAccountStanding, AccountStanding>
{
    public async ValueTask<AccountStanding> Handle(GetAccountStanding query, CancellationToken cancellationToken)
    {
        var wallets = await db.Wallets.AsNoTracking()
            .Where(w => w.FamilyAccountId == query.FamilyAccountId)
            .Select(w => new { w.Id, w.Code })
            .ToListAsync(cancellationToken);
        var walletIds = wallets.Select(w => w.Id).ToList();
        // Sum in memory: SQLite stores decimals as text, and a family has few entries per wallet.
        var amounts = await db.LedgerEntries.AsNoTracking()
            .Where(e => walletIds.Contains(e.WalletId))
            .Select(e => new { e.WalletId, e.Amount })
            .ToListAsync(cancellationToken);

        var balances = wallets
            .Select(w => (w.Code, Balance: amounts.Where(a => a.WalletId == w.Id).Sum(a => a.Amount)))
            .ToList();
        var debitWallets = balances
            .Where(b => b.Balance < 0)
            .Select(b => b.Code)
            .Order(StringComparer.Ordinal)
            .ToList();
        // No wallet: nothing owed, so not in debit.
        return new AccountStanding(debitWallets.Count > 0, balances.Sum(b => b.Balance), debitWallets);
    }
}
