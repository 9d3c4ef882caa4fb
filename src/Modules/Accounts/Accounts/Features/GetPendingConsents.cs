using Mediator;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

internal sealed class GetPendingConsentsHandler(AccountsDbContext db) : IQueryHandler<GetPendingConsents, IReadOnlyList<ConsentView>>
{
    public async ValueTask<IReadOnlyList<ConsentView>> Handle(GetPendingConsents query, CancellationToken cancellationToken) =>
        await PendingConsents.ForAsync(db, query.AccountId, cancellationToken);
}
