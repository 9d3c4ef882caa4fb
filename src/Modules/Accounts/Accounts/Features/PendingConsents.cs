using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

internal static class PendingConsents
{
    public static async Task<IReadOnlyList<ConsentView>> ForAsync(AccountsDbContext db, Guid accountId, CancellationToken ct)
    {
        var accepted = await db.ConsentRecords.AsNoTracking()
            .Where(c => c.AccountId == accountId)
            .Select(c => new { c.Document, c.Version })
            .ToListAsync(ct);
        return ConsentVersions.Current
            .Where(current => !accepted.Any(a => a.Document == current.Key && a.Version == current.Value))
            .Select(current => new ConsentView(current.Key, current.Value))
            .ToList();
    }
}
