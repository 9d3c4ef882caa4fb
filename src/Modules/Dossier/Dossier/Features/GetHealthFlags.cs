using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class GetHealthFlagsHandler(DossierDbContext db) : IQueryHandler<GetHealthFlags, IReadOnlyList<HealthFlags>>
{
    public async ValueTask<IReadOnlyList<HealthFlags>> Handle(GetHealthFlags query, CancellationToken cancellationToken) =>
        await db.Health.AsNoTracking()
            .Where(h => query.ChildIds.Contains(h.ChildId))
            .Select(h => new HealthFlags(h.ChildId, h.HasPai, h.Allergies, h.DietaryNeeds))
            .ToListAsync(cancellationToken);
}
