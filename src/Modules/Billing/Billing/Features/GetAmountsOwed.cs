using Mediator;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class GetAmountsOwedHandler(BillingDbContext db) : IQueryHandler<GetAmountsOwed, IReadOnlyList<WalletAmount>>
{
    public async ValueTask<IReadOnlyList<WalletAmount>> Handle(GetAmountsOwed query, CancellationToken cancellationToken) =>
        await OwedAmounts.ForFamilyAsync(db, query.FamilyAccountId, cancellationToken);
}
