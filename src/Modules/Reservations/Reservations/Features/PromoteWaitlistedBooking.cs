using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed class PromoteWaitlistedBookingHandler(ReservationsDbContext db, ISender sender) : ICommandHandler<PromoteWaitlistedBooking, Result>
{
    public async ValueTask<Result> Handle(PromoteWaitlistedBooking command, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == command.BookingId, cancellationToken);
        if (booking is null) return ReservationErrors.BookingNotFound;
        var promoted = await sender.Send(new PromoteWaitlist(booking.ActivityId, booking.Day, booking.Id), cancellationToken);
        return promoted.IsSuccess ? Result.Success() : promoted.Error!;
    }
}
