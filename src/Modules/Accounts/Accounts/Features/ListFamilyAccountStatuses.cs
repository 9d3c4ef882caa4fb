using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

internal sealed class ListFamilyAccountStatusesHandler(AccountsDbContext db, TimeProvider clock) : IQueryHandler<ListFamilyAccountStatuses, IReadOnlyList<FamilyAccountStatus>>
{
    public async ValueTask<IReadOnlyList<FamilyAccountStatus>> Handle(ListFamilyAccountStatuses query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var accounts = await db.FamilyAccounts.AsNoTracking()
            .Where(f => f.StructureId == query.StructureId)
            .Select(f => new { f.Id, f.Identifier, f.MustChangePassword })
            .ToListAsync(cancellationToken);
        var identifiers = accounts.Select(a => a.Identifier).ToList();
        var throttles = await db.SignInThrottles.AsNoTracking().Where(t => identifiers.Contains(t.Identifier)).ToListAsync(cancellationToken);
        return accounts.Select(a =>
        {
            var t = throttles.FirstOrDefault(x => x.Identifier == a.Identifier);
            var locked = t?.IsLocked(now) == true;
            return new FamilyAccountStatus(a.Id, a.Identifier, locked, locked ? t!.LockedUntil : null, a.MustChangePassword);
        }).ToList();
    }
}
