using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Persistence;
using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Features;

internal sealed class GetCalendarFeedHandler(ReservationsDbContext db, ReservationData data, TimeProvider clock) : IQueryHandler<GetCalendarFeed, string?>
{
    public async ValueTask<string?> Handle(GetCalendarFeed query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Token) || query.Token.Length > 100) return null;
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.Token == query.Token, cancellationToken);
        if (feed is null) return null;

        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.FamilyAccountId == feed.FamilyAccountId && b.Outcome == LineOutcome.Accepted)
            .Join(db.Activities, b => b.ActivityId, a => a.Id, (b, a) => new { b.Id, b.ChildId, b.Day, b.Arrival, b.Departure, a.Name })
            .OrderBy(x => x.Day)
            .ToListAsync(cancellationToken);
        var children = (await data.ChildrenAsync(feed.FamilyAccountId, cancellationToken)).ToDictionary(c => c.Id, c => c.FirstName);
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var ics = new StringBuilder();
        ics.Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Portail Famille//Réservations//FR\r\nCALSCALE:GREGORIAN\r\nX-WR-CALNAME:Réservations Portail Famille\r\n");
        foreach (var b in bookings)
        {
            var child = children.GetValueOrDefault(b.ChildId, ChildNames.Unknown);
            var times = b.Arrival is null && b.Departure is null ? "" : $" ({b.Arrival}{(b.Departure is null ? "" : "–" + b.Departure)})";
            ics.Append("BEGIN:VEVENT\r\n")
               .Append($"UID:{b.Id}@portail-famille\r\n")
               .Append($"DTSTAMP:{stamp}\r\n")
               .Append($"DTSTART;VALUE=DATE:{b.Day:yyyyMMdd}\r\n")
               .Append($"DTEND;VALUE=DATE:{b.Day.AddDays(1):yyyyMMdd}\r\n")
               .Append($"SUMMARY:{Escape($"{child} — {b.Name}{times}")}\r\n")
               .Append("END:VEVENT\r\n");
        }

        ics.Append("END:VCALENDAR\r\n");
        return ics.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\n", "\\n");
}
