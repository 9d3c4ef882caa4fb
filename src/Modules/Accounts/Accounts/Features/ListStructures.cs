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
