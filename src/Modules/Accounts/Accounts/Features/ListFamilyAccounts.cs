using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

internal sealed class ListFamilyAccountsHandler(AccountsDbContext db) : IQueryHandler<ListFamilyAccounts, IReadOnlyList<FamilyAccountView>>
{
    public async ValueTask<IReadOnlyList<FamilyAccountView>> Handle(ListFamilyAccounts query, CancellationToken cancellationToken)
    {
        var families = await db.FamilyAccounts.AsNoTracking()
            .Where(f => f.StructureId == query.StructureId)
            .OrderBy(f => f.HolderLastName).ThenBy(f => f.HolderFirstName)
            .ToListAsync(cancellationToken);
        return families.Select(GetFamilyAccountHandler.ToView).ToList();
    }
}
