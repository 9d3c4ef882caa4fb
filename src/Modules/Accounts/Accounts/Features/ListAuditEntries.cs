using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

internal sealed class ListAuditEntriesHandler(AccountsDbContext db) : IQueryHandler<ListAuditEntries, IReadOnlyList<AuditEntryView>>
{
    public async ValueTask<IReadOnlyList<AuditEntryView>> Handle(ListAuditEntries query, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(query.Take, 1, 1000);
        return await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Take(take)
            .Select(a => new AuditEntryView(a.At, a.ActorName, a.Action, a.SubjectAccountId,
                db.FamilyAccounts.Where(f => f.Id == a.SubjectAccountId).Select(f => f.Identifier).FirstOrDefault(), a.Details))
            .ToListAsync(cancellationToken);
    }
}
