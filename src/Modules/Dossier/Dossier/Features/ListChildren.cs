using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class ListChildrenHandler(DossierDbContext db) : IQueryHandler<ListChildren, IReadOnlyList<ChildView>>
{
    public async ValueTask<IReadOnlyList<ChildView>> Handle(ListChildren query, CancellationToken cancellationToken) =>
        await db.ChildrenOf(query.FamilyAccountId).AsNoTracking()
            .OrderBy(c => c.BirthDate)
            .Select(c => new ChildView(c.Id, c.FamilyAccountId, c.FirstName, c.LastName, c.BirthDate, c.School, c.Grade))
            .ToListAsync(cancellationToken);
}
