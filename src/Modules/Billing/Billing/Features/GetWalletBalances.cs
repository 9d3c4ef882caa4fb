using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class GetWalletBalancesHandler(BillingDbContext db) : IQueryHandler<GetWalletBalances, IReadOnlyList<WalletBalanceView>>
{
    public async ValueTask<IReadOnlyList<WalletBalanceView>> Handle(GetWalletBalances query, CancellationToken cancellationToken) =>
        await WalletBalances.ForFamilyAsync(db, query.FamilyAccountId, cancellationToken);
}

internal static class WalletBalances
{
    /// <summary>Each wallet of the family with its balance, the sum of its entries, ordered by code.</summary>
    public static async Task<IReadOnlyList<WalletBalanceView>> ForFamilyAsync(BillingDbContext db, Guid familyAccountId, CancellationToken ct)
    {
        var wallets = await db.Wallets.AsNoTracking()
            .Where(w => w.FamilyAccountId == familyAccountId)
            .ToListAsync(ct);
        var walletIds = wallets.Select(w => w.Id).ToList();
        // Sum in memory: SQLite stores decimals as text, and a family has few entries per wallet.
        var amounts = await db.LedgerEntries.AsNoTracking()
            .Where(e => walletIds.Contains(e.WalletId))
            .Select(e => new { e.WalletId, e.Amount })
            .ToListAsync(ct);
        return wallets
            .OrderBy(w => w.Code, StringComparer.Ordinal)
            .Select(w => new WalletBalanceView(w.Id, w.Code, w.Label, amounts.Where(a => a.WalletId == w.Id).Sum(a => a.Amount)))
            .ToList();
    }
}

internal sealed class ListPaymentsHandler(BillingDbContext db) : IQueryHandler<ListPayments, IReadOnlyList<PaymentView>>
{
    public async ValueTask<IReadOnlyList<PaymentView>> Handle(ListPayments query, CancellationToken cancellationToken)
    {
        var first = new DateOnly(query.Year, query.Month, 1);
        var next = first.AddMonths(1);
        return await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Kind == LedgerEntryKind.Payment && e.ValueDate >= first && e.ValueDate < next)
            .Join(db.Wallets.Where(w => w.FamilyAccountId == query.FamilyAccountId), e => e.WalletId, w => w.Id, (e, w) => new { e, w.Code })
            .OrderBy(x => x.e.ValueDate)
            .Select(x => new PaymentView(x.e.ValueDate, x.e.PaymentMode!.Value, x.e.PieceNumber, x.e.PayerName ?? "", x.e.BankName, x.Code, x.e.Amount))
            .ToListAsync(cancellationToken);
    }
}
