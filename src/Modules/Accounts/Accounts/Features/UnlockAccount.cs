using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Features;

internal sealed class UnlockAccountHandler(AccountsDbContext db, TimeProvider clock) : ICommandHandler<UnlockAccount, Result>
{
    public async ValueTask<Result> Handle(UnlockAccount command, CancellationToken cancellationToken)
    {
        var account = await db.FamilyAccounts.SingleOrDefaultAsync(f => f.Id == command.AccountId, cancellationToken);
        if (account is null) return AccountErrors.AccountNotFound;
        var now = clock.GetUtcNow();
        var throttle = await db.SignInThrottles.SingleOrDefaultAsync(t => t.Identifier == account.Identifier, cancellationToken);
        throttle?.Reset(now);
        db.AuditEntries.Add(AuditEntry.Record(now, command.StaffId, command.StaffName, AuditAction.AccountUnlocked, account.Id,
            $"Compte {account.Identifier} débloqué."));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
