using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Billing.Features;

internal sealed class GetBalanceEstimateHandler(ISender sender) : IQueryHandler<GetBalanceEstimate, BalanceEstimate>
{
    public async ValueTask<BalanceEstimate> Handle(GetBalanceEstimate query, CancellationToken cancellationToken)
    {
        var wallets = await sender.Send(new GetWalletBalances(query.FamilyAccountId), cancellationToken);
        var bookings = await sender.Send(new ListUndebitedBookings(query.FamilyAccountId, query.UpTo), cancellationToken);
        var prices = bookings.Count == 0 ? [] : (await sender.Send(new PriceBookings(query.FamilyAccountId,
            bookings.Select(b => new BookingToPrice(b.BookingId, b.StructureId, b.ActivityCode, b.Day)).ToList()), cancellationToken)).ToDictionary(p => p.LineId, p => p.UnitPrice);

        var codes = wallets.Select(w => w.Code).Union(bookings.Select(b => b.WalletCode)).Order(StringComparer.Ordinal);
        var estimates = codes.Select(code =>
        {
            var wallet = wallets.FirstOrDefault(w => w.Code == code);
            var lines = bookings.Where(b => b.WalletCode == code).ToList();
            return new WalletEstimate(code, wallet?.Label ?? code, wallet?.Balance ?? 0m, lines.Sum(b => prices.GetValueOrDefault(b.BookingId)), lines.Count);
        }).ToList();
        return new BalanceEstimate(query.UpTo, estimates);
    }
}

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

internal sealed class ListDebtorsHandler(BillingDbContext db) : IQueryHandler<ListDebtors, IReadOnlyList<DebtorLine>>
{
    public async ValueTask<IReadOnlyList<DebtorLine>> Handle(ListDebtors query, CancellationToken cancellationToken)
    {
        // Sums in memory: SQLite keeps decimals as text.
        var rows = await db.LedgerEntries.AsNoTracking()
            .Join(db.Wallets, e => e.WalletId, w => w.Id, (e, w) => new { w.FamilyAccountId, w.Code, e.Amount })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.FamilyAccountId)
            .Select(f => new
            {
                Family = f.Key,
                Wallets = f.GroupBy(r => r.Code).Select(w => (Code: w.Key, Balance: w.Sum(r => r.Amount))).ToList(),
            })
            .Where(f => f.Wallets.Any(w => w.Balance < 0))
            .Select(f => new DebtorLine(f.Family, f.Wallets.Where(w => w.Balance < 0).Select(w => w.Code).Order(StringComparer.Ordinal).ToList(), f.Wallets.Sum(w => w.Balance)))
            .OrderBy(d => d.TotalBalance)
            .ToList();
    }
}
