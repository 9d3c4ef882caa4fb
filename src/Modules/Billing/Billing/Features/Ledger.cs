using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Billing.Features;

internal static class Ledger
{
    /// <summary>Saves; a concurrent delivery of the same fact already wrote it (unique source id): that is success.</summary>
    public static async Task<Result> SaveOnceAsync(BillingDbContext db, string source, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.LedgerEntries.AnyAsync(e => e.SourceId == source, ct)) throw;
        }

        return Result.Success();
    }
}
