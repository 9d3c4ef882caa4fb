using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class GetLedgerHandler(BillingDbContext db) : IQueryHandler<GetLedger, IReadOnlyList<LedgerLine>>
{
    public async ValueTask<IReadOnlyList<LedgerLine>> Handle(GetLedger query, CancellationToken cancellationToken)
    {
        var entries = await db.LedgerEntries.AsNoTracking()
            .Join(db.Wallets.Where(w => w.FamilyAccountId == query.FamilyAccountId), e => e.WalletId, w => w.Id, (e, w) => new { Entry = e, w.Code })
            .ToListAsync(cancellationToken);
        var running = new Dictionary<string, decimal>();
        var lines = new List<LedgerLine>();
        foreach (var x in entries.OrderBy(x => x.Entry.ValueDate).ThenBy(x => x.Entry.RecordedAt).ThenBy(x => x.Entry.Id))
        {
            running[x.Code] = running.GetValueOrDefault(x.Code) + x.Entry.Amount;
            lines.Add(new LedgerLine(x.Entry.ValueDate, x.Entry.RecordedAt, x.Code, x.Entry.Kind.ToString(), x.Entry.Label, x.Entry.PaymentMode, x.Entry.PieceNumber, x.Entry.Amount, running[x.Code]));
        }

        lines.Reverse();
        return lines;
    }
}
