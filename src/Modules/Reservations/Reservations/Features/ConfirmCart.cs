using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PortailFamille.Billing.Contracts;
using PortailFamille.Dossier.Contracts;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Time;
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
            var childName = children.TryGetValue(item.ChildId, out var c) ? $"{c.FirstName} {c.LastName}" : "Enfant";
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

internal static class DaySlots
{
    /// <summary>
    /// Creates the missing slots, outside the booking transaction, in one statement that skips the ones another
    /// request created meanwhile (INSERT … ON CONFLICT DO NOTHING, on SQLite and PostgreSQL alike): at an opening
    /// many carts create the same day slots at once, and an insert that fails would be an error and a retry.
    /// </summary>
    public static async Task EnsureAsync(ReservationsDbContext db, IEnumerable<(Activity Activity, DateOnly Day)> needed, CancellationToken ct)
    {
        var wanted = needed.DistinctBy(n => (n.Activity.Id, n.Day)).ToList();
        if (wanted.Count == 0) return;
        var ids = wanted.Select(w => w.Activity.Id).Distinct().ToList();
        var days = wanted.Select(w => w.Day).Distinct().ToList();
        var existing = (await db.DaySlots.AsNoTracking().Where(s => ids.Contains(s.ActivityId) && days.Contains(s.Day))
            .Select(s => new { s.ActivityId, s.Day }).ToListAsync(ct)).Select(s => (s.ActivityId, s.Day)).ToHashSet();
        var missing = wanted.Where(w => !existing.Contains((w.Activity.Id, w.Day))).Select(w => DaySlot.For(w.Activity, w.Day)).ToList();
        if (missing.Count == 0) return;

        var table = new DaySlotTable(db);
        var properties = new[] { nameof(DaySlot.ActivityId), nameof(DaySlot.Day), nameof(DaySlot.Capacity), nameof(DaySlot.WaitlistSize), nameof(DaySlot.Taken), nameof(DaySlot.Waitlisted) }
            .Select(table.Property).ToArray();
        var insert = $"INSERT INTO {table.Name} ({string.Join(", ", properties.Select(table.Column))}) VALUES ";
        // Parameters typed by the model's own mappings (a Guid is TEXT on SQLite, uuid on PostgreSQL; null capacity stays typed).
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in missing.Chunk(100))
        {
            var rows = new List<string>();
            var parameters = new List<System.Data.Common.DbParameter>();
            foreach (var slot in chunk)
            {
                object?[] values = [slot.ActivityId, slot.Day, slot.Capacity, slot.WaitlistSize, slot.Taken, slot.Waitlisted];
                var names = new List<string>();
                for (var c = 0; c < properties.Length; c++)
                {
                    var parameter = properties[c].GetRelationalTypeMapping().CreateParameter(factory, $"@p{parameters.Count}", values[c], nullable: true);
                    parameters.Add(parameter);
                    names.Add(parameter.ParameterName);
                }
                rows.Add("(" + string.Join(", ", names) + ")");
            }
            // Only model names and parameter names are in the text; every value is a parameter.
            var statement = insert + string.Join(", ", rows) + " ON CONFLICT DO NOTHING";
            await db.Database.ExecuteSqlRawAsync(statement, parameters, ct);
        }
    }
}

