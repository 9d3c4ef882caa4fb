using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class GetChildrenByIdsHandler(DossierDbContext db) : IQueryHandler<GetChildrenByIds, IReadOnlyList<ChildView>>
{
    public async ValueTask<IReadOnlyList<ChildView>> Handle(GetChildrenByIds query, CancellationToken cancellationToken) =>
        await db.Children.AsNoTracking()
            .Where(c => query.ChildIds.Contains(c.Id))
            .Select(c => new ChildView(c.Id, c.FamilyAccountId, c.FirstName, c.LastName, c.BirthDate, c.School, c.Grade))
            .ToListAsync(cancellationToken);
}
