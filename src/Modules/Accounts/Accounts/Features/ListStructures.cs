using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

internal sealed class ListStructuresHandler(AccountsDbContext db) : IQueryHandler<ListStructures, IReadOnlyList<StructureView>>
{
    public async ValueTask<IReadOnlyList<StructureView>> Handle(ListStructures query, CancellationToken cancellationToken) =>
        await db.Structures.AsNoTracking()
            .OrderBy(s => s.Code)
            .Select(s => new StructureView(s.Id, s.Code, s.Name, s.Town))
            .ToListAsync(cancellationToken);
}

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
