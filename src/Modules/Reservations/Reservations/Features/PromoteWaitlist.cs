using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Reservations.Features;

/// <summary>
/// A place was freed: the oldest waitlisted request of that activity and day gets it (or, from the
/// staff's waitlist view, a chosen request). Safe under replays and several workers: the place and the
/// request are both taken by conditional updates in one transaction.
/// </summary>
internal sealed record PromoteWaitlist(Guid ActivityId, DateOnly Day, Guid? BookingId = null) : ICommand<Result<Guid?>>;

internal sealed class PromoteWaitlistHandler(IDbContextOutbox<ReservationsDbContext> outbox, ReservationData data, TimeProvider clock) : ICommandHandler<PromoteWaitlist, Result<Guid?>>
{
    public async ValueTask<Result<Guid?>> Handle(PromoteWaitlist command, CancellationToken cancellationToken)
    {
        var db = outbox.DbContext;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var candidate = await db.Bookings.AsNoTracking()
            .Where(b => b.ActivityId == command.ActivityId && b.Day == command.Day && b.Outcome == LineOutcome.Waitlisted
                && (command.BookingId == null || b.Id == command.BookingId))
            .OrderBy(b => b.RequestedAt).ThenBy(b => b.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is null)
            return command.BookingId is null ? (Guid?)null : Error.NotFound("reservations.not_waitlisted", "Cette demande n'est plus en liste d'attente.");

        var took = await db.DaySlots
            .Where(s => s.ActivityId == command.ActivityId && s.Day == command.Day && (s.Capacity == null || s.Taken < s.Capacity))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + 1).SetProperty(x => x.Waitlisted, x => x.Waitlisted - 1), cancellationToken);
        if (took == 0)
            return command.BookingId is null ? (Guid?)null : Error.Conflict("reservations.no_place", "Aucune place n'est libre ce jour-là.");

        var promoted = await db.Bookings
            .Where(b => b.Id == candidate.Id && b.Outcome == LineOutcome.Waitlisted)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Outcome, LineOutcome.Accepted), cancellationToken);
        if (promoted == 0)
        {
            await transaction.RollbackAsync(cancellationToken); // another worker promoted it first
            return (Guid?)null;
        }

        var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == candidate.ActivityId, cancellationToken);
        var child = (await data.ChildrenAsync(candidate.FamilyAccountId, cancellationToken)).FirstOrDefault(c => c.Id == candidate.ChildId);
        await outbox.PublishAsync(new WaitlistPromoted(candidate.Id, candidate.FamilyAccountId, candidate.ChildId, candidate.ActivityId, candidate.Day,
            child is null ? "" : $"{child.FirstName} {child.LastName}", activity.Name));
        if (activity.BillingMode == BillingMode.OnBooking)
            await outbox.PublishAsync(Charges.Recorded(activity, candidate.FamilyAccountId, candidate.ChildId, candidate.Id, candidate.Day, clock.GetUtcNow()));
        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        return candidate.Id;
    }
}

/// <summary>Wolverine adapter (public), runs in the Worker.</summary>
public static class PlaceFreedHandler
{
    public static async Task Handle(PlaceFreed message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new PromoteWaitlist(message.ActivityId, message.Day), cancellationToken)).ValueOrThrow();
}
