using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed class ListUndebitedBookingsHandler(ReservationsDbContext db, TimeProvider clock) : IQueryHandler<ListUndebitedBookings, IReadOnlyList<UndebitedBooking>>
{
    public async ValueTask<IReadOnlyList<UndebitedBooking>> Handle(ListUndebitedBookings query, CancellationToken cancellationToken)
    {
        // Consumed days are in the ledger already; absences excused are not charged.
        var from = PortailFamille.BuildingBlocks.Time.ParisTime.TodayInParis(clock).AddDays(-62);
        return await db.Bookings.AsNoTracking()
            .Where(b => b.FamilyAccountId == query.FamilyAccountId && b.Outcome == LineOutcome.Accepted && b.Attendance == null
                && b.Day >= from && b.Day <= query.UpTo)
            .Join(db.Activities.Where(a => a.BillingMode == BillingMode.OnAttendance), b => b.ActivityId, a => a.Id,
                (b, a) => new UndebitedBooking(b.Id, a.StructureId, a.Code, a.WalletCode, b.Day)) // charged-on-booking days are in the ledger already
            .ToListAsync(cancellationToken);
    }
}
