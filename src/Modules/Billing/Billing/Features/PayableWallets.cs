using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal static class PayableWallets
{
    public static string Normalise(string walletCode) => walletCode.Trim().ToUpperInvariant();

    /// <summary>
    /// The wallets the régie may credit: those the activities of the family's structure are paid from (a new
    /// family prepays before its first consumption), and those the family already has (a day consumed in
    /// another structure). Null when the family does not exist.
    /// </summary>
    public static async Task<IReadOnlySet<string>?> OfFamilyAsync(BillingDbContext db, IFamilyWalletCatalog catalog, Guid familyAccountId, CancellationToken ct)
    {
        if (await catalog.OfFamilyAsync(familyAccountId, ct) is not { } family) return null;
        var held = await db.Wallets.AsNoTracking().Where(w => w.FamilyAccountId == familyAccountId).Select(w => w.Code).ToListAsync(ct);
        return family.StructureWalletCodes.Union(held, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
    }
}
