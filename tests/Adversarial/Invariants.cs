using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;
using PortailFamille.Notifications.Persistence;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Adversarial;

/// <summary>What Wolverine's durable store still holds to do.</summary>
public sealed record PendingMessages(long Outgoing, long Queued, long Scheduled, long Incoming, long DeadLetters, string Detail = "")
{
    public long Total => Outgoing + Queued + Scheduled + Incoming;

    public override string ToString() =>
        $"{Outgoing} outgoing, {Queued} queued for the Worker, {Scheduled} scheduled, {Incoming} received not handled, {DeadLetters} dead letters{Detail}";
}

/// <summary>
/// The promises of the portal, checked in the database after a history (each query is SQL the module's own context writes,
/// on SQLite and on PostgreSQL). Each answer is the list of what broke, with the rows that show it.
/// </summary>
public static class Invariants
{
    public static async Task<IReadOnlyList<string>> CheckAsync(IServiceProvider services, IReadOnlyCollection<(Guid PaymentId, bool Genuine)> deliveries, CancellationToken ct)
    {
        var broken = new List<string>();
        await using var scope = services.CreateAsyncScope();
        var reservations = scope.ServiceProvider.GetRequiredService<ReservationsDbContext>();
        var billing = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        var notifications = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();

        var slots = await reservations.DaySlots.AsNoTracking().ToListAsync(ct);
        var bookings = await reservations.Bookings.AsNoTracking().ToListAsync(ct);
        var byDay = bookings.ToLookup(b => (b.ActivityId, b.Day));

        // 1. Places: accepted lines never exceed the capacity, and the counters equal their lines.
        foreach (var slot in slots)
        {
            var lines = byDay[(slot.ActivityId, slot.Day)].ToList();
            var accepted = lines.Count(l => l.Outcome == LineOutcome.Accepted);
            var waitlisted = lines.Count(l => l.Outcome == LineOutcome.Waitlisted);
            if (slot.Capacity is { } capacity && accepted > capacity)
                broken.Add($"overbooked: activity {slot.ActivityId} on {slot.Day:yyyy-MM-dd}: {accepted} accepted lines for {capacity} places");
            if (slot.Taken != accepted)
                broken.Add($"slot counter: activity {slot.ActivityId} on {slot.Day:yyyy-MM-dd}: Taken = {slot.Taken}, accepted lines = {accepted}");
            if (slot.Waitlisted != waitlisted)
                broken.Add($"waitlist counter: activity {slot.ActivityId} on {slot.Day:yyyy-MM-dd}: Waitlisted = {slot.Waitlisted}, waitlisted lines = {waitlisted}");
            if (waitlisted > slot.WaitlistSize)
                broken.Add($"waitlist over its size: activity {slot.ActivityId} on {slot.Day:yyyy-MM-dd}: {waitlisted} for {slot.WaitlistSize}");
        }

        // 2. One active line per child, activity and day.
        foreach (var twin in bookings.Where(b => b.Outcome is LineOutcome.Accepted or LineOutcome.Waitlisted)
                     .GroupBy(b => (b.ChildId, b.ActivityId, b.Day)).Where(g => g.Count() > 1))
            broken.Add($"two active lines: child {twin.Key.ChildId}, activity {twin.Key.ActivityId}, {twin.Key.Day:yyyy-MM-dd}: {string.Join(", ", twin.Select(b => b.Outcome))}");

        // 3. Each confirmation wrote each of its lines once.
        foreach (var twice in bookings.GroupBy(b => (b.ConfirmationId, b.ChildId, b.ActivityId, b.Day)).Where(g => g.Count() > 1))
            broken.Add($"a confirmation wrote a line twice: confirmation {twice.Key.ConfirmationId}, child {twice.Key.ChildId}, {twice.Key.Day:yyyy-MM-dd}");

        // 4. No cart holds the same day twice.
        var cart = await reservations.CartItems.AsNoTracking().ToListAsync(ct);
        foreach (var twice in cart.GroupBy(c => (c.FamilyAccountId, c.ChildId, c.ActivityId, c.Day)).Where(g => g.Count() > 1))
            broken.Add($"a cart holds a day twice: family {twice.Key.FamilyAccountId}, {twice.Key.Day:yyyy-MM-dd}");

        // 5. Each ledger source (payment, debit, credit back, card event) once.
        var entries = await billing.LedgerEntries.AsNoTracking().ToListAsync(ct);
        foreach (var twice in entries.Where(e => e.SourceId != null).GroupBy(e => e.SourceId).Where(g => g.Count() > 1))
            broken.Add($"ledger source written {twice.Count()} times: {twice.Key}");

        // 6. Card payments: credited at most once, only from the event that paid them, and only with their own amount.
        var payments = await billing.CardPayments.AsNoTracking().Include(p => p.Lines).ToListAsync(ct);
        var paidBy = payments.Where(p => p.PaidByEventId != null).ToDictionary(p => p.PaidByEventId!);
        var cardEntries = entries.Where(e => e.SourceId?.StartsWith("card:", StringComparison.Ordinal) == true).ToList();
        foreach (var entry in cardEntries)
        {
            var eventId = entry.SourceId!.Split(':')[1];
            if (!paidBy.ContainsKey(eventId)) broken.Add($"card credit from an event that paid no payment: {entry.SourceId} ({entry.Amount})");
        }

        foreach (var payment in payments.Where(p => p.Status == CardPaymentStatus.Paid))
        {
            var credited = cardEntries.Where(e => e.SourceId!.StartsWith($"card:{payment.PaidByEventId}:", StringComparison.Ordinal)).Sum(e => e.Amount);
            if (credited != payment.Total) broken.Add($"card payment {payment.Id} paid {payment.Total} but credited {credited}");
        }

        var genuine = deliveries.Where(d => d.Genuine).Select(d => d.PaymentId).ToHashSet();
        foreach (var payment in payments.Where(p => p.Status == CardPaymentStatus.Paid && deliveries.Any(d => d.PaymentId == p.Id) && !genuine.Contains(p.Id)))
            broken.Add($"card payment {payment.Id} credited although only forged events (other amount or currency) were delivered");

        // 7. Attendance: what a past day has cost is the price once when the child's final mark is consumed, nothing otherwise.
        foreach (var booking in bookings.Where(b => b.Attendance != null))
        {
            var key = booking.Id.ToString("N");
            var charges = entries.Where(e => e.SourceId != null && e.SourceId.Contains(key, StringComparison.Ordinal)).ToList();
            var net = charges.Sum(e => e.Amount);
            var debit = charges.Where(e => e.Kind == LedgerEntryKind.Consumption).Select(e => e.Amount).DefaultIfEmpty(0m).Min();
            var consumed = Booking.IsConsumed(booking.Attendance);
            if (consumed ? net != debit || debit == 0m : net != 0m)
                broken.Add($"attendance charge: booking {booking.Id} marked {booking.Attendance}: net {net.ToString(CultureInfo.InvariantCulture)} € " +
                    $"({string.Join(", ", charges.Select(c => $"{c.SourceId}={c.Amount.ToString(CultureInfo.InvariantCulture)}"))})");
        }

        // 8. Each transmitted line is in exactly one report: one mail per family, structure and run.
        var structureOf = await reservations.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.StructureId, ct);
        // A run is named by its instant; SQLite keeps instants to 100 µs (1,000 ticks), PostgreSQL to the microsecond.
        var precision = reservations.Database.IsNpgsql() ? 10L : 1_000L;
        string Run(Guid family, Guid structure, long ticks) => $"transmission.{family:N}.{structure:N}.{ticks / precision}";
        var reports = (await notifications.OutgoingMails.AsNoTracking().Where(m => m.MessageId.StartsWith("transmission.")).Select(m => m.MessageId).ToListAsync(ct))
            .Select(id => id.Split('@')[0].Split('.'))
            .GroupBy(parts => Run(Guid.Parse(parts[1]), Guid.Parse(parts[2]), long.Parse(parts[3], CultureInfo.InvariantCulture)))
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var run in bookings.Where(b => b.TransmittedAt != null).GroupBy(b => (b.FamilyAccountId, Structure: structureOf[b.ActivityId], At: b.TransmittedAt!.Value.UtcTicks)))
        {
            var key = Run(run.Key.FamilyAccountId, run.Key.Structure, run.Key.At);
            var count = reports.GetValueOrDefault(key);
            if (count != 1) broken.Add($"transmitted lines in {count} reports (expected 1): {key} ({run.Count()} lines)");
        }

        // 9. Every integration event handled: nothing left in the durable store, nothing dead-lettered.
        var pending = await PendingMessagesAsync(services, ct);
        if (pending.Total > 0 || pending.DeadLetters > 0) broken.Add($"integration events not handled: {pending}");
        return broken;
    }

    /// <summary>Counts in Wolverine's own tables, wherever it put them (its envelope schema, its queue transport's schema).</summary>
    public static async Task<PendingMessages> PendingMessagesAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReservationsDbContext>();
        var postgres = db.Database.IsNpgsql();
        var connection = db.Database.GetDbConnection(); // the context's own connection, closed with the scope
        await db.Database.OpenConnectionAsync(ct);
        var tables = new Dictionary<string, string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = postgres
                ? "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_name LIKE 'wolverine%'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'wolverine%'";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var qualified = reader.GetString(0);
                tables[qualified.Split('.')[^1]] = qualified;
            }
        }

        var pending = new PendingMessages(
            await CountAsync(connection, tables, "wolverine_outgoing_envelopes", "", ct),
            await CountAsync(connection, tables, "wolverine_queue_worker", "", ct),
            await CountAsync(connection, tables, "wolverine_queue_worker_scheduled", NotAFutureOccurrence(postgres), ct),
            await CountAsync(connection, tables, "wolverine_incoming_envelopes", "WHERE status <> 'Handled'", ct),
            await CountAsync(connection, tables, "wolverine_dead_letters", "", ct));
        if (pending.Total == 0 || !tables.TryGetValue("wolverine_queue_worker", out var queue)) return pending;

        // What is waiting, by message type, to explain a queue that does not drain.
        var detail = new System.Text.StringBuilder();
        foreach (var table in new[] { queue, tables.GetValueOrDefault("wolverine_queue_worker_scheduled") }.OfType<string>())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT message_type, count(*) FROM {table} GROUP BY message_type";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) detail.Append(CultureInfo.InvariantCulture, $"; {table.Split('.')[^1]}: {reader.GetString(0).Split('.')[^1]} × {reader.GetInt64(1)}");
        }

        return pending with { Detail = detail.ToString() };
    }

    /// <summary>
    /// The message type names of the recurring jobs' occurrences: Wolverine's recurring agent always keeps the next one
    /// scheduled in the Worker queue (it is not work left undone until it is due).
    /// </summary>
    private static readonly string[] RecurringJobTypes =
        new[] { typeof(PortailFamille.Accounts.AccountsModule), typeof(PortailFamille.Dossier.DossierModule), typeof(PortailFamille.Reservations.ReservationsModule),
                typeof(PortailFamille.Billing.BillingModule), typeof(PortailFamille.Notifications.NotificationsModule) }
            .SelectMany(m => m.Assembly.GetExportedTypes())
            .Where(t => typeof(PortailFamille.BuildingBlocks.Messaging.IScheduledJob).IsAssignableFrom(t) && !t.IsInterface)
            .Select(Wolverine.Util.WolverineMessageNaming.ToMessageTypeName)
            .ToArray();

    private static string NotAFutureOccurrence(bool postgres)
    {
        var jobs = string.Join(", ", RecurringJobTypes.Select(t => $"'{t}'"));
        return postgres
            ? $"WHERE message_type NOT IN ({jobs}) OR execution_time <= now()"
            : $"WHERE message_type NOT IN ({jobs}) OR julianday(execution_time) <= julianday('now')";
    }

    private static async Task<long> CountAsync(DbConnection connection, Dictionary<string, string> tables, string table, string where, CancellationToken ct)
    {
        if (!tables.TryGetValue(table, out var qualified)) return 0;
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {qualified} {where}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
