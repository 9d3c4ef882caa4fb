using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class GetDailyTakingsHandler(BillingDbContext db) : IQueryHandler<GetDailyTakings, IReadOnlyList<TakingLine>>
{
    public async ValueTask<IReadOnlyList<TakingLine>> Handle(GetDailyTakings query, CancellationToken cancellationToken) =>
        await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Kind == LedgerEntryKind.Payment && e.ValueDate == query.Day)
            .Join(db.Wallets, e => e.WalletId, w => w.Id, (e, w) => new { e, w })
            .OrderBy(x => x.e.PaymentMode).ThenBy(x => x.e.PayerName)
            .Select(x => new TakingLine(x.w.FamilyAccountId, x.w.Code, x.e.PaymentMode!.Value, x.e.PieceNumber, x.e.PayerName ?? "", x.e.BankName, x.e.Amount))
            .ToListAsync(cancellationToken);
}
