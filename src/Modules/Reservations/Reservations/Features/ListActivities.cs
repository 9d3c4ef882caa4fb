using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed class ListActivitiesHandler(ReservationsDbContext db) : IQueryHandler<ListActivities, IReadOnlyList<ActivityView>>
{
    public async ValueTask<IReadOnlyList<ActivityView>> Handle(ListActivities query, CancellationToken cancellationToken)
    {
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.StructureId == query.StructureId)
            .OrderBy(a => a.Kind).ThenBy(a => a.Name)
            .ToListAsync(cancellationToken);
        return activities.Select(CatalogViews.ToView).ToList();
    }
}
