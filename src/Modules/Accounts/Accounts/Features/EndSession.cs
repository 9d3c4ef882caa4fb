using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Features;

internal sealed class EndSessionHandler(AccountsDbContext db, TimeProvider clock) : ICommandHandler<EndSession, Result>
{
    public async ValueTask<Result> Handle(EndSession command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Sessions.Where(s => s.Id == command.SessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), cancellationToken);
        return Result.Success();
    }
}
