using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

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
