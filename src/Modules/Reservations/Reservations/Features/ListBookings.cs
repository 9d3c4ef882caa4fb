using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Persistence;
using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Features;

/// <summary>Suivi des réservations: every line of the family, newest day first.</summary>
internal sealed class ListBookingsHandler(ReservationsDbContext db, ReservationData data) : IQueryHandler<ListBookings, IReadOnlyList<BookingLineView>>
{
    public async ValueTask<IReadOnlyList<BookingLineView>> Handle(ListBookings query, CancellationToken cancellationToken)
    {
        var lines = await db.Bookings.AsNoTracking()
            .Where(b => b.FamilyAccountId == query.FamilyAccountId && (!query.HideTransmitted || b.TransmittedAt == null))
            .Join(db.Activities, b => b.ActivityId, a => a.Id, (b, a) => new { Booking = b, a.Name })
            .OrderByDescending(x => x.Booking.Day).ThenBy(x => x.Name)
            .Take(2000)
            .ToListAsync(cancellationToken);
        var children = (await data.ChildrenAsync(query.FamilyAccountId, cancellationToken)).ToDictionary(c => c.Id);
        return lines.Select(x => new BookingLineView(x.Booking.Id, x.Booking.ChildId,
                ChildNames.FirstLast(children, x.Booking.ChildId),
                x.Booking.ActivityId, x.Name, x.Booking.Day, x.Booking.Status, x.Booking.Outcome, x.Booking.RequestedAt, x.Booking.Arrival, x.Booking.Departure))
            .ToList();
    }
}
