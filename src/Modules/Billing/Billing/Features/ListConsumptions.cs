using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class ListConsumptionsHandler(BillingDbContext db) : IQueryHandler<ListConsumptions, IReadOnlyList<ConsumptionView>>
{
    public async ValueTask<IReadOnlyList<ConsumptionView>> Handle(ListConsumptions query, CancellationToken cancellationToken)
    {
        var first = new DateOnly(query.Year, query.Month, 1);
        var next = first.AddMonths(1);
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => (e.Kind == LedgerEntryKind.Consumption || (e.Kind == LedgerEntryKind.Correction && e.SourceId != null && e.SourceId.StartsWith("withdrawal:")))
                && e.ValueDate >= first && e.ValueDate < next)
            .Join(db.Wallets.Where(w => w.FamilyAccountId == query.FamilyAccountId), e => e.WalletId, w => w.Id, (e, w) => new { e.ValueDate, e.Label, e.Amount, w.Code })
            .ToListAsync(cancellationToken);
        return entries
            .GroupBy(e => (e.ValueDate, e.Label, UnitPrice: Math.Abs(e.Amount), Sign: Math.Sign(e.Amount), e.Code))
            .OrderBy(g => g.Key.ValueDate).ThenBy(g => g.Key.Label)
            .Select(g =>
            {
                var parts = g.Key.Label.Split(LedgerEntry.ConsumerSeparator, 2);
                var quantity = g.Count() * -g.Key.Sign; // a credit back (absence excusée) counts negative
                return new ConsumptionView(g.Key.ValueDate, parts.Length == 2 ? parts[1] : "", parts[0], g.Key.UnitPrice, quantity, g.Key.UnitPrice * quantity, g.Key.Code);
            })
            .ToList();
    }
}
