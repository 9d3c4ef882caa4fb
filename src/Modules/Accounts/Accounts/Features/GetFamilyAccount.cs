using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

internal sealed class GetFamilyAccountHandler(AccountsDbContext db) : IQueryHandler<GetFamilyAccount, FamilyAccountView?>
{
    public async ValueTask<FamilyAccountView?> Handle(GetFamilyAccount query, CancellationToken cancellationToken)
    {
        var family = await db.FamilyAccounts.AsNoTracking().SingleOrDefaultAsync(f => f.Id == query.FamilyAccountId, cancellationToken);
        return family is null ? null : ToView(family);
    }

    internal static FamilyAccountView ToView(Domain.FamilyAccount f) =>
        new(f.Id, f.Identifier, f.HolderFirstName, f.HolderLastName, f.EmailList, f.StructureId);
}
