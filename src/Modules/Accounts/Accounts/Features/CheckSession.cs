using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

/// <summary>One read by primary key per request: a session ended on any Host is refused by every Host from the next request on.</summary>
internal sealed class CheckSessionHandler(AccountsDbContext db, TimeProvider clock) : IQueryHandler<CheckSession, bool>
{
    public async ValueTask<bool> Handle(CheckSession query, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.SessionId, cancellationToken);
        return session is not null && session.UserId == query.UserId && session.IsOpenAt(clock.GetUtcNow());
    }
}
