using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal static class OwedAmounts
{
    /// <summary>Every wallet of the family, by code, with what it owes (0 when not in debit).</summary>
    public static async Task<IReadOnlyList<WalletAmount>> ForFamilyAsync(BillingDbContext db, Guid familyAccountId, CancellationToken ct) =>
        (await WalletBalances.ForFamilyAsync(db, familyAccountId, ct))
            .Select(w => new WalletAmount(w.Code, AmountsOwed.From(w.Balance)))
            .ToList();
}
