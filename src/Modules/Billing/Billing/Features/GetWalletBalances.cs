using Mediator;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class GetWalletBalancesHandler(BillingDbContext db) : IQueryHandler<GetWalletBalances, IReadOnlyList<WalletBalanceView>>
{
    public async ValueTask<IReadOnlyList<WalletBalanceView>> Handle(GetWalletBalances query, CancellationToken cancellationToken) =>
        await WalletBalances.ForFamilyAsync(db, query.FamilyAccountId, cancellationToken);
}
