using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Persistence;

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
