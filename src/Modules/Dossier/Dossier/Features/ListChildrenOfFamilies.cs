using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class ListChildrenOfFamiliesHandler(DossierDbContext db) : IQueryHandler<ListChildrenOfFamilies, IReadOnlyList<FamilyChild>>
{
    public async ValueTask<IReadOnlyList<FamilyChild>> Handle(ListChildrenOfFamilies query, CancellationToken cancellationToken)
    {
        if (query.FamilyAccountIds.Count == 0) return [];
        var ids = query.FamilyAccountIds.Distinct().ToList();
        return await db.Guardians.AsNoTracking()
            .Where(g => ids.Contains(g.FamilyAccountId))
            .Join(db.Children, g => g.ChildId, c => c.Id, (g, c) => new FamilyChild(g.FamilyAccountId,
                new ChildView(c.Id, c.FamilyAccountId, c.FirstName, c.LastName, c.BirthDate, c.School, c.Grade)))
            .ToListAsync(cancellationToken);
    }
}
