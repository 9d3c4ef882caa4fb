using Mediator;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

internal sealed class OpenSessionHandler(AccountsDbContext db, TimeProvider clock) : ICommandHandler<OpenSession, OpenedSession>
{
    public async ValueTask<OpenedSession> Handle(OpenSession command, CancellationToken cancellationToken)
    {
        var session = UserSession.Open(command.UserId, command.KeptSignedIn, clock.GetUtcNow());
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return new OpenedSession(session.Id, session.ExpiresAt);
    }
}
