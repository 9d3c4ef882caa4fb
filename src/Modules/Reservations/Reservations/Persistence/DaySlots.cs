using Microsoft.EntityFrameworkCore;
using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Persistence;

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
