using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Reservations.Features;

/// <summary>
/// The final "Valider". One transaction: every deadline is checked again, each place is taken by a
/// conditional update of its day slot (no overbooking, whatever the concurrency), the waitlist is used
/// when the activity is full and the list has room, otherwise the line is refused. The bookings, the
/// emptied cart and their events (a place freed, a charge recorded or withdrawn) commit together.
/// </summary>
internal sealed class ConfirmCartHandler(IDbContextOutbox<ReservationsDbContext> outbox, ReservationData data, ISender sender, TimeProvider clock)
    : ICommandHandler<ConfirmCart, Result<CartConfirmation>>
{
    public async ValueTask<Result<CartConfirmation>> Handle(ConfirmCart command, CancellationToken cancellationToken)
    {
        try
        {
            return await ConfirmAsync(command, cancellationToken);
        }
        catch (Exception ex) when (DatabaseConflicts.IsConflict(ex))
        {
            // Another confirmation, a promotion or the transmission locked the same days first (a PostgreSQL deadlock,
            // SQLite busy): the transaction rolled back, nothing of this cart is kept and the cart stays for a new try.
            return ReservationErrors.ConcurrentChange;
        }
    }

    private async Task<Result<CartConfirmation>> ConfirmAsync(ConfirmCart command, CancellationToken cancellationToken)
    {
        var db = outbox.DbContext;
        var family = command.FamilyAccountId;
        var items = await db.CartItems.AsNoTracking().Where(c => c.FamilyAccountId == family).OrderBy(c => c.Day).ThenBy(c => c.AddedAt).ToListAsync(cancellationToken);
        if (items.Count == 0) return ReservationErrors.EmptyCart;

        // Billing owns balances: ask its contract, never its tables. A family in debit may still cancel.
        if (items.Any(i => i.Action == BookingAction.Book))
        {
            var standing = await sender.Send(new GetAccountStanding(family), cancellationToken);
            if (standing.InDebit) return ReservationErrors.AccountInDebit(standing.DebitWallets);
            // Dossier owns the fiches: booking waits until every one is validated for the campaign.
            var dossier = await sender.Send(new GetBookingEligibility(family), cancellationToken);
            if (!dossier.MayBook) return ReservationErrors.DossierNotValidated(dossier);
        }

        var children = (await data.ChildrenAsync(family, cancellationToken)).ToDictionary(c => c.Id);
        var activityIds = items.Select(i => i.ActivityId).Distinct().ToList();
        var activities = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var rules = await data.RulesAsync(activities.Values.Select(a => a.StructureId), cancellationToken);
        await DaySlots.EnsureAsync(db, items.Where(i => i.Action == BookingAction.Book).Select(i => (activities[i.ActivityId], i.Day)), cancellationToken);

        var today = clock.TodayInParis();
        var now = clock.GetUtcNow();
        var confirmationId = Guid.CreateVersion7(now);
        var results = new List<ConfirmedLine>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claim the cart's lines first: the delete's count decides which request confirms them (the same cart
        // confirmed from two tabs, or a line removed meanwhile). Exactly one request may confirm a given line.
        var processed = items.Select(i => i.Id).ToList();
        var claimed = await db.CartItems.Where(i => i.FamilyAccountId == family && processed.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        if (claimed != items.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            return claimed == 0 ? ReservationErrors.CartAlreadyConfirmed : ReservationErrors.ConcurrentChange;
        }

        // The children's active lines on the cart's days, in one query rather than one per line (the unique
        // index on active lines still refuses, at commit, a line booked meanwhile by another request).
        var alreadyBooked = await ActiveLinesAsync(db, items, cancellationToken);
        // Why each booking line is refused before any place is looked at (null: it may take a place).
        var refusals = items.Where(i => i.Action == BookingAction.Book).ToDictionary(i => i.Id, i => BookingPolicy.MayAsk(activities[i.ActivityId],
            children.GetValueOrDefault(i.ChildId), i.Day, rules.Evaluate(activities[i.ActivityId], i.Day, today),
            DayLines.Of(alreadyBooked[(i.ChildId, i.ActivityId, i.Day)], family), family));
        // On PostgreSQL a cart of bookings only takes all its places in one statement (see SlotPlaces); elsewhere,
        // and when the cart also cancels days, each line takes its place in turn.
        Dictionary<Guid, LineOutcome>? placed = null;
        if (db.Database.IsNpgsql() && items.All(i => i.Action == BookingAction.Book))
            placed = await SlotPlaces.TakeAsync(db, items.Where(i => refusals[i.Id] is null).ToList(), cancellationToken);

        foreach (var item in items)
        {
            var activity = activities[item.ActivityId];
            var childName = ChildNames.FirstLast(children, item.ChildId);
            var line = item.Action == BookingAction.Cancel
                ? await CancelAsync(db, item, family, rules.Evaluate(activity, item.Day, today), now, cancellationToken)
                : await BookAsync(db, item, family, refusals[item.Id], placed?.GetValueOrDefault(item.Id, LineOutcome.Refused), confirmationId, now, cancellationToken);

            results.Add(new ConfirmedLine(item.ChildId, childName, activity.Name, item.Day, item.Action, line.Outcome, line.Refusal?.Message,
                line.Refusal?.Code ?? DayReason.None));
            if (line.FreedPlace) await outbox.PublishAsync(new PlaceFreed(item.ActivityId, item.Day));
            // Activities charged on booking (centres de loisirs) are debited when accepted, credited back when cancelled.
            if (activity.BillingMode == BillingMode.OnBooking && line.Outcome == LineOutcome.Accepted && item.Action == BookingAction.Book)
                await outbox.PublishAsync(Charges.Recorded(activity, family, item.ChildId, line.BookingId, item.Day, now));
            if (activity.BillingMode == BillingMode.OnBooking && line.FreedPlace)
                await outbox.PublishAsync(Charges.Withdrawn(activity, family, line.BookingId, item.Day, now));
        }

        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken); // bookings, cart, slots and events: one commit
        }
        catch (DbUpdateException)
        {
            // The unique index on active lines refused a line another request booked at the same moment:
            // nothing of this cart is kept (the transaction rolls back), the cart stays for a new try.
            return ReservationErrors.ConcurrentChange;
        }

        return new CartConfirmation(confirmationId, results);
    }

    private static async Task<ILookup<(Guid Child, Guid Activity, DateOnly Day), Booking>> ActiveLinesAsync(ReservationsDbContext db, List<CartItem> items, CancellationToken ct)
    {
        var booking = items.Where(i => i.Action == BookingAction.Book).ToList();
        if (booking.Count == 0) return Array.Empty<Booking>().ToLookup(b => (b.ChildId, b.ActivityId, b.Day));
        var children = booking.Select(i => i.ChildId).Distinct().ToList();
        var activities = booking.Select(i => i.ActivityId).Distinct().ToList();
        var (first, last) = (booking.Min(i => i.Day), booking.Max(i => i.Day));
        var active = await db.Bookings.AsNoTracking()
            .Where(b => children.Contains(b.ChildId) && activities.Contains(b.ActivityId) && b.Day >= first && b.Day <= last
                && (b.Outcome == LineOutcome.Accepted || b.Outcome == LineOutcome.Waitlisted))
            .ToListAsync(ct);
        return active.ToLookup(b => (b.ChildId, b.ActivityId, b.Day));
    }

    private sealed record LineResult(LineOutcome Outcome, DayRefusal? Refusal, Guid BookingId, bool FreedPlace = false);

    /// <summary>
    /// Cancels the line's booking. The booking moves from its state (accepted or waitlisted) to cancelled by a
    /// conditional update, and only the request whose update moved it frees the place or the waitlist entry:
    /// a booking cancelled twice at once, or promoted meanwhile, is never counted twice.
    /// </summary>
    private static async Task<LineResult> CancelAsync(ReservationsDbContext db, CartItem item, Guid family, BookingRules.Verdict verdict,
        DateTimeOffset now, CancellationToken ct)
    {
        // A waitlisted booking may be promoted between the read and the update: read again, a few times at most.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var booking = await db.Bookings.AsNoTracking().Where(b => b.Id == item.BookingId && b.FamilyAccountId == family)
                .Select(b => new { b.Id, b.Outcome, b.ActivityId, b.Day }).SingleOrDefaultAsync(ct);
            if (booking is null || booking.Outcome is not (LineOutcome.Accepted or LineOutcome.Waitlisted))
                return new LineResult(LineOutcome.Refused, BookingPolicy.AlreadyCancelled, item.BookingId ?? Guid.Empty);
            if (!verdict.Open) return new LineResult(LineOutcome.Refused, verdict.Refusal, booking.Id);

            var moved = await db.Bookings.Where(b => b.Id == booking.Id && b.Outcome == booking.Outcome)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Outcome, LineOutcome.Cancelled).SetProperty(b => b.CancelledAt, now)
                    .SetProperty(b => b.TransmittedAt, (DateTimeOffset?)null), ct); // a cancellation is a new movement for the nightly report
            if (moved == 0) continue;

            if (booking.Outcome == LineOutcome.Accepted)
            {
                await db.DaySlots.Where(s => s.ActivityId == booking.ActivityId && s.Day == booking.Day && s.Taken > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken - 1), ct);
                return new LineResult(LineOutcome.Cancelled, null, booking.Id, FreedPlace: true);
            }

            await db.DaySlots.Where(s => s.ActivityId == booking.ActivityId && s.Day == booking.Day && s.Waitlisted > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Waitlisted, x => x.Waitlisted - 1), ct);
            return new LineResult(LineOutcome.Cancelled, null, booking.Id);
        }

        return new LineResult(LineOutcome.Refused, BookingPolicy.ChangedMeanwhile, item.BookingId ?? Guid.Empty);
    }

    /// <summary>Records the line: refused with <paramref name="refusal"/>, with the outcome already <paramref name="placed"/>, or taking its place now.</summary>
    private static async Task<LineResult> BookAsync(ReservationsDbContext db, CartItem item, Guid family, DayRefusal? refusal, LineOutcome? placed,
        Guid confirmationId, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = LineOutcome.Refused;
        if (refusal is null && placed is { } taken)
        {
            outcome = taken;
            if (outcome == LineOutcome.Refused) refusal = BookingPolicy.FullAndWaitlistFull;
        }
        else if (refusal is null)
        {
            var took = await db.DaySlots
                .Where(s => s.ActivityId == item.ActivityId && s.Day == item.Day && (s.Capacity == null || s.Taken < s.Capacity))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + 1), ct);
            if (took == 1) outcome = LineOutcome.Accepted;
            else
            {
                var waited = await db.DaySlots
                    .Where(s => s.ActivityId == item.ActivityId && s.Day == item.Day && s.Waitlisted < s.WaitlistSize)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Waitlisted, x => x.Waitlisted + 1), ct);
                if (waited == 1) outcome = LineOutcome.Waitlisted;
                else refusal = BookingPolicy.FullAndWaitlistFull;
            }
        }

        var booking = Booking.Record(family, item.ChildId, item.ActivityId, item.Day, outcome, refusal?.Message, item.Arrival, item.Departure, confirmationId, now);
        db.Bookings.Add(booking);
        return new LineResult(outcome, refusal, booking.Id);
    }
}
