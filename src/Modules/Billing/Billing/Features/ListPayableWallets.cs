using Mediator;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class ListPayableWalletsHandler(BillingDbContext db, IFamilyWalletCatalog catalog) : IQueryHandler<ListPayableWallets, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListPayableWallets query, CancellationToken cancellationToken) =>
        (await PayableWallets.OfFamilyAsync(db, catalog, query.FamilyAccountId, cancellationToken))?.Order(StringComparer.Ordinal).ToList() ?? [];
}
