using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed class ListBookingPeriodsHandler(ReservationsDbContext db) : IQueryHandler<ListBookingPeriods, IReadOnlyList<BookingPeriodView>>
{
    public async ValueTask<IReadOnlyList<BookingPeriodView>> Handle(ListBookingPeriods query, CancellationToken cancellationToken)
    {
        var periods = await db.BookingPeriods.AsNoTracking()
            .Where(p => p.StructureId == query.StructureId)
            .OrderBy(p => p.StartsOn)
            .ToListAsync(cancellationToken);
        var closures = await db.Closures.AsNoTracking()
            .Where(c => c.StructureId == query.StructureId)
            .OrderBy(c => c.Day)
            .ToListAsync(cancellationToken);
        return periods
            .Select(p => new BookingPeriodView(p.Id, p.StructureId, p.Name, p.Kind, p.OpensOn, p.StartsOn, p.EndsOn,
                closures.Where(c => c.Day >= p.StartsOn && c.Day <= p.EndsOn).Select(c => new ClosureView(c.Day, c.Kind, c.Reason)).ToList()))
            .ToList();
    }
}
