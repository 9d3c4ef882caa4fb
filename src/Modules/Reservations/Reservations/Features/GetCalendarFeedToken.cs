using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

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
