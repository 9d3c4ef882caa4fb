using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Features;

internal sealed class EndAllSessionsHandler(AccountsDbContext db, TimeProvider clock) : ICommandHandler<EndAllSessions, Result<int>>
{
    public async ValueTask<Result<int>> Handle(EndAllSessions command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (command.StaffId is { } staffId)
        {
            var account = await db.FamilyAccounts.AsNoTracking().SingleOrDefaultAsync(f => f.Id == command.UserId, cancellationToken);
            if (account is null) return AccountErrors.AccountNotFound;
            var ended = await UserSessions.EndAllAsync(db, command.UserId, now, cancellationToken);
            db.AuditEntries.Add(AuditEntry.Record(now, staffId, command.StaffName ?? "", AuditAction.SessionsEnded, account.Id,
                $"{ended} session(s) fermée(s) pour {account.Identifier}"));
            await db.SaveChangesAsync(cancellationToken);
            return ended;
        }

        var count = await UserSessions.EndAllAsync(db, command.UserId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }
}
