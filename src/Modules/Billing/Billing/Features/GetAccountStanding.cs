using Mediator;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class GetAccountStandingHandler(BillingDbContext db) : IQueryHandler<GetAccountStanding, AccountStanding>
{
    public async ValueTask<AccountStanding> Handle(GetAccountStanding query, CancellationToken cancellationToken)
    {
        var balances = await WalletBalances.ForFamilyAsync(db, query.FamilyAccountId, cancellationToken);
        var debitWallets = balances.Where(b => b.Balance < 0).Select(b => b.Code).Order(StringComparer.Ordinal).ToList();
        // No wallet: nothing owed, so not in debit.
        return new AccountStanding(debitWallets.Count > 0, balances.Sum(b => b.Balance), debitWallets);
    }
}