/// <summary>
/// PostgreSQL: every place a cart asks for, taken in one statement instead of one conditional update per line
/// (a month of canteen for two children was some thirty round trips with the day slots locked). The slots are
/// locked in (activity, day) order, so two carts never wait on each other crosswise; each slot gives what it has
/// left, in the cart's order: places first, then the waitlist, then refusals. Under READ COMMITTED, FOR UPDATE
/// returns the latest committed slot once the lock is ours, and the UPDATE of the same locked rows adds to that
/// latest version: no overbooking, whatever the concurrency (checked by the bench's invariant and the tests).
/// </summary>
internal static class SlotPlaces
{
    public static async Task<Dictionary<Guid, LineOutcome>> TakeAsync(ReservationsDbContext db, IReadOnlyList<CartItem> items, CancellationToken ct)
    {
        var outcomes = new Dictionary<Guid, LineOutcome>();
        if (items.Count == 0) return outcomes;
        var groups = items.GroupBy(i => (i.ActivityId, i.Day)).ToList();

        var table = new DaySlotTable(db);
        string Column(string property) => table.Column(table.Property(property));
        var (name, activity, day) = (table.Name, Column(nameof(DaySlot.ActivityId)), Column(nameof(DaySlot.Day)));
        var (capacity, taken) = (Column(nameof(DaySlot.Capacity)), Column(nameof(DaySlot.Taken)));
        var (waitlistSize, waitlisted) = (Column(nameof(DaySlot.WaitlistSize)), Column(nameof(DaySlot.Waitlisted)));

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Places are taken inside the confirmation's transaction.");
        command.CommandText = $"""
            WITH wanted AS (SELECT * FROM unnest(@activities, @days, @counts) AS w(activity_id, day, n)),
            locked AS (
                SELECT s.{activity} AS activity_id, s.{day} AS day, w.n,
                       LEAST(w.n, CASE WHEN s.{capacity} IS NULL THEN w.n ELSE GREATEST(s.{capacity} - s.{taken}, 0) END) AS places,
                       GREATEST(s.{waitlistSize} - s.{waitlisted}, 0) AS wait_room
                FROM {name} s JOIN wanted w ON s.{activity} = w.activity_id AND s.{day} = w.day
                ORDER BY s.{activity}, s.{day}
                FOR UPDATE OF s),
            grants AS (SELECT activity_id, day, places, LEAST(n - places, wait_room) AS waits FROM locked)
            UPDATE {name} s SET {taken} = s.{taken} + g.places, {waitlisted} = s.{waitlisted} + g.waits
            FROM grants g WHERE s.{activity} = g.activity_id AND s.{day} = g.day
            RETURNING g.activity_id, g.day, g.places, g.waits
            """;
        command.Parameters.Add(new Npgsql.NpgsqlParameter("activities", groups.Select(g => g.Key.ActivityId).ToArray()));
        command.Parameters.Add(new Npgsql.NpgsqlParameter("days", groups.Select(g => g.Key.Day).ToArray()));
        command.Parameters.Add(new Npgsql.NpgsqlParameter("counts", groups.Select(g => g.Count()).ToArray()));

        var grants = new Dictionary<(Guid, DateOnly), (int Places, int Waits)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                grants[(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1))] = (reader.GetInt32(2), reader.GetInt32(3));
        }

        foreach (var group in groups)
        {
            var (places, waits) = grants.GetValueOrDefault(group.Key); // a slot that does not exist gives nothing
            var n = 0;
            foreach (var item in group)
            {
                outcomes[item.Id] = n < places ? LineOutcome.Accepted : n < places + waits ? LineOutcome.Waitlisted : LineOutcome.Refused;
                n++;
            }
        }

        return outcomes;
    }
}

/// <summary>The day slots' table and column names as the model maps them (a schema on PostgreSQL, a module prefix on SQLite), quoted for raw SQL.</summary>
internal sealed class DaySlotTable
{
    private readonly Microsoft.EntityFrameworkCore.Metadata.IEntityType _entity;
    private readonly Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier _table;

    public DaySlotTable(ReservationsDbContext db)
    {
        _entity = db.Model.FindEntityType(typeof(DaySlot))!;
        _table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
        Name = _table.Schema is { } schema ? $"\"{schema}\".\"{_table.Name}\"" : $"\"{_table.Name}\"";
    }

    public string Name { get; }

    public Microsoft.EntityFrameworkCore.Metadata.IProperty Property(string name) => _entity.FindProperty(name)!;

    public string Column(Microsoft.EntityFrameworkCore.Metadata.IProperty property) => $"\"{property.GetColumnName(_table)}\"";
}
