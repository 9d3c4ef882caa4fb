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

internal sealed class CountChildrenHandler(DossierDbContext db) : IQueryHandler<CountChildren, int>
{
    public async ValueTask<int> Handle(CountChildren query, CancellationToken cancellationToken) =>
        await db.Children.CountAsync(c => query.FamilyAccountIds.Contains(c.FamilyAccountId), cancellationToken);
}

internal sealed class GetChildrenByIdsHandler(DossierDbContext db) : IQueryHandler<GetChildrenByIds, IReadOnlyList<ChildView>>
{
    public async ValueTask<IReadOnlyList<ChildView>> Handle(GetChildrenByIds query, CancellationToken cancellationToken) =>
        await db.Children.AsNoTracking()
            .Where(c => query.ChildIds.Contains(c.Id))
            .Select(c => new ChildView(c.Id, c.FamilyAccountId, c.FirstName, c.LastName, c.BirthDate, c.School, c.Grade))
            .ToListAsync(cancellationToken);
}

internal sealed class GetHealthFlagsHandler(DossierDbContext db) : IQueryHandler<GetHealthFlags, IReadOnlyList<HealthFlags>>
{
    public async ValueTask<IReadOnlyList<HealthFlags>> Handle(GetHealthFlags query, CancellationToken cancellationToken) =>
        await db.Health.AsNoTracking()
            .Where(h => query.ChildIds.Contains(h.ChildId))
            .Select(h => new HealthFlags(h.ChildId, h.HasPai, h.Allergies, h.DietaryNeeds))
            .ToListAsync(cancellationToken);
}
