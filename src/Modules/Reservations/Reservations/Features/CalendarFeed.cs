using System.Security.Cryptography;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

/// <summary>A private, unguessable feed address per family (256-bit token), for a phone's calendar.</summary>
internal sealed class CalendarFeed
{
    private CalendarFeed() { }

    public Guid FamilyAccountId { get; private set; }
    public string Token { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public static CalendarFeed Create(Guid familyAccountId, DateTimeOffset now) => new()
    {
        FamilyAccountId = familyAccountId,
        Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        CreatedAt = now,
    };
}

internal sealed class GetCalendarFeedTokenHandler(ReservationsDbContext db, TimeProvider clock) : ICommandHandler<GetCalendarFeedToken, string>
{
    public async ValueTask<string> Handle(GetCalendarFeedToken command, CancellationToken cancellationToken)
    {
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.FamilyAccountId == command.FamilyAccountId, cancellationToken);
        if (feed is not null) return feed.Token;
        feed = CalendarFeed.Create(command.FamilyAccountId, clock.GetUtcNow());
        db.CalendarFeeds.Add(feed);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return feed.Token;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // created meanwhile by another request of the family
            return await db.CalendarFeeds.Where(f => f.FamilyAccountId == command.FamilyAccountId).Select(f => f.Token).SingleAsync(cancellationToken);
        }
    }
}

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
            var child = children.GetValueOrDefault(b.ChildId, "Enfant");
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
