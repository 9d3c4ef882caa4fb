using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class CountChildrenHandler(DossierDbContext db) : IQueryHandler<CountChildren, int>
{
    public async ValueTask<int> Handle(CountChildren query, CancellationToken cancellationToken) =>
        await db.Children.CountAsync(c => query.FamilyAccountIds.Contains(c.FamilyAccountId), cancellationToken);
}
