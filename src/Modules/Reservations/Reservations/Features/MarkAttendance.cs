using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Reservations.Features;

internal sealed class MarkAttendanceHandler(IDbContextOutbox<ReservationsDbContext> outbox, TimeProvider clock) : ICommandHandler<MarkAttendance, Result>
{
    public async ValueTask<Result> Handle(MarkAttendance command, CancellationToken cancellationToken)
    {
        var db = outbox.DbContext;
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == command.BookingId, cancellationToken);
        if (booking is null || booking.Outcome != LineOutcome.Accepted) return ReservationErrors.BookingNotFound;
        if (booking.Day > clock.TodayInParis())
            return Error.Validation("reservations.attendance_in_future", "La présence se pointe le jour même ou après.");
        var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == booking.ActivityId, cancellationToken);

        // Charged on booking: the day is already debited unless excused. Charged on attendance: nothing yet unless marked.
        var charged = activity.BillingMode == BillingMode.OnBooking ? booking.Attendance != Attendance.Excused : Booking.IsConsumed(booking.Attendance);
        var now = clock.GetUtcNow();
        var (before, after) = (booking.Attendance, (Attendance?)command.Attendance);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The mark moves from what was read to the new one, or not at all: two agents pointing the same child at
        // once (or a double click) publish one debit, never two.
        var moved = await db.Bookings.Where(b => b.Id == booking.Id && b.Outcome == LineOutcome.Accepted && b.Attendance == before)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Attendance, after).SetProperty(b => b.AttendanceMarkedAt, now), cancellationToken);
        if (moved == 0) return ReservationErrors.AttendanceChanged;

        var isConsumed = Booking.IsConsumed(command.Attendance);
        if (isConsumed && !charged)
            await outbox.PublishAsync(Charges.Recorded(activity, booking.FamilyAccountId, booking.ChildId, booking.Id, booking.Day, now));
        if (!isConsumed && charged)
            await outbox.PublishAsync(Charges.Withdrawn(activity, booking.FamilyAccountId, booking.Id, booking.Day, now));
        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        return Result.Success();
    }
}
